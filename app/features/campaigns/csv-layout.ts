import type { Audience, Channel, ExploitationForm, Pillar, Purpose, Status, Visibility } from '../../shared/taxonomy/taxonomy'

// The who-what-where-when spreadsheet: one row per campaign × subdivision
// (a country-level campaign has one row with the subdivision empty), with an
// HXL hashtag row under the header so that humanitarian tools read it.
// Multi-valued cells hold taxonomy codes separated by ";".

export const CSV_COLUMNS = [
  { header: 'organisation', hxl: '#org+name+impl' },
  { header: 'funders', hxl: '#org+name+funding' },
  { header: 'title', hxl: '#activity+name' },
  { header: 'code', hxl: '#activity+code' },
  { header: 'country', hxl: '#country+code' },
  { header: 'subdivision', hxl: '#adm1+code' },
  { header: 'subdivision_name', hxl: '#adm1+name' },
  { header: 'start_date', hxl: '#date+start' },
  { header: 'end_date', hxl: '#date+end' },
  { header: 'status', hxl: '#status' },
  { header: 'audiences', hxl: '#beneficiary+type' },
  { header: 'channels', hxl: '#x_channel' },
  { header: 'targeted', hxl: '#targeted+num' },
  { header: 'audience_sizes', hxl: '#x_audience+num' },
  { header: 'pillar', hxl: '#x_pillar' },
  { header: 'purposes', hxl: '#x_purpose' },
  { header: 'exploitation_forms', hxl: '#x_exploitation' },
  { header: 'languages', hxl: '#x_language' },
  { header: 'visibility', hxl: '#x_visibility' },
  { header: 'summary', hxl: '#description' },
] as const

export type CsvHeader = (typeof CSV_COLUMNS)[number]['header']
export type CsvRow = Record<CsvHeader, string>

/** What one campaign contributes to the spreadsheet. */
export type CampaignRecord = {
  id: number
  /** The code the spreadsheet knows it by: the organisation's own, or LANTERN-<id> for a campaign registered on Lantern. */
  code: string
  organisationName: string
  funders: string[]
  title: string
  summary: string
  pillar: Pillar
  status: Status
  visibility: Visibility
  country: string | null
  subdivisions: string[]
  startDate: string | null
  endDate: string | null
  audiences: Audience[]
  audienceSizes: (number | null)[]
  channels: Channel[]
  purposes: Purpose[]
  exploitationForms: ExploitationForm[]
  languages: string[]
}

/** The code of a campaign registered on Lantern rather than imported under a code of its own. */
export const lanternCode = (id: number) => `LANTERN-${id}`
export const lanternId = (code: string) => (/^LANTERN-(\d+)$/.exec(code) ? Number(code.slice('LANTERN-'.length)) : null)

export const join = (values: readonly (string | number | null)[]) => values.map((v) => (v === null ? '' : String(v))).join(';')
export const split = (cell: string) => (cell.trim() === '' ? [] : cell.split(';').map((v) => v.trim()))

/** The rows of one campaign. */
export function campaignRows(c: CampaignRecord, subdivisionName: (code: string) => string): CsvRow[] {
  const base: Omit<CsvRow, 'subdivision' | 'subdivision_name'> = {
    organisation: c.organisationName,
    funders: join(c.funders),
    title: c.title,
    code: c.code,
    country: c.country ?? '',
    start_date: c.startDate ?? '',
    end_date: c.endDate ?? '',
    status: c.status,
    audiences: join(c.audiences),
    channels: join(c.channels),
    targeted: String(c.audienceSizes.reduce<number>((n, s) => n + (s ?? 0), 0) || ''),
    audience_sizes: join(c.audienceSizes),
    pillar: c.pillar,
    purposes: join(c.purposes),
    exploitation_forms: join(c.exploitationForms),
    languages: join(c.languages),
    visibility: c.visibility,
    summary: c.summary,
  }
  const regions = c.subdivisions.length ? c.subdivisions : ['']
  return regions.map((code) => ({ ...base, subdivision: code, subdivision_name: code ? subdivisionName(code) : '' }))
}
