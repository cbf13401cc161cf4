import { z } from 'zod'
import { isCountryCode } from '../../shared/taxonomy/countries'
import { AUDIENCES, PILLARS, STATUSES } from '../../shared/taxonomy/taxonomy'

// The dashboard's filters, kept in the URL. A value that is not a known code
// is not dropped silently: the dashboard shows nothing and says which filter
// it could not read.

const FIELDS = {
  funder: { schema: z.coerce.number().int().positive(), what: 'a funder' },
  organisation: { schema: z.coerce.number().int().positive(), what: 'an organisation' },
  country: { schema: z.string().trim().toUpperCase().refine(isCountryCode), what: 'a country code' },
  year: { schema: z.coerce.number().int().min(1990).max(2100), what: 'a year' },
  pillar: { schema: z.enum(PILLARS.codes), what: 'a pillar' },
  audience: { schema: z.enum(AUDIENCES.codes), what: 'an audience code' },
  status: { schema: z.enum(STATUSES.codes).refine((s) => s !== 'draft'), what: 'a status' },
  standard: { schema: z.string().regex(/^[a-z][a-z0-9_]{2,59}$/), what: 'a standard indicator code' },
} as const

type Fields = typeof FIELDS
export type DashboardFilters = { [K in keyof Fields]?: z.output<Fields[K]['schema']> }

export function parseDashboardFilters(search: URLSearchParams): { filters: DashboardFilters; problems: string[] } {
  const filters: Record<string, unknown> = {}
  const problems: string[] = []
  for (const [name, field] of Object.entries(FIELDS)) {
    const raw = search.get(name)?.trim()
    if (!raw) continue
    const parsed = field.schema.safeParse(raw)
    if (parsed.success) filters[name] = parsed.data
    else problems.push(`“${raw.slice(0, 40)}” is not ${field.what} Lantern knows`)
  }
  return { filters: filters as DashboardFilters, problems }
}
