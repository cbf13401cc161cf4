import Papa from 'papaparse'
import { z } from 'zod'
import { CSV_COLUMNS, split, type CsvHeader, type CampaignRecord } from './csv-layout'
import { countryAlpha3, isCountryCode } from '../../shared/taxonomy/countries'
import { subdivision } from '../../shared/taxonomy/subdivisions'
import { isLanguageCode } from '../../shared/taxonomy/languages'
import { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, PILLARS, PURPOSES, STATUSES, VISIBILITIES } from '../../shared/taxonomy/taxonomy'
import type { CsvProblem } from '../../shared/csv/csv-file'
import { parseProblem } from '../../shared/csv/parse-problem'
import { defineMessages, lazy, tr } from '../../shared/i18n'

// Reading the who-what-where-when spreadsheet back in: every row checked,
// every problem reported by line and column, nothing returned unless all is
// well. Lines are numbered as a spreadsheet shows them (the header is line 1).

/** A campaign as the file gives it; people reached come from its indicators on Lantern, not from a file. */
export type ImportedCampaign = Omit<CampaignRecord, 'id' | 'organisationName' | 'reached'> & { code: string; line: number }

const REQUIRED: CsvHeader[] = ['organisation', 'title', 'code', 'country', 'start_date', 'end_date', 'status', 'audiences']
const KNOWN = new Set<string>(CSV_COLUMNS.map((c) => c.header))

type ListKind = 'audience' | 'channel' | 'purpose' | 'form' | 'language'
const said = defineMessages({
  unknownCodes: {
    id: 'campaigns.csv.unknown_codes',
    defaultMessage: 'Unknown {kind, select, audience {audience} channel {channel} purpose {purpose} form {form of exploitation} other {ISO 639-1 language}} {count, plural, one {code} other {codes}}: {codes}',
  },
  date: { id: 'campaigns.csv.date', defaultMessage: 'The {which, select, start {start date} other {end date}} must be a date like 2026-04-01' },
  useOneOf: { id: 'campaigns.csv.use_one_of', defaultMessage: 'Use one of: {codes}' },
  alpha3: { id: 'campaigns.csv.alpha3', defaultMessage: '{given} is not the ISO 3166-1 alpha-3 code of {country} ({alpha3})' },
  notSubdivision: { id: 'campaigns.csv.not_subdivision', defaultMessage: '{code} is not an ISO 3166-2 subdivision code' },
  notIn: { id: 'campaigns.csv.not_in', defaultMessage: '{code} is not in {country}' },
  empty: { id: 'campaigns.csv.empty', defaultMessage: 'The file is empty.' },
  unknownColumn: { id: 'campaigns.csv.unknown_column', defaultMessage: 'Unknown column “{name}”. Use the columns of the template.' },
  missingColumn: { id: 'campaigns.csv.missing_column', defaultMessage: 'The column “{name}” is missing.' },
  cells: { id: 'campaigns.csv.cells', defaultMessage: 'This line has {cells, plural, one {# cell} other {# cells}}; the header has {headers, number}.' },
  otherOrganisation: { id: 'campaigns.csv.other_organisation', defaultMessage: 'This row belongs to “{given}”; you can import only {organisation}’s campaigns.' },
  sameCode: { id: 'campaigns.csv.same_code', defaultMessage: 'Line {line} has the same code “{code}” but a different {field}.' },
  sameCodeNumbers: { id: 'campaigns.csv.same_code_numbers', defaultMessage: 'Line {line} has the same code “{code}” but a different {field}; give the campaign’s numbers on one of its rows.' },
  noCampaigns: { id: 'campaigns.csv.no_campaigns', defaultMessage: 'The file has a header but no campaigns.' },
})

function codeList<C extends string>(kind: ListKind, has: (c: string) => c is C): z.ZodType<C[], string>
function codeList(kind: ListKind, has: (c: string) => boolean): z.ZodType<string[], string>
function codeList(kind: ListKind, has: (c: string) => boolean) {
  return z.string().transform((cell, ctx) => {
    const values = split(cell)
    const unknown = values.filter((v) => !has(v))
    if (unknown.length) ctx.addIssue({ code: 'custom', message: tr(said.unknownCodes, { kind, count: unknown.length, codes: unknown.join(', ') }) })
    return [...new Set(values)]
  })
}

const date = (which: 'start' | 'end') =>
  z.string().refine((v) => v === '' || z.iso.date().safeParse(v).success, { error: lazy(said.date, { which }) }).transform((v) => v || null)

const rowSchema = z
  .object({
    organisation: z.string(),
    funders: z.string().default('').transform(split),
    title: z.string().trim().min(3, { error: lazy({ id: 'campaigns.csv_import.the_title_must_be_at_least', defaultMessage: 'The title must be at least 3 characters' }) }).max(200, { error: lazy({ id: 'campaigns.csv_import.the_title_must_be_200_characters', defaultMessage: 'The title must be 200 characters or fewer' }) }),
    code: z.string().trim().min(1, { error: lazy({ id: 'campaigns.csv_import.give_each_campaign_a_code_rows', defaultMessage: 'Give each campaign a code; rows of the same campaign share it' }) }).max(50, { error: lazy({ id: 'campaigns.csv_import.the_code_must_be_50_characters', defaultMessage: 'The code must be 50 characters or fewer' }) }),
    country: z.string().trim().toUpperCase().refine(isCountryCode, { error: lazy({ id: 'campaigns.csv_import.use_an_iso_3166_1_alpha', defaultMessage: 'Use an ISO 3166-1 alpha-2 country code, like UA' }) }),
    subdivision: z.string().trim().toUpperCase().default(''),
    subdivision_name: z.string().default(''),
    country_iso3: z.string().trim().toUpperCase().default(''),
    locality: z.string().trim().max(200, { error: lazy({ id: 'campaigns.csv_import.the_locality_must_be_200_characters', defaultMessage: 'The locality must be 200 characters or fewer' }) }).default(''),
    reached: z.string().default('').refine((v) => v.trim() === '' || /^\d+$/.test(v.trim()), { error: lazy({ id: 'campaigns.csv_import.people_reached_must_be_a_whole', defaultMessage: 'People reached must be a whole number' }) }),
    start_date: date('start'),
    end_date: date('end'),
    status: z.enum(STATUSES.codes, { error: lazy(said.useOneOf, { codes: STATUSES.codes.join(', ') }) }),
    audiences: codeList('audience', AUDIENCES.has),
    channels: codeList('channel', CHANNELS.has).default([]),
    targeted: z.string().default('').refine((v) => v.trim() === '' || /^\d+$/.test(v.trim()), { error: lazy({ id: 'campaigns.csv_import.the_targeted_number_must_be_a', defaultMessage: 'The targeted number must be a whole number' }) }),
    audience_sizes: z.string().default(''),
    pillar: z.string().default('').transform((v) => v.trim() || 'prevention').pipe(z.enum(PILLARS.codes, { error: lazy(said.useOneOf, { codes: PILLARS.codes.join(', ') }) })),
    purposes: codeList('purpose', PURPOSES.has).default([]),
    exploitation_forms: codeList('form', EXPLOITATION_FORMS.has).default([]),
    languages: codeList('language', isLanguageCode).default([]),
    visibility: z.string().default('').transform((v) => v.trim() || 'network').pipe(z.enum(VISIBILITIES.codes, { error: lazy(said.useOneOf, { codes: VISIBILITIES.codes.join(', ') }) })),
    summary: z.string().max(2000, { error: lazy({ id: 'campaigns.csv_import.the_summary_must_be_2_000', defaultMessage: 'The summary must be 2,000 characters or fewer' }) }).default(''),
  })
  .superRefine((r, ctx) => {
    if (r.country_iso3 && r.country_iso3 !== countryAlpha3(r.country)) {
      ctx.addIssue({ code: 'custom', path: ['country_iso3'], message: tr(said.alpha3, { given: r.country_iso3, country: r.country, alpha3: countryAlpha3(r.country) ?? '' }) })
    }
    if (r.subdivision) {
      const s = subdivision(r.subdivision)
      if (!s) ctx.addIssue({ code: 'custom', path: ['subdivision'], message: tr(said.notSubdivision, { code: r.subdivision }) })
      else if (s.country !== r.country) ctx.addIssue({ code: 'custom', path: ['subdivision'], message: tr(said.notIn, { code: r.subdivision, country: r.country }) })
    }
    if (r.start_date && r.end_date && r.end_date < r.start_date) {
      ctx.addIssue({ code: 'custom', path: ['end_date'], message: tr({ id: 'campaigns.csv_import.the_end_date_is_before_the', defaultMessage: 'The end date is before the start date' }) })
    }
    const sizes = split(r.audience_sizes)
    if (sizes.length && sizes.length !== r.audiences.length) {
      ctx.addIssue({ code: 'custom', path: ['audience_sizes'], message: tr({ id: 'campaigns.csv_import.give_one_size_per_audience_empty', defaultMessage: 'Give one size per audience (empty for unknown), separated by ;' }) })
    } else if (sizes.some((s) => s !== '' && !/^\d+$/.test(s))) {
      ctx.addIssue({ code: 'custom', path: ['audience_sizes'], message: tr({ id: 'campaigns.csv_import.audience_sizes_must_be_whole_numbers', defaultMessage: 'Audience sizes must be whole numbers' }) })
    }
  })

// Fields that describe the campaign, not the region; the rows of one campaign must agree on them.
const CAMPAIGN_FIELDS = ['organisation', 'funders', 'title', 'country', 'locality', 'start_date', 'end_date', 'status', 'audiences', 'channels', 'pillar', 'purposes', 'exploitation_forms', 'languages', 'visibility', 'summary'] as const
// The campaign's numbers: given once, on the row for the whole campaign, and left empty on its subdivision rows.
const NUMBER_FIELDS = ['targeted', 'reached', 'audience_sizes'] as const

export type ParseResult = { ok: true; campaigns: ImportedCampaign[] } | { ok: false; problems: CsvProblem[] }

export function parseCampaignCsv(text: string, organisationName: string, maxProblems = 200): ParseResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' })
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ line: (e.row ?? 0) + 1, column: '', message: parseProblem(e) }))
  const [header, ...rest] = parsed.data
  if (!header) return { ok: false, problems: [{ line: 1, column: '', message: tr(said.empty) }] }
  const names = header.map((h) => h.trim().toLowerCase())
  for (const name of names) if (!KNOWN.has(name)) problems.push({ line: 1, column: name, message: tr(said.unknownColumn, { name }) })
  for (const name of REQUIRED) if (!names.includes(name)) problems.push({ line: 1, column: name, message: tr(said.missingColumn, { name }) })
  if (problems.length) return { ok: false, problems }

  // The HXL hashtag row, if present, is line 2 and is not data.
  const firstLine = rest[0]?.[0]?.trim().startsWith('#') ? 3 : 2
  const dataRows = firstLine === 3 ? rest.slice(1) : rest
  const byCode = new Map<string, { campaign: ImportedCampaign; line: number; cells: Record<string, unknown> }>()
  dataRows.forEach((cells, n) => {
    if (problems.length >= maxProblems) return
    const line = firstLine + n
    if (cells.length !== names.length) {
      problems.push({ line, column: '', message: tr(said.cells, { cells: cells.length, headers: names.length }) })
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
      problems.push({ line, column: 'organisation', message: tr(said.otherOrganisation, { given: r.organisation, organisation: organisationName }) })
      return
    }
    const seen = byCode.get(r.code)
    if (seen) {
      for (const field of CAMPAIGN_FIELDS) {
        if (JSON.stringify(seen.cells[field]) !== JSON.stringify(r[field])) {
          problems.push({ line, column: field, message: tr(said.sameCode, { line: seen.line, code: r.code, field }) })
          return
        }
      }
      for (const field of NUMBER_FIELDS) {
        const [before, now] = [String(seen.cells[field] ?? '').trim(), r[field].trim()]
        if (before && now && before !== now) {
          problems.push({ line, column: field, message: tr(said.sameCodeNumbers, { line: seen.line, code: r.code, field }) })
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
  if (dataRows.length === 0 && problems.length === 0) problems.push({ line: 2, column: '', message: tr(said.noCampaigns) })
  // A campaign that names subdivisions on some rows and none on another is ambiguous.
  return problems.length ? { ok: false, problems } : { ok: true, campaigns: [...byCode.values()].map((v) => v.campaign) }
}
