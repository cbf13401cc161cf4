import { codesOf, maskOf, sizeOf } from '../../shared/taxonomy/code-sets'
import { subdivision, subdivisionAndAncestors, subdivisionLabel } from '../../shared/taxonomy/subdivisions'
import { currentTranslator, defineMessages, type Message } from '../../shared/i18n'
import { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, PURPOSES, type Audience, type Channel, type ExploitationForm, type Purpose, type Status } from '../../shared/taxonomy/taxonomy'

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
  sharedAudiences: readonly Audience[]
  sharedChannels: readonly Channel[]
  sharedForms: readonly ExploitationForm[]
  sharedPurposes: readonly Purpose[]
  reasons: string[]
}

/**
 * A campaign as the scoring core reads it: whether it takes part decided,
 * dates as day numbers, code sets as bitmasks (code-sets.ts). The overlap
 * index stores campaigns in this shape; toProfile makes one from a campaign.
 */
export type OverlapProfile = {
  id: number
  organisationId: number
  /** Its status lets it take part (DESIGN.md §5): counted, or a draft in its own organisation's check. */
  takesPart: boolean
  country: string
  subdivisions: readonly string[]
  startDay: number
  endDay: number
  audiences: number
  channels: number
  forms: number
  purposes: number
}

// Shared audience weighs most, then channel, then form of exploitation and
// purpose; a subdivision match is stronger than a country-level one. The
// weights add up to 1.
export const WEIGHTS = { audience: 0.45, channel: 0.2, form: 0.1, purpose: 0.1, subdivision: 0.15, country: 0.05 } as const
export const LEVELS = { high: 0.6, medium: 0.3 } as const

const COUNTED: ReadonlySet<Status> = new Set(['planned', 'active', 'completed', 'evaluated'])
const DAY = 86_400_000

/** Days since the epoch of a YYYY-MM-DD date, without building a Date. */
export const dayNumber = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10))) / DAY

const isoDays = new Map<number, string>()
/** The YYYY-MM-DD of a day number, remembered: the same few thousand days recur. */
export function isoDay(day: number): string {
  let iso = isoDays.get(day)
  if (!iso) {
    iso = new Date(day * DAY).toISOString().slice(0, 10)
    if (isoDays.size > 20_000) isoDays.clear()
    isoDays.set(day, iso)
  }
  return iso
}

/** The profile of a campaign, or null while it lacks a country or dates. */
export function toProfile(c: OverlapCampaign, options: Pick<OverlapOptions, 'draftsOf'> = {}): OverlapProfile | null {
  if (!c.country || !c.startDate || !c.endDate) return null
  return {
    id: c.id,
    organisationId: c.organisationId,
    takesPart: c.status === 'draft' ? options.draftsOf === c.organisationId : COUNTED.has(c.status),
    country: c.country,
    subdivisions: c.subdivisions,
    startDay: dayNumber(c.startDate),
    endDay: dayNumber(c.endDate),
    audiences: maskOf(AUDIENCES, c.audiences),
    channels: maskOf(CHANNELS, c.channels),
    forms: maskOf(EXPLOITATION_FORMS, c.exploitationForms),
    purposes: maskOf(PURPOSES, c.purposes),
  }
}

/** |A ∩ B| / min(|A|, |B|): a narrow campaign fully inside a broad one counts as fully shared. */
function coefficient(a: number, b: number): number {
  const smaller = Math.min(sizeOf(a), sizeOf(b))
  return smaller === 0 ? 0 : sizeOf(a & b) / smaller
}

/** Whether a subdivision is one of `others` or lies in one: a province lies in its region (PH-CEB in PH-07). */
const liesIn = (code: string, others: readonly string[]) => subdivisionAndAncestors(code).some((place) => others.includes(place))

function regionsShared(a: OverlapProfile, b: OverlapProfile): { level: 'subdivision' | 'country'; regions: string[] } | null {
  if (a.country !== b.country) return null
  if (a.subdivisions.length === 0 && b.subdivisions.length === 0) return { level: 'country', regions: [a.country] }
  if (a.subdivisions.length === 0) return { level: 'country', regions: [...b.subdivisions] }
  if (b.subdivisions.length === 0) return { level: 'country', regions: [...a.subdivisions] }
  const common = [...a.subdivisions.filter((x) => liesIn(x, b.subdivisions)), ...b.subdivisions.filter((y) => liesIn(y, a.subdivisions) && !a.subdivisions.includes(y))]
  return common.length ? { level: 'subdivision', regions: [...new Set(common)] } : null
}

/** How closely the regions meet, as regionsShared decides, without listing them: asked of every candidate. */
function regionLevel(a: OverlapProfile, b: OverlapProfile): 'subdivision' | 'country' | null {
  if (a.country !== b.country) return null
  if (a.subdivisions.length === 0 || b.subdivisions.length === 0) return 'country'
  return a.subdivisions.some((x) => liesIn(x, b.subdivisions)) || b.subdivisions.some((y) => liesIn(y, a.subdivisions)) ? 'subdivision' : null
}

/** Whether the periods meet, as periodShared decides, without building it. */
function periodsMeet(a: OverlapProfile, b: OverlapProfile, bufferDays: number): boolean {
  const days = Math.min(a.endDay, b.endDay) - Math.max(a.startDay, b.startDay)
  return days >= 0 || -days <= bufferDays
}

function periodShared(a: OverlapProfile, b: OverlapProfile, bufferDays: number) {
  // Boundaries are inclusive.
  const start = Math.max(a.startDay, b.startDay)
  const end = Math.min(a.endDay, b.endDay)
  const days = end - start
  if (days >= 0) return { start: isoDay(start), end: isoDay(end), weeks: Math.ceil((days + 1) / 7), gapDays: 0 }
  // Not at the same time: within the buffer, the gap between them in days.
  if (-days > bufferDays) return null
  return { start: isoDay(end), end: isoDay(start), weeks: 0, gapDays: -days - 1 }
}

/** "April – May 2026", "December 2025 – January 2026", "June 2026", in the reader's language. */
export const monthSpan = (start: string, end: string): string => currentTranslator().monthRange(start, end)

const lower = (label: string) => label.charAt(0).toLocaleLowerCase() + label.slice(1)
const place = (code: string) => (subdivision(code) ? subdivisionLabel(code, currentTranslator().locale) : currentTranslator().country(code))

export function levelOf(score: number): OverlapLevel {
  return score >= LEVELS.high ? 'high' : score >= LEVELS.medium ? 'medium' : 'low'
}

/** An overlap before it is put in words: what the live check scores for every candidate. */
export type OverlapScore = Omit<Overlap, 'reasons'>

/** The overlap of two campaigns, or null when the hard rules say they do not overlap. */
export function overlapBetween(a: OverlapCampaign, b: OverlapCampaign, options: OverlapOptions = {}): Overlap | null {
  const scored = scoreOverlap(a, b, options)
  return scored && { ...scored, reasons: reasonsFor(scored, a.country!) }
}

/**
 * The hard rules and the score, without the sentences: a planner's check
 * scores every candidate but puts only the closest into words.
 */
export function scoreOverlap(a: OverlapCampaign, b: OverlapCampaign, options: OverlapOptions = {}): OverlapScore | null {
  const [pa, pb] = [toProfile(a, options), toProfile(b, options)]
  return pa && pb ? scoreProfiles(pa, pb, options.bufferDays ?? 0) : null
}

const takeEachOther = (a: OverlapProfile, b: OverlapProfile) => a.id !== b.id && a.organisationId !== b.organisationId && a.takesPart && b.takesPart

/** The weighted score of a pair whose regions meet at `region` level. */
function scoreOf(a: OverlapProfile, b: OverlapProfile, region: 'subdivision' | 'country'): number {
  const raw =
    WEIGHTS.audience * coefficient(a.audiences, b.audiences) +
    WEIGHTS.channel * coefficient(a.channels, b.channels) +
    WEIGHTS.form * coefficient(a.forms, b.forms) +
    WEIGHTS.purpose * coefficient(a.purposes, b.purposes) +
    (region === 'subdivision' ? WEIGHTS.subdivision : WEIGHTS.country)
  return Math.round(Math.min(1, raw) * 100) / 100
}

/**
 * The hard rules and the score alone, or null when the pair does not
 * overlap: the live check ranks every candidate by it, without building the
 * lists only the closest are described by (scoreProfiles).
 */
export function overlapScoreOf(a: OverlapProfile, b: OverlapProfile, bufferDays = 0): number | null {
  if (!takeEachOther(a, b)) return null
  const region = regionLevel(a, b)
  return region && periodsMeet(a, b, bufferDays) ? scoreOf(a, b, region) : null
}

/** The scoring core, on profiles: the score with the regions, period and codes the pair shares. */
export function scoreProfiles(a: OverlapProfile, b: OverlapProfile, bufferDays = 0): OverlapScore | null {
  if (!takeEachOther(a, b)) return null
  const region = regionsShared(a, b)
  if (!region) return null
  const period = periodShared(a, b, bufferDays)
  if (!period) return null
  const score = scoreOf(a, b, region.level)
  return {
    score,
    level: levelOf(score),
    regionLevel: region.level,
    regions: region.regions,
    period,
    sharedAudiences: codesOf(AUDIENCES, a.audiences & b.audiences),
    sharedChannels: codesOf(CHANNELS, a.channels & b.channels),
    sharedForms: codesOf(EXPLOITATION_FORMS, a.forms & b.forms),
    sharedPurposes: codesOf(PURPOSES, a.purposes & b.purposes),
  }
}

/**
 * Why two campaigns overlap, as data: stored with the pair and put in words
 * for each reader (reasonWords), so no language is fixed when it is saved.
 */
export type Reason =
  | { kind: 'audiences'; codes: readonly Audience[]; where: readonly string[]; start: string; end: string }
  | { kind: 'different_audiences'; where: readonly string[]; start: string; end: string }
  | { kind: 'whole_country'; country: string }
  | { kind: 'channels'; codes: readonly Channel[] }
  | { kind: 'forms'; codes: readonly ExploitationForm[] }
  | { kind: 'purposes'; codes: readonly Purpose[] }
  | { kind: 'same_time'; weeks: number; start: string; end: string }
  | { kind: 'buffer'; days: number; start: string; end: string }

/** The overlap's reasons ("Both target … in … in April–May 2026."), for campaigns in `country`. */
export function reasonsOf(o: OverlapScore, country: string): Reason[] {
  const { period } = o
  const where = o.regionLevel === 'country' && o.regions.length === 1 && o.regions[0] === country ? [country] : o.regions
  const reasons: Reason[] = [
    o.sharedAudiences.length
      ? { kind: 'audiences', codes: o.sharedAudiences, where, start: period.start, end: period.end }
      : { kind: 'different_audiences', where, start: period.start, end: period.end },
  ]
  if (o.regionLevel === 'country') reasons.push({ kind: 'whole_country', country })
  if (o.sharedChannels.length) reasons.push({ kind: 'channels', codes: o.sharedChannels })
  if (o.sharedForms.length) reasons.push({ kind: 'forms', codes: o.sharedForms })
  if (o.sharedPurposes.length) reasons.push({ kind: 'purposes', codes: o.sharedPurposes })
  reasons.push(
    period.weeks > 0 ? { kind: 'same_time', weeks: period.weeks, start: period.start, end: period.end } : { kind: 'buffer', days: period.gapDays, start: period.start, end: period.end },
  )
  return reasons
}

const said = defineMessages({
  audiences: { id: 'overlap.reasons.audiences', defaultMessage: 'Both target {audiences} in {where} in {when}.' },
  differentAudiences: { id: 'overlap.reasons.different_audiences', defaultMessage: 'Both run in {where} in {when}, for different audiences.' },
  wholeCountry: { id: 'overlap.reasons.whole_country', defaultMessage: 'One of them covers the whole of {country}.' },
  channels: { id: 'overlap.reasons.channels', defaultMessage: 'Both use {channels}.' },
  forms: { id: 'overlap.reasons.forms', defaultMessage: 'Both address {forms}.' },
  purposes: { id: 'overlap.reasons.purposes', defaultMessage: 'Both aim to {purposes}.' },
  sameTime: { id: 'overlap.reasons.same_time', defaultMessage: 'They run at the same time for {weeks, plural, one {# week} other {# weeks}} ({dates}).' },
  buffer: {
    id: 'overlap.reasons.buffer',
    defaultMessage: 'One ends {days, plural, one {# day} other {# days}} before the other starts ({first} and {second}), within the buffer.',
  },
})

/** A reason in the reader's words; a reason stored before reasons were data is shown as it was written. */
export function reasonWords(reason: Reason | string): string {
  if (typeof reason === 'string') return reason
  const t = currentTranslator()
  const words = (list: { message: (code: string) => Message }, codes: readonly string[]) => t.list(codes.map((c) => lower(t.t(list.message(c)))))
  switch (reason.kind) {
    case 'audiences':
      return t.t(said.audiences, { audiences: words(AUDIENCES, reason.codes), where: t.list(reason.where.map(place)), when: monthSpan(reason.start, reason.end) })
    case 'different_audiences':
      return t.t(said.differentAudiences, { where: t.list(reason.where.map(place)), when: monthSpan(reason.start, reason.end) })
    case 'whole_country':
      return t.t(said.wholeCountry, { country: t.country(reason.country) })
    case 'channels':
      return t.t(said.channels, { channels: words(CHANNELS, reason.codes) })
    case 'forms':
      return t.t(said.forms, { forms: words(EXPLOITATION_FORMS, reason.codes) })
    case 'purposes':
      return t.t(said.purposes, { purposes: words(PURPOSES, reason.codes) })
    case 'same_time':
      return t.t(said.sameTime, { weeks: reason.weeks, dates: t.dateRange(reason.start, reason.end) })
    case 'buffer':
      return t.t(said.buffer, { days: reason.days, first: t.date(reason.start), second: t.date(reason.end) })
  }
}

/** The overlap in the reader's words. */
export const reasonsFor = (o: OverlapScore, country: string): string[] => reasonsOf(o, country).map(reasonWords)
