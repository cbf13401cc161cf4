import { z } from 'zod'
import { lazy } from '../../shared/i18n'

// An actual value of an indicator, entered by date (reach, hotline calls…).

export const actualSchema = z.object({
  onDate: z.iso.date({ error: lazy({ id: 'results.actual_schema.enter_the_date_the_value_is', defaultMessage: 'Enter the date the value is for, like 2026-04-30' }) }),
  value: z.coerce
    .number({ error: lazy({ id: 'results.actual_schema.enter_the_value_as_a_number', defaultMessage: 'Enter the value as a number, like 1250 or 42.5' }) })
    .refine(Number.isFinite, { error: lazy({ id: 'results.actual_schema.enter_the_value_as_a_number', defaultMessage: 'Enter the value as a number, like 1250 or 42.5' }) })
    .min(0, { error: lazy({ id: 'results.actual_schema.the_value_cannot_be_negative', defaultMessage: 'The value cannot be negative' }) })
    .max(1e12, { error: lazy({ id: 'results.actual_schema.the_value_is_too_large', defaultMessage: 'The value is too large' }) }),
  note: z.string().trim().max(500, { error: lazy({ id: 'results.actual_schema.the_note_must_be_500_characters', defaultMessage: 'The note must be 500 characters or fewer' }) }).default(''),
})
export type ActualInput = z.infer<typeof actualSchema>
