import { z } from 'zod'
import { SUBDIVISION_CODE } from '../../shared/taxonomy/countries'
import { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, STATUSES } from '../../shared/taxonomy/taxonomy'

// The campaign list's filters, read from the URL so that a filtered list can
// be bookmarked and shared. Unknown values are dropped, not fatal: a stale
// link still opens a list.

const optionalCode = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined)

export const SORTS = ['start', 'title', 'updated'] as const

export const campaignFiltersSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/).optional().catch(undefined),
  subdivision: z.string().trim().toUpperCase().regex(SUBDIVISION_CODE).optional().catch(undefined),
  audience: optionalCode(AUDIENCES.codes),
  channel: optionalCode(CHANNELS.codes),
  form: optionalCode(EXPLOITATION_FORMS.codes),
  status: optionalCode(STATUSES.codes),
  organisation: z.coerce.number().int().positive().optional().catch(undefined),
  year: z.coerce.number().int().min(1990).max(2100).optional().catch(undefined),
  /** YYYY-MM: campaigns running at any time in that month. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional().catch(undefined),
  /** Campaigns running at any time from this day… */
  from: z.iso.date().optional().catch(undefined),
  /** …to this day (both inclusive). */
  to: z.iso.date().optional().catch(undefined),
  sort: z.enum(SORTS).default('start').catch('start'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
})

export type CampaignFilters = z.infer<typeof campaignFiltersSchema>

export function parseCampaignFilters(search: URLSearchParams): CampaignFilters {
  return campaignFiltersSchema.parse(Object.fromEntries([...search.entries()].filter(([, v]) => v !== '')))
}
