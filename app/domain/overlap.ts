import { countryName, subdivision, subdivisionAndAncestors } from './countries'
import { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, PURPOSES, type Audience, type Channel, type ExploitationForm, type Purpose, type Status } from './taxonomy'

// Overlap between two organisations' campaigns (DESIGN.md §5): the hard rules
// decide whether a pair overlaps at all; the score says how much, and the
// reasons say it in words. Pure: the candidate query in SQL narrows the field,
// this function decides.

export type OverlapCampaign = {
  id: number
  organisationId: number
  status: Status
  country: string | null
  subdivisions: readonly string[]
  startDate: string | null
  endDate: string | null
  audiences: readonly Audience[]
  channels: readonly Channel[]
  exploitationForms: readonly ExploitationForm[]
  purposes: readonly Purpose[]
}

export type OverlapOptions = {
  /** Widens both periods by this many days on each side (a coordinator's setting). */
  bufferDays?: number
  /** The organisation whose drafts take part: a planner's live check of their own draft. */
  draftsOf?: number
}

export type OverlapLevel = 'high' | 'medium' | 'low'

export type Overlap = {
  score: number
  level: OverlapLevel
  regionLevel: 'subdivision' | 'country'
  /** Shared subdivision codes, or the country code when one side covers the whole country. */
  regions: string[]
  /** The weeks both run; with a buffer, periods apart by gapDays may also count (weeks 0). */
  period: { start: string; end: string; weeks: number; gapDays: number }
  sharedAudiences: Audience[]
  sharedChannels: Channel[]
  sharedForms: ExploitationForm[]
  sharedPurposes: Purpose[]
  reasons: string[]
}

// Shared audience weighs most, then channel, then form of exploitation and
// purpose; a subdivision match is stronger than a country-level one. The
// weights add up to 1.
export const WEIGHTS = { audience: 0.45, channel: 0.2, form: 0.1, purpose: 0.1, subdivision: 0.15, country: 0.05 } as const
export const LEVELS = { high: 0.6, medium: 0.3 } as const

const COUNTED: ReadonlySet<Status> = new Set(['planned', 'active', 'completed', 'evaluated'])
const DAY = 86_400_000

function takesPart(c: OverlapCampaign, options: OverlapOptions): boolean {
  if (c.status === 'draft') return options.draftsOf === c.organisationId
  return COUNTED.has(c.status)
}

const shared = <T>(a: readonly T[], b: readonly T[]) => a.filter((x) => b.includes(x))
/** |A ∩ B| / min(|A|, |B|): a narrow campaign fully inside a broad one counts as fully shared. */
const coefficient = (common: number, a: number, b: number) => (Math.min(a, b) === 0 ? 0 : common / Math.min(a, b))

function regionsShared(a: OverlapCampaign, b: OverlapCampaign): { level: 'subdivision' | 'country'; regions: string[] } | null {
  if (!a.country || a.country !== b.country) return null
  if (a.subdivisions.length === 0 && b.subdivisions.length === 0) return { level: 'country', regions: [a.country] }
  if (a.subdivisions.length === 0) return { level: 'country', regions: [...b.subdivisions] }
  if (b.subdivisions.length === 0) return { level: 'country', regions: [...a.subdivisions] }
  // A province lies in its region: PH-CEB matches a campaign for PH-07.
  const within = (x: string, ys: readonly string[]) => subdivisionAndAncestors(x).some((code) => ys.includes(code))
  const common = [...a.subdivisions.filter((x) => within(x, b.subdivisions)), ...b.subdivisions.filter((y) => within(y, a.subdivisions) && !a.subdivisions.includes(y))]
  return common.length ? { level: 'subdivision', regions: [...new Set(common)] } : null
}

function periodShared(a: OverlapCampaign, b: OverlapCampaign, bufferDays: number) {
  if (!a.startDate || !a.endDate || !b.startDate || !b.endDate) return null
  const t = (d: string) => Date.parse(`${d}T00:00:00Z`)
  const buffer = bufferDays * DAY
  const start = Math.max(t(a.startDate), t(b.startDate)) // inclusive boundaries
  const end = Math.min(t(a.endDate), t(b.endDate))
  if (t(a.startDate) - buffer > t(b.endDate) || t(b.startDate) - buffer > t(a.endDate)) return null
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  // Within the buffer but not at the same time: the gap between them, in days.
  if (start > end) return { start: iso(end), end: iso(start), weeks: 0, gapDays: Math.round((start - end) / DAY) - 1 }
  return { start: iso(start), end: iso(end), weeks: Math.ceil((end - start + DAY) / (7 * DAY)), gapDays: 0 }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
/** "April–May 2026", "December 2025–January 2026", "June 2026". */
export function monthSpan(start: string, end: string): string {
  const [sy, sm] = [Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1]
  const [ey, em] = [Number(end.slice(0, 4)), Number(end.slice(5, 7)) - 1]
  if (sy === ey && sm === em) return `${MONTHS[sm]} ${sy}`
  if (sy === ey) return `${MONTHS[sm]}–${MONTHS[em]} ${sy}`
  return `${MONTHS[sm]} ${sy}–${MONTHS[em]} ${ey}`
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1)
const listWords = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`)
const place = (code: string) => (subdivision(code) ? `${subdivision(code)!.name} (${code})` : countryName(code))

export function levelOf(score: number): OverlapLevel {
  return score >= LEVELS.high ? 'high' : score >= LEVELS.medium ? 'medium' : 'low'
}

/** The overlap of two campaigns, or null when the hard rules say they do not overlap. */
export function overlapBetween(a: OverlapCampaign, b: OverlapCampaign, options: OverlapOptions = {}): Overlap | null {
  if (a.id === b.id || a.organisationId === b.organisationId) return null
  if (!takesPart(a, options) || !takesPart(b, options)) return null
  const region = regionsShared(a, b)
  if (!region) return null
  const period = periodShared(a, b, options.bufferDays ?? 0)
  if (!period) return null

  const sharedAudiences = shared(a.audiences, b.audiences)
  const sharedChannels = shared(a.channels, b.channels)
  const sharedForms = shared(a.exploitationForms, b.exploitationForms)
  const sharedPurposes = shared(a.purposes, b.purposes)
  const raw =
    WEIGHTS.audience * coefficient(sharedAudiences.length, a.audiences.length, b.audiences.length) +
    WEIGHTS.channel * coefficient(sharedChannels.length, a.channels.length, b.channels.length) +
    WEIGHTS.form * coefficient(sharedForms.length, a.exploitationForms.length, b.exploitationForms.length) +
    WEIGHTS.purpose * coefficient(sharedPurposes.length, a.purposes.length, b.purposes.length) +
    (region.level === 'subdivision' ? WEIGHTS.subdivision : WEIGHTS.country)
  const score = Math.round(Math.min(1, raw) * 100) / 100

  const where = region.level === 'country' && region.regions.length === 1 && region.regions[0] === a.country ? countryName(a.country!) : listWords(region.regions.map(place))
  const when = monthSpan(period.start, period.end)
  const reasons = [
    sharedAudiences.length
      ? `Both target ${listWords(sharedAudiences.map((c) => lower(AUDIENCES.label(c))))} in ${where} in ${when}.`
      : `Both run in ${where} in ${when}, for different audiences.`,
  ]
  if (region.level === 'country') reasons.push(`One of them covers the whole of ${countryName(a.country!)}.`)
  if (sharedChannels.length) reasons.push(`Both use ${listWords(sharedChannels.map((c) => lower(CHANNELS.label(c))))}.`)
  if (sharedForms.length) reasons.push(`Both address ${listWords(sharedForms.map((c) => lower(EXPLOITATION_FORMS.label(c))))}.`)
  if (sharedPurposes.length) reasons.push(`Both aim to ${listWords(sharedPurposes.map((c) => lower(PURPOSES.label(c))))}.`)
  reasons.push(
    period.weeks > 0
      ? `They run at the same time for ${period.weeks} week${period.weeks === 1 ? '' : 's'} (${period.start} to ${period.end}).`
      : `One ends ${period.gapDays} day${period.gapDays === 1 ? '' : 's'} before the other starts (${period.start} and ${period.end}), within the buffer.`,
  )

  return { score, level: levelOf(score), regionLevel: region.level, regions: region.regions, period, sharedAudiences, sharedChannels, sharedForms, sharedPurposes, reasons }
}
