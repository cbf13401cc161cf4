import { z } from 'zod'
import { isCountryCode, SUBDIVISION_CODE } from '../../shared/taxonomy/countries'
import { defaultPeriod } from './coverage'
import { AUDIENCES, REVIEW_VERDICTS } from '../../shared/taxonomy/taxonomy'
import { idField } from '../../shared/ui/fields'
import { lazy } from '../../shared/i18n'

const optionalDate = z.iso.date().optional().catch(undefined)

export const pairFiltersSchema = z.object({
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  level: z.enum(['high', 'medium', 'low']).optional().catch(undefined),
  review: z.enum(REVIEW_VERDICTS).optional().catch(undefined),
  subdivision: z.string().trim().toUpperCase().regex(SUBDIVISION_CODE).optional().catch(undefined),
  audience: z.enum(AUDIENCES.codes).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
})
export type PairFilters = z.infer<typeof pairFiltersSchema>

/** The workspace's filters from its URL; without dates, the default period around `today` (defaultPeriod). */
export function parsePairFilters(search: URLSearchParams, today = new Date().toISOString().slice(0, 10)): PairFilters & { from: string; to: string } {
  const parsed = pairFiltersSchema.parse(Object.fromEntries([...search.entries()].filter(([, v]) => v !== '')))
  const period = defaultPeriod(today)
  return { ...parsed, from: parsed.from ?? period.from, to: parsed.to ?? period.to }
}

export const reviewSchema = z.object({
  intent: z.literal('review'),
  campaignA: idField,
  campaignB: idField,
  verdict: z.enum(REVIEW_VERDICTS, { error: lazy({ id: 'coordination.fields.verdict', defaultMessage: 'Choose a verdict' }) }),
  note: z
    .string()
    .trim()
    .max(2000, { error: lazy({ id: 'campaigns.fields.note.too_long', defaultMessage: 'The note must be {max, number} characters or fewer' }, { max: 2000 }) })
    .default(''),
})

const chooseCountry = lazy({ id: 'fields.country.required', defaultMessage: 'Choose a country' })
const wholeDays = lazy({ id: 'coordination.fields.buffer_days', defaultMessage: 'Enter a whole number of days from 0 to 90' })

export const bufferSchema = z.object({
  intent: z.literal('buffer'),
  country: z.string({ error: chooseCountry }).trim().toUpperCase().refine(isCountryCode, { error: chooseCountry }),
  bufferDays: z.coerce.number({ error: wholeDays }).int({ error: wholeDays }).min(0, { error: wholeDays }).max(90, { error: wholeDays }),
})

export const coordinationActionSchema = z.discriminatedUnion('intent', [reviewSchema, bufferSchema])
