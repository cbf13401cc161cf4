import Papa from 'papaparse'
import { z } from 'zod'
import { CSV_COLUMNS, split, type CsvHeader, type CampaignRecord } from './csv-layout'
import { countryAlpha3, isCountryCode } from '../../shared/taxonomy/countries'
import { subdivision } from '../../shared/taxonomy/subdivisions'
import { isLanguageCode } from '../../shared/taxonomy/languages'
import { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, PILLARS, PURPOSES, STATUSES, VISIBILITIES } from '../../shared/taxonomy/taxonomy'
import type { CsvProblem } from '../../shared/csv/csv-file'

// Reading the who-what-where-when spreadsheet back in: every row checked,
// every problem reported by line and column, nothing returned unless all is
// well. Lines are numbered as a spreadsheet shows them (the header is line 1).

/** A campaign as the file gives it; people reached come from its indicators on Lantern, not from a file. */
export type ImportedCampaign = Omit<CampaignRecord, 'id' | 'organisationName' | 'reached'> & { code: string; line: number }

const REQUIRED: CsvHeader[] = ['organisation', 'title', 'code', 'country', 'start_date', 'end_date', 'status', 'audiences']
const KNOWN = new Set<string>(CSV_COLUMNS.map((c) => c.header))

function codeList<C extends string>(label: string, has: (c: string) => c is C): z.ZodType<C[], string>
function codeList(label: string, has: (c: string) => boolean): z.ZodType<string[], string>
function codeList(label: string, has: (c: string) => boolean) {
  return z.string().transform((cell, ctx) => {
    const values = split(cell)
    const unknown = values.filter((v) => !has(v))
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `Unknown ${label} code${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}` })
    return [...new Set(values)]
  })
}

const date = (label: string) =>
  z.string().refine((v) => v === '' || z.iso.date().safeParse(v).success, `The ${label} must be a date like 2026-04-01`).transform((v) => v || null)

const rowSchema = z
  .object({
    organisation: z.string(),
    funders: z.string().default('').transform(split),
    title: z.string().trim().min(3, 'The title must be at least 3 characters').max(200, 'The title must be 200 characters or fewer'),
    code: z.string().trim().min(1, 'Give each campaign a code; rows of the same campaign share it').max(50, 'The code must be 50 characters or fewer'),
    country: z.string().trim().toUpperCase().refine(isCountryCode, 'Use an ISO 3166-1 alpha-2 country code, like UA'),
    subdivision: z.string().trim().toUpperCase().default(''),
    subdivision_name: z.string().default(''),
    country_iso3: z.string().trim().toUpperCase().default(''),
    locality: z.string().trim().max(200, 'The locality must be 200 characters or fewer').default(''),
    reached: z.string().default('').refine((v) => v.trim() === '' || /^\d+$/.test(v.trim()), 'People reached must be a whole number'),
    start_date: date('start date'),
    end_date: date('end date'),
    status: z.enum(STATUSES.codes, { error: `Use one of: ${STATUSES.codes.join(', ')}` }),
    audiences: codeList('audience', AUDIENCES.has),
    channels: codeList('channel', CHANNELS.has).default([]),
    targeted: z.string().default('').refine((v) => v.trim() === '' || /^\d+$/.test(v.trim()), 'The targeted number must be a whole number'),
    audience_sizes: z.string().default(''),
    pillar: z.string().default('').transform((v) => v.trim() || 'prevention').pipe(z.enum(PILLARS.codes, { error: `Use one of: ${PILLARS.codes.join(', ')}` })),
    purposes: codeList('purpose', PURPOSES.has).default([]),
    exploitation_forms: codeList('form of exploitation', EXPLOITATION_FORMS.has).default([]),
    languages: codeList('ISO 639-1 language', isLanguageCode).default([]),
    visibility: z.string().default('').transform((v) => v.trim() || 'network').pipe(z.enum(VISIBILITIES.codes, { error: `Use one of: ${VISIBILITIES.codes.join(', ')}` })),
    summary: z.string().max(2000, 'The summary must be 2,000 characters or fewer').default(''),
  })
  .superRefine((r, ctx) => {
    if (r.country_iso3 && r.country_iso3 !== countryAlpha3(r.country)) {
      ctx.addIssue({ code: 'custom', path: ['country_iso3'], message: `${r.country_iso3} is not the ISO 3166-1 alpha-3 code of ${r.country} (${countryAlpha3(r.country)})` })
    }
    if (r.subdivision) {
      const s = subdivision(r.subdivision)
      if (!s) ctx.addIssue({ code: 'custom', path: ['subdivision'], message: `${r.subdivision} is not an ISO 3166-2 subdivision code` })
      else if (s.country !== r.country) ctx.addIssue({ code: 'custom', path: ['subdivision'], message: `${r.subdivision} is not in ${r.country}` })
    }
    if (r.start_date && r.end_date && r.end_date < r.start_date) {
      ctx.addIssue({ code: 'custom', path: ['end_date'], message: 'The end date is before the start date' })
    }
    const sizes = split(r.audience_sizes)
    if (sizes.length && sizes.length !== r.audiences.length) {
      ctx.addIssue({ code: 'custom', path: ['audience_sizes'], message: 'Give one size per audience (empty for unknown), separated by ;' })
    } else if (sizes.some((s) => s !== '' && !/^\d+$/.test(s))) {
      ctx.addIssue({ code: 'custom', path: ['audience_sizes'], message: 'Audience sizes must be whole numbers' })
    }
  })

// Fields that describe the campaign, not the region; the rows of one campaign must agree on them.
const CAMPAIGN_FIELDS = ['organisation', 'funders', 'title', 'country', 'locality', 'start_date', 'end_date', 'status', 'audiences', 'channels', 'pillar', 'purposes', 'exploitation_forms', 'languages', 'visibility', 'summary'] as const
// The campaign's numbers: given once, on the row for the whole campaign, and left empty on its subdivision rows.
const NUMBER_FIELDS = ['targeted', 'reached', 'audience_sizes'] as const

export type ParseResult = { ok: true; campaigns: ImportedCampaign[] } | { ok: false; problems: CsvProblem[] }

export function parseCampaignCsv(text: string, organisationName: string, maxProblems = 200): ParseResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' })
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ line: (e.row ?? 0) + 1, column: '', message: e.message }))
  const [header, ...rest] = parsed.data
  if (!header) return { ok: false, problems: [{ line: 1, column: '', message: 'The file is empty.' }] }
  const names = header.map((h) => h.trim().toLowerCase())
  for (const name of names) if (!KNOWN.has(name)) problems.push({ line: 1, column: name, message: `Unknown column “${name}”. Use the columns of the template.` })
  for (const name of REQUIRED) if (!names.includes(name)) problems.push({ line: 1, column: name, message: `The column “${name}” is missing.` })
  if (problems.length) return { ok: false, problems }

  // The HXL hashtag row, if present, is line 2 and is not data.
  const firstLine = rest[0]?.[0]?.trim().startsWith('#') ? 3 : 2
  const dataRows = firstLine === 3 ? rest.slice(1) : rest
  const byCode = new Map<string, { campaign: ImportedCampaign; line: number; cells: Record<string, unknown> }>()
  dataRows.forEach((cells, n) => {
    if (problems.length >= maxProblems) return
    const line = firstLine + n
    if (cells.length !== names.length) {
      problems.push({ line, column: '', message: `This line has ${cells.length} cells; the header has ${names.length}.` })
      return
    }
    const raw = Object.fromEntries(names.map((name, i) => [name, cells[i] ?? '']))
    const result = rowSchema.safeParse(raw)
    if (!result.success) {
      for (const issue of result.error.issues) problems.push({ line, column: String(issue.path[0] ?? ''), message: issue.message })
      return
    }
    const r = result.data
    if (r.organisation.trim() !== organisationName) {
      problems.push({ line, column: 'organisation', message: `This row belongs to “${r.organisation}”; you can import only ${organisationName}’s campaigns.` })
      return
    }
    const seen = byCode.get(r.code)
    if (seen) {
      for (const field of CAMPAIGN_FIELDS) {
        if (JSON.stringify(seen.cells[field]) !== JSON.stringify(r[field])) {
          problems.push({ line, column: field, message: `Line ${seen.line} has the same code “${r.code}” but a different ${field}.` })
          return
        }
      }
      for (const field of NUMBER_FIELDS) {
        const [before, now] = [String(seen.cells[field] ?? '').trim(), r[field].trim()]
        if (before && now && before !== now) {
          problems.push({ line, column: field, message: `Line ${seen.line} has the same code “${r.code}” but a different ${field}; give the campaign’s numbers on one of its rows.` })
          return
        }
        if (!before && now) seen.cells[field] = now
      }
      if (!seen.campaign.audienceSizes.some((s) => s !== null) && r.audience_sizes.trim()) {
        const sizes = split(r.audience_sizes)
        seen.campaign.audienceSizes = r.audiences.map((_, i) => (sizes[i] ? Number(sizes[i]) : null))
      }
      if (r.subdivision && !seen.campaign.subdivisions.includes(r.subdivision)) seen.campaign.subdivisions.push(r.subdivision)
      return
    }
    const sizes = split(r.audience_sizes)
    byCode.set(r.code, {
      line,
      cells: r,
      campaign: {
        code: r.code,
        line,
        funders: r.funders,
        title: r.title,
        summary: r.summary,
        pillar: r.pillar,
        status: r.status,
        visibility: r.visibility,
        country: r.country,
        subdivisions: r.subdivision ? [r.subdivision] : [],
        locality: r.locality,
        startDate: r.start_date,
        endDate: r.end_date,
        audiences: r.audiences,
        audienceSizes: r.audiences.map((_, i) => (sizes[i] ? Number(sizes[i]) : null)),
        channels: r.channels,
        purposes: r.purposes,
        exploitationForms: r.exploitation_forms,
        languages: r.languages,
      },
    })
  })
  if (dataRows.length === 0 && problems.length === 0) problems.push({ line: 2, column: '', message: 'The file has a header but no campaigns.' })
  // A campaign that names subdivisions on some rows and none on another is ambiguous.
  return problems.length ? { ok: false, problems } : { ok: true, campaigns: [...byCode.values()].map((v) => v.campaign) }
}
