import { z } from 'zod'
import { isCountryCode } from '../../shared/taxonomy/countries'
import { subdivision } from '../../shared/taxonomy/subdivisions'
import { AUDIENCES } from '../../shared/taxonomy/taxonomy'

// The fields of the live overlap check, as the browser sends them while the
// planner types. Anything missing or nonsensical means "no check yet", with
// a reason, never an error.

export const liveCheckSchema = z
  .object({
    country: z.string().toUpperCase().refine(isCountryCode),
    subdivisions: z.array(z.string().toUpperCase()).default([]),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    audiences: z.array(z.enum(AUDIENCES.codes)).min(1),
  })
  .refine((v) => v.endDate >= v.startDate)
  .refine((v) => v.subdivisions.every((code) => subdivision(code)?.country === v.country))

export function parseLiveCheck(search: URLSearchParams) {
  return liveCheckSchema.safeParse({
    country: search.get('country') ?? undefined,
    subdivisions: search.getAll('subdivisions'),
    startDate: search.get('startDate') ?? undefined,
    endDate: search.get('endDate') ?? undefined,
    audiences: search.getAll('audiences'),
  })
}
