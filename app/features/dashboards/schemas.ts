import { z } from 'zod'
import { isCountryCode } from '../../shared/taxonomy/countries'
import { AUDIENCES, PILLARS, STATUSES } from '../../shared/taxonomy/taxonomy'
import type { DashboardProblem } from './problem-words'

// The dashboard's filters, kept in the URL. A value that is not a known code
// is not dropped silently: the dashboard shows nothing and says which filter
// it could not read.

const FIELDS = {
  funder: z.coerce.number().int().positive(),
  organisation: z.coerce.number().int().positive(),
  country: z.string().trim().toUpperCase().refine(isCountryCode),
  year: z.coerce.number().int().min(1990).max(2100),
  pillar: z.enum(PILLARS.codes),
  audience: z.enum(AUDIENCES.codes),
  status: z.enum(STATUSES.codes).refine((s) => s !== 'draft'),
  standard: z.string().regex(/^[a-z][a-z0-9_]{2,59}$/),
} as const

type Fields = typeof FIELDS
export type DashboardFilters = { [K in keyof Fields]?: z.output<Fields[K]> }

export function parseDashboardFilters(search: URLSearchParams): { filters: DashboardFilters; problems: DashboardProblem[] } {
  const filters: Record<string, unknown> = {}
  const problems: DashboardProblem[] = []
  for (const [name, schema] of Object.entries(FIELDS)) {
    const raw = search.get(name)?.trim()
    if (!raw) continue
    const parsed = schema.safeParse(raw)
    if (parsed.success) filters[name] = parsed.data
    else problems.push({ field: name as keyof Fields, value: raw.slice(0, 40) })
  }
  return { filters: filters as DashboardFilters, problems }
}
