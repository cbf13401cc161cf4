import { z } from 'zod'
import { DIRECTIONS, INDICATOR_UNITS } from '../../shared/taxonomy/taxonomy'

// A standard indicator of the shared library, as a coordinator writes it.

export const standardIndicatorSchema = z.object({
  code: z
    .string({ error: 'Enter a code' })
    .trim()
    .regex(/^[a-z][a-z0-9_]{2,59}$/, 'The code is 3 to 60 characters: lower-case letters, digits and _, starting with a letter, like knows_hotline_pct'),
  name: z.string({ error: 'Enter the indicator’s name' }).trim().min(3, 'The name must be at least 3 characters').max(300, 'The name must be 300 characters or fewer'),
  unit: z.enum(INDICATOR_UNITS.codes, { error: 'Choose the unit' }),
  direction: z.enum(DIRECTIONS.codes, { error: 'Choose whether higher or lower is better' }),
  guidance: z.string().trim().max(2000, 'The guidance must be 2,000 characters or fewer').default(''),
})
export type StandardIndicatorInput = z.infer<typeof standardIndicatorSchema>
