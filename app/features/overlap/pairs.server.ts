import type { Statement } from 'better-sqlite3'
import { and, eq, inArray, or, sql } from 'drizzle-orm'
import { OVERLAP_STATUSES, PROFILE_COLUMNS, profileParams, syncOverlapIndex } from '../../../db/overlap-index'
import { campaigns, notifications, overlapPairs, overlapSettings } from '../../../db/schema'
import { relatedSubdivisions, subdivisionsOf } from '../../shared/taxonomy/subdivisions'
import { codesOf, MASKED } from '../../shared/taxonomy/code-sets'
import { isoDay, reasonsOf, scoreProfiles, type OverlapCampaign, type OverlapLevel, type OverlapProfile } from './scoring'
import type { Status } from '../../shared/taxonomy/taxonomy'
import { db } from '../../shared/db.server'

// Finding the campaigns that may overlap one campaign, and keeping the table
// of overlapping pairs current whenever a campaign changes.

export type CandidateParams = { country: string; regions: string; from: number; to: number; organisationId: number }

/**
 * The candidate search over the overlap index (db/overlap-index.ts): one
 * range scan of its key per region, reading integers. Periods meet when the
 * other starts before ours ends and ends after ours starts; bounding its start
 * from below by the country's longest campaign keeps the scan short instead of
 * reading every campaign that started earlier. Exported so the benchmark times
 * the same statement, ids only, as its baseline.
 */
export const candidateSql = (columns: string) => `
  select ${columns} from overlap_index r
  where r.region in (select value from json_each(@regions))
    and r.start_day <= @to
    and r.start_day >= @from - (select coalesce(max(end_day - start_day), 0) from overlap_index where country = @country)
    and r.end_day >= @from
    and r.organisation_id <> @organisationId`

// Rows come as arrays rather than objects, in the order of PROFILE_COLUMNS
// without the country (the target's): the check runs on every change of the
// form and reads hundreds of rows.
type IndexTuple = [id: number, organisationId: number, startDay: number, endDay: number, subdivisions: string, audiences: number, channels: number, forms: number, purposes: number]
const INDEX_COLUMNS = 'campaign_id, organisation_id, start_day, end_day, subdivisions, audiences, channels, forms, purposes'
let candidateQuery: Statement<CandidateParams, IndexTuple> | null = null

const splitLists = new Map<string, readonly string[]>()
/** "UA-46,UA-26" → its codes, remembered: the same few sets recur across thousands of rows. */
function subdivisionList(text: string): readonly string[] {
  let codes = splitLists.get(text)
  if (!codes) {
    codes = text ? text.split(',') : []
    if (splitLists.size > 50_000) splitLists.clear()
    splitLists.set(text, codes)
  }
  return codes
}

/** What the search needs to know of a campaign: its country, the regions it touches, its period widened by the buffer. */
export function candidateParams(target: OverlapProfile, bufferDays = 0): CandidateParams {
  // A campaign for the whole country covers every subdivision; the country code is the region of whole-country campaigns.
  const regions = target.subdivisions.length ? target.subdivisions.flatMap(relatedSubdivisions) : subdivisionsOf(target.country).map((s) => s.code)
  return {
    country: target.country,
    regions: JSON.stringify([target.country, ...new Set(regions)]),
    from: target.startDay - bufferDays,
    to: target.endDay + bufferDays,
    organisationId: target.organisationId,
  }
}

/**
 * The profiles of campaigns of other organisations that may overlap `target`:
 * same country, periods that meet (with the buffer), a shared or covering
 * region. All take part (the index holds only those); scoreProfiles decides.
 */
export function candidatesOf(target: OverlapProfile, bufferDays = 0): OverlapProfile[] {
  candidateQuery ??= db.$client.prepare<CandidateParams, IndexTuple>(candidateSql(INDEX_COLUMNS)).raw(true)
  const seen = new Set<number>()
  const found: OverlapProfile[] = []
  // A campaign in several of the regions comes once per region.
  for (const tuple of candidateQuery.all(candidateParams(target, bufferDays))) {
    if (seen.has(tuple[0])) continue
    seen.add(tuple[0])
    found.push(fromTuple(tuple, target.country))
  }
  return found
}

function fromTuple([id, organisationId, startDay, endDay, subdivisions, audiences, channels, forms, purposes]: IndexTuple, country: string): OverlapProfile {
  return { id, organisationId, takesPart: true, country, subdivisions: subdivisionList(subdivisions), startDay, endDay, audiences, channels, forms, purposes }
}

type SavedTuple = [status: Status, id: number, organisationId: number, country: string | null, startDay: number | null, endDay: number | null, subdivisions: string, audiences: number, channels: number, forms: number, purposes: number]
let savedQuery: Statement<Record<string, string | number>, SavedTuple> | null = null

/** A campaign as saved, in the overlap check's terms, whatever its status (a draft too), in one query. */
export function savedOverlapCampaign(campaignId: number): OverlapCampaign | null {
  savedQuery ??= db.$client.prepare<Record<string, string | number>, SavedTuple>(`select c.status, ${PROFILE_COLUMNS} from campaigns c where c.id = @id`).raw(true)
  const t = savedQuery.get({ ...profileParams(), id: campaignId })
  if (!t) return null
  const [status, id, organisationId, country, startDay, endDay, subdivisions, audiences, channels, forms, purposes] = t
  return {
    id,
    organisationId,
    status,
    country,
    startDate: startDay === null ? null : isoDay(startDay),
    endDate: endDay === null ? null : isoDay(endDay),
    subdivisions: subdivisionList(subdivisions),
    audiences: codesOf(MASKED.audiences, audiences),
    channels: codesOf(MASKED.channels, channels),
    exploitationForms: codesOf(MASKED.forms, forms),
    purposes: codesOf(MASKED.purposes, purposes),
  }
}

const bufferQuery = db
  .select({ days: overlapSettings.bufferDays })
  .from(overlapSettings)
  .where(eq(overlapSettings.country, sql.placeholder('country')))
  .prepare()

/** The coordinator's buffer for a country, in days (0 unless set). */
export function bufferDaysFor(country: string | null): number {
  return country ? (bufferQuery.get({ country })?.days ?? 0) : 0
}

const pairOf = (x: number, y: number) => (x < y ? [x, y] : [y, x]) as [number, number]

type PairValues = { a: number; b: number; country: string; score: number; level: OverlapLevel; reasons: string; start: string; end: string }

let pairStatements: { upsert: Statement<PairValues>; indexed: Statement<[number], [string, ...IndexTuple]>; inCountry: Statement<[string], [string, ...IndexTuple]> } | null = null
const pairStatementsOf = () =>
  (pairStatements ??= {
    upsert: db.$client.prepare(`
      insert into overlap_pairs (campaign_a, campaign_b, country, score, level, reasons, period_start, period_end)
      values (@a, @b, @country, @score, @level, @reasons, @start, @end)
      on conflict (campaign_a, campaign_b) do update set country = excluded.country, score = excluded.score, level = excluded.level,
        reasons = excluded.reasons, period_start = excluded.period_start, period_end = excluded.period_end`),
    indexed: db.$client.prepare<[number], [string, ...IndexTuple]>(`select country, ${INDEX_COLUMNS} from overlap_index where campaign_id = ? limit 1`).raw(true),
    inCountry: db.$client.prepare<[string], [string, ...IndexTuple]>(`select country, ${INDEX_COLUMNS} from overlap_index where country = ? group by campaign_id order by campaign_id`).raw(true),
  })

/** The overlaps of one indexed campaign with the others, as pair rows (both directions folded: a < b). */
function pairsOf(target: OverlapProfile, bufferDays: number, only?: (other: OverlapProfile) => boolean): PairValues[] {
  const pairs: PairValues[] = []
  for (const other of candidatesOf(target, bufferDays)) {
    if (only && !only(other)) continue
    const overlap = scoreProfiles(target, other, bufferDays)
    if (!overlap) continue
    const [a, b] = pairOf(target.id, other.id)
    const reasons = JSON.stringify(reasonsOf(overlap, target.country))
    pairs.push({ a, b, country: target.country, score: overlap.score, level: overlap.level, reasons, start: overlap.period.start, end: overlap.period.end })
  }
  return pairs
}

/**
 * Recomputes the stored pairs of one campaign. Drafts and archived campaigns
 * have none; a pair that no longer overlaps is removed (its reviews stay).
 * Returns the pairs that are new, for notifications.
 */
export function refreshPairsFor(campaignId: number): { campaignA: number; campaignB: number; level: string }[] {
  const statements = pairStatementsOf()
  const fresh: { campaignA: number; campaignB: number; level: string }[] = []
  db.transaction((tx) => {
    syncOverlapIndex(db.$client, [campaignId])
    const indexed = statements.indexed.get(campaignId)
    const target = indexed ? fromTuple(indexed.slice(1) as IndexTuple, indexed[0]) : null
    const current = target ? pairsOf(target, bufferDaysFor(target.country)) : []
    const existing = tx
      .select({ a: overlapPairs.campaignA, b: overlapPairs.campaignB })
      .from(overlapPairs)
      .where(or(eq(overlapPairs.campaignA, campaignId), eq(overlapPairs.campaignB, campaignId)))
      .all()
    const known = new Set(existing.map((p) => `${p.a}:${p.b}`))
    const keep = new Set(current.map((p) => `${p.a}:${p.b}`))
    for (const p of existing) {
      if (!keep.has(`${p.a}:${p.b}`)) tx.delete(overlapPairs).where(and(eq(overlapPairs.campaignA, p.a), eq(overlapPairs.campaignB, p.b))).run()
    }
    for (const p of current) {
      statements.upsert.run(p)
      if (!known.has(`${p.a}:${p.b}`)) fresh.push({ campaignA: p.a, campaignB: p.b, level: p.level })
    }
    // A new high-level pair tells both organisations.
    for (const pair of fresh.filter((f) => f.level === 'high')) {
      const owners = tx
        .select({ id: campaigns.id, organisationId: campaigns.organisationId })
        .from(campaigns)
        .where(inArray(campaigns.id, [pair.campaignA, pair.campaignB]))
        .all()
      for (const own of owners) {
        const other = own.id === pair.campaignA ? pair.campaignB : pair.campaignA
        tx.insert(notifications).values({ organisationId: own.organisationId, campaignId: own.id, otherCampaignId: other, kind: 'high_overlap' }).run()
      }
    }
  })
  return fresh
}

/** After a bulk change (the seed, an import): every campaign that can overlap. */
export function refreshAllPairs(ids?: number[]) {
  const list =
    ids ??
    db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(inArray(campaigns.status, OVERLAP_STATUSES))
      .all()
      .map((r) => r.id)
  for (const id of list) refreshPairsFor(id)
}

/**
 * Recomputes every pair in a country in one pass — after the coordinator
 * changes the buffer. Each pair is scored once (from its lower id); pairs
 * that no longer overlap go, reviews stay. No notifications: nothing about
 * the campaigns changed.
 */
export function rebuildPairsOf(country: string) {
  const statements = pairStatementsOf()
  const bufferDays = bufferDaysFor(country)
  db.transaction((tx) => {
    const keep = new Set<string>()
    for (const [, ...row] of statements.inCountry.all(country)) {
      const target = fromTuple(row, country)
      for (const p of pairsOf(target, bufferDays, (other) => other.id > target.id)) {
        statements.upsert.run(p)
        keep.add(`${p.a}:${p.b}`)
      }
    }
    const stale = tx
      .select({ a: overlapPairs.campaignA, b: overlapPairs.campaignB })
      .from(overlapPairs)
      .where(eq(overlapPairs.country, country))
      .all()
      .filter((p) => !keep.has(`${p.a}:${p.b}`))
    for (const p of stale) tx.delete(overlapPairs).where(and(eq(overlapPairs.campaignA, p.a), eq(overlapPairs.campaignB, p.b))).run()
  })
}
