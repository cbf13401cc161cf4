import type { Audience, Channel, ExploitationForm, Pillar, Purpose, Status, Visibility } from '../../shared/taxonomy/taxonomy'

// The who-what-where-when spreadsheet (a 3W), with an HXL hashtag row under
// the header so that humanitarian tools read it (HXL core schema 1.1; see
// docs/decisions/010-hxl-3w.md). A campaign in one place is one row; a
// campaign over several subdivisions is a row for the whole campaign, which
// alone carries its numbers, then one row per subdivision without them, so
// that a sum by any location column counts each person once. Multi-valued
// cells hold codes separated by ";" and are tagged +list.

export const CSV_COLUMNS = [
  { header: 'organisation', hxl: '#org+name+impl' },
  { header: 'funders', hxl: '#org+name+funder+list' },
  { header: 'title', hxl: '#activity+name' },
  { header: 'code', hxl: '#activity+code' },
  { header: 'sector', hxl: '#sector+name' },
  { header: 'subsector', hxl: '#subsector+name' },
  { header: 'country_iso3', hxl: '#country+code' },
  { header: 'country', hxl: '#country+code+v_iso2' },
  { header: 'subdivision', hxl: '#adm1+code+v_iso3166_2' },
  { header: 'subdivision_name', hxl: '#adm1+name' },
  { header: 'locality', hxl: '#loc+name' },
  { header: 'start_date', hxl: '#date+start' },
  { header: 'end_date', hxl: '#date+end' },
  { header: 'status', hxl: '#status' },
  { header: 'audiences', hxl: '#beneficiary+type+list' },
  { header: 'channels', hxl: '#x_channel+list' },
  { header: 'targeted', hxl: '#targeted' },
  { header: 'reached', hxl: '#reached' },
  { header: 'audience_sizes', hxl: '#x_audience_size+list' },
  { header: 'pillar', hxl: '#x_pillar' },
  { header: 'purposes', hxl: '#x_purpose+list' },
  { header: 'exploitation_forms', hxl: '#x_exploitation+list' },
  { header: 'languages', hxl: '#x_language+list' },
  { header: 'visibility', hxl: '#x_visibility' },
  { header: 'summary', hxl: '#description' },
] as const

/** The 3W's "what" for every campaign: the humanitarian sector and its area of responsibility. */
export const SECTOR = 'Protection'
export const SUBSECTOR = 'Anti-trafficking'

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
  locality: string
  startDate: string | null
  endDate: string | null
  audiences: Audience[]
  audienceSizes: (number | null)[]
  channels: Channel[]
  purposes: Purpose[]
  exploitationForms: ExploitationForm[]
  languages: string[]
  /** People reached, where the campaign reports them (an output indicator of the people-reached standard). */
  reached: number | null
}

/** The code of a campaign registered on Lantern rather than imported under a code of its own. */
export const lanternCode = (id: number) => `LANTERN-${id}`
/** The code a campaign goes by in every spreadsheet: its own, or LANTERN-<id>. */
export const campaignCode = (c: { id: number; importCode: string | null }) => c.importCode ?? lanternCode(c.id)
export const lanternId = (code: string) => (/^LANTERN-(\d+)$/.exec(code) ? Number(code.slice('LANTERN-'.length)) : null)

export const join = (values: readonly (string | number | null)[]) => values.map((v) => (v === null ? '' : String(v))).join(';')
export const split = (cell: string) => (cell.trim() === '' ? [] : cell.split(';').map((v) => v.trim()))

type Places = { subdivisionName: (code: string) => string; alpha3: (country: string) => string }

/** The rows of one campaign: its numbers on one row only (see above). */
export function campaignRows(c: CampaignRecord, places: Places): CsvRow[] {
  const base: Omit<CsvRow, 'subdivision' | 'subdivision_name' | 'targeted' | 'reached' | 'audience_sizes'> = {
    organisation: c.organisationName,
    funders: join(c.funders),
    title: c.title,
    code: c.code,
    sector: SECTOR,
    subsector: SUBSECTOR,
    country_iso3: c.country ? places.alpha3(c.country) : '',
    country: c.country ?? '',
    locality: c.locality,
    start_date: c.startDate ?? '',
    end_date: c.endDate ?? '',
    status: c.status,
    audiences: join(c.audiences),
    channels: join(c.channels),
    pillar: c.pillar,
    purposes: join(c.purposes),
    exploitation_forms: join(c.exploitationForms),
    languages: join(c.languages),
    visibility: c.visibility,
    summary: c.summary,
  }
  const numbers = {
    targeted: String(c.audienceSizes.reduce<number>((n, s) => n + (s ?? 0), 0) || ''),
    reached: c.reached === null ? '' : String(c.reached),
    audience_sizes: join(c.audienceSizes),
  }
  const none = { targeted: '', reached: '', audience_sizes: '' }
  const place = (code: string) => ({ subdivision: code, subdivision_name: code ? places.subdivisionName(code) : '' })
  if (c.subdivisions.length <= 1) return [{ ...base, ...place(c.subdivisions[0] ?? ''), ...numbers }]
  return [{ ...base, ...place(''), ...numbers }, ...c.subdivisions.map((code) => ({ ...base, ...place(code), ...none }))]
}
