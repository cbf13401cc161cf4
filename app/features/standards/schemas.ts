import { z } from 'zod'
import { DIRECTIONS, INDICATOR_UNITS } from '../../shared/taxonomy/taxonomy'
import { lazy } from '../../shared/i18n'

// A standard indicator of the shared library, as a coordinator writes it.

export const standardIndicatorSchema = z.object({
  code: z
    .string({ error: lazy({ id: 'standards.schemas.enter_a_code', defaultMessage: 'Enter a code' }) })
    .trim()
    .regex(/^[a-z][a-z0-9_]{2,59}$/, { error: lazy({ id: 'standards.schemas.the_code_is_3_to_60', defaultMessage: 'The code is 3 to 60 characters: lower-case letters, digits and _, starting with a letter, like knows_hotline_pct' }) }),
  name: z.string({ error: lazy({ id: 'standards.schemas.enter_the_indicator_s_name', defaultMessage: 'Enter the indicator’s name' }) }).trim().min(3, { error: lazy({ id: 'standards.schemas.the_name_must_be_at_least', defaultMessage: 'The name must be at least 3 characters' }) }).max(300, { error: lazy({ id: 'standards.schemas.the_name_must_be_300_characters', defaultMessage: 'The name must be 300 characters or fewer' }) }),
  unit: z.enum(INDICATOR_UNITS.codes, { error: lazy({ id: 'standards.schemas.choose_the_unit', defaultMessage: 'Choose the unit' }) }),
  direction: z.enum(DIRECTIONS.codes, { error: lazy({ id: 'standards.schemas.choose_whether_higher_or_lower_is', defaultMessage: 'Choose whether higher or lower is better' }) }),
  guidance: z.string().trim().max(2000, { error: lazy({ id: 'standards.schemas.the_guidance_must_be_2_000', defaultMessage: 'The guidance must be 2,000 characters or fewer' }) }).default(''),
})
export type StandardIndicatorInput = z.infer<typeof standardIndicatorSchema>
