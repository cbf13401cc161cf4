import { z } from 'zod'
import { REVIEW_VERDICTS } from '../../db/schema'
import { idField } from './fields'

const optionalDate = z.iso.date().optional().catch(undefined)

export const pairFiltersSchema = z.object({
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  level: z.enum(['high', 'medium', 'low']).optional().catch(undefined),
  review: z.enum(REVIEW_VERDICTS).optional().catch(undefined),
  from: optionalDate,
  to: optionalDate,
})
export type PairFilters = z.infer<typeof pairFiltersSchema>

export function parsePairFilters(search: URLSearchParams): PairFilters {
  return pairFiltersSchema.parse(Object.fromEntries([...search.entries()].filter(([, v]) => v !== '')))
}

export const reviewSchema = z.object({
  intent: z.literal('review'),
  campaignA: idField,
  campaignB: idField,
  verdict: z.enum(REVIEW_VERDICTS, { error: 'Choose a verdict' }),
  note: z.string().trim().max(2000, 'The note must be 2,000 characters or fewer').default(''),
})
