import { z } from 'zod'

// An actual value of an indicator, entered by date (reach, hotline calls…).

export const actualSchema = z.object({
  onDate: z.iso.date({ error: 'Enter the date the value is for, like 2026-04-30' }),
  value: z.coerce
    .number({ error: 'Enter the value as a number, like 1250 or 42.5' })
    .refine(Number.isFinite, 'Enter the value as a number, like 1250 or 42.5')
    .min(0, 'The value cannot be negative')
    .max(1e12, 'The value is too large'),
  note: z.string().trim().max(500, 'The note must be 500 characters or fewer').default(''),
})
export type ActualInput = z.infer<typeof actualSchema>
