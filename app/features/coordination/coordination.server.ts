import { aliasedTable, and, asc, count, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm'
import type { SQLiteSelect } from 'drizzle-orm/sqlite-core'
import type { Statement } from 'better-sqlite3'
import { campaignAudiences, campaigns, organisations, overlapIndex, overlapPairs, overlapReviews, overlapSettings, users } from '../../../db/schema'
import { clustersOf } from './clusters'
import { relatedSubdivisions, subdivisionAndAncestors, subdivisionsOf } from '../../shared/taxonomy/subdivisions'
import { codesOf, MASKED } from '../../shared/taxonomy/code-sets'
import { coverageTable, heatMap, monthsBetween, type CoverageCampaign } from './coverage'
import { dayNumber, isoDay } from '../overlap'
import { AUDIENCES, type Audience } from '../../shared/taxonomy/taxonomy'
import type { Actor } from '../../shared/permissions/permissions'
import type { PairFilters } from './schemas'
import { recordAudit } from '../../shared/audit.server'
import { db } from '../../shared/db.server'
import { notFound } from '../../shared/http.server'
import { rebuildPairsOf } from '../overlap/index.server'
import { readerKey, visibleCampaign } from '../campaigns/index.server'
import { untilChange } from '../../shared/until-change.server'
import { assertCan } from '../../shared/permissions/permissions.server'
import { tr } from '../../shared/i18n'

// SQLite allows at most 32,766 parameters a statement; the CSV export may ask for more campaigns.
function chunked<T, R>(ids: T[], read: (ids: T[]) => R[]): R[] {
  const out: R[] = []
  for (let i = 0; i < ids.length; i += 10_000) out.push(...read(ids.slice(i, i + 10_000)))
  return out
}

const ca = aliasedTable(campaigns, 'ca')
const cb = aliasedTable(campaigns, 'cb')

// The latest review of a pair decides its status. Asked per pair, through the
// pair index, rather than grouping every review ever made on each request.
// Written out in full: drizzle leaves a lone table's columns unqualified, which
// inside this subquery would name the review's own columns.
const latestReview = sql.raw(
  '(select max(latest.id) from overlap_reviews latest where latest.campaign_a = overlap_pairs.campaign_a and latest.campaign_b = overlap_pairs.campaign_b)',
)

/** Pairs per page of the workspace; clusters are formed among a page's pairs. */
export const PAIRS_PER_PAGE = 100
const COUNT_LIMIT = 10_000

/** Pairs where both campaigns cover a region related to `subdivision` (or the whole country). */
function bothCover(subdivision: string) {
  const regions = [subdivision.split('-')[0]!, ...relatedSubdivisions(subdivision)]
  const covering = (id: typeof overlapPairs.campaignA) => inArray(id, db.select({ id: overlapIndex.campaignId }).from(overlapIndex).where(inArray(overlapIndex.region, regions)))
  return and(covering(overlapPairs.campaignA), covering(overlapPairs.campaignB))
}

const bothReach = (audience: Audience) => {
  const reaches = (id: typeof overlapPairs.campaignA) => inArray(id, db.select({ id: campaignAudiences.campaignId }).from(campaignAudiences).where(eq(campaignAudiences.audience, audience)))
  return and(reaches(overlapPairs.campaignA), reaches(overlapPairs.campaignB))
}

/**
 * One page of overlapping pairs, highest score first, grouped into clusters
 * (campaigns connected through overlaps on that page). Paging by pairs keeps
 * the page fast however many pairs a country has. `everything` is for the
 * CSV export: all pairs that match, in one list of clusters.
 */
export async function listPairClusters(actor: Actor, f: PairFilters, { everything = false } = {}) {
  assertCan(actor, 'overlap.review', null)
  if (everything) return pairClusters(actor, f, true)
  return workspacePages(`${readerKey(actor)} ${JSON.stringify(f)}`, async () => pairClusters(actor, f, false))
}

// Coordinators open the same pages of pairs again and again between writes.
const workspacePages = untilChange<ReturnType<typeof pairClusters>>(50)

function pairClusters(actor: Actor, f: PairFilters, everything: boolean) {
  const where = and(
    f.country ? eq(overlapPairs.country, f.country) : undefined,
    f.subdivision ? bothCover(f.subdivision) : undefined,
    f.audience ? bothReach(f.audience) : undefined,
    f.level ? eq(overlapPairs.level, f.level) : undefined,
    f.from ? gte(overlapPairs.periodEnd, f.from) : undefined,
    f.to ? lte(overlapPairs.periodStart, f.to) : undefined,
    f.review === 'unreviewed' ? or(isNull(overlapReviews.verdict), eq(overlapReviews.verdict, 'unreviewed')) : f.review ? eq(overlapReviews.verdict, f.review) : undefined,
    // The pairs index holds only campaigns open to coordinators; the read rule is applied all the same, as everywhere (last: SQLite checks the cheap terms first).
    visibleCampaign(actor, overlapPairs.campaignA),
    visibleCampaign(actor, overlapPairs.campaignB),
  )
  // Only the review filter needs each pair's latest review while pairs are chosen and counted.
  const filtered = <T extends SQLiteSelect>(query: T) =>
    (f.review ? query.leftJoin(overlapReviews, eq(overlapReviews.id, latestReview)) : query).where(where)
  // The page's pairs are chosen alone, then only their campaigns are read:
  // joined in one statement, SQLite drives the search from the campaigns.
  const chosen = filtered(
    db
      .select({
        campaignA: overlapPairs.campaignA,
        campaignB: overlapPairs.campaignB,
        score: overlapPairs.score,
        level: overlapPairs.level,
        reasons: overlapPairs.reasons,
        periodStart: overlapPairs.periodStart,
        periodEnd: overlapPairs.periodEnd,
        country: overlapPairs.country,
        reviewId: sql<number | null>`${latestReview}`,
      })
      .from(overlapPairs)
      .$dynamic(),
  )
    .orderBy(desc(overlapPairs.score), asc(overlapPairs.campaignA), asc(overlapPairs.campaignB))
    .limit(everything ? -1 : PAIRS_PER_PAGE)
    .offset(everything ? 0 : (f.page - 1) * PAIRS_PER_PAGE)
    .all()
  const campaignsOf = new Map(
    chunked([...new Set(chosen.flatMap((p) => [p.campaignA, p.campaignB]))], (ids) =>
      db
        .select({ id: campaigns.id, title: campaigns.title, organisation: organisations.name, status: campaigns.status, importCode: campaigns.importCode })
        .from(campaigns)
        .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
        .where(inArray(campaigns.id, ids))
        .all(),
    ).map((c) => [c.id, c]),
  )
  const reviewsOf = new Map(
    chunked(chosen.flatMap((p) => (p.reviewId === null ? [] : [p.reviewId])), (ids) =>
      db.select({ id: overlapReviews.id, verdict: overlapReviews.verdict, note: overlapReviews.note }).from(overlapReviews).where(inArray(overlapReviews.id, ids)).all(),
    ).map((r) => [r.id, r]),
  )
  const rows = chosen.map(({ reviewId, ...p }) => {
    const review = reviewId === null ? undefined : reviewsOf.get(reviewId)
    return { ...p, a: campaignsOf.get(p.campaignA)!, b: campaignsOf.get(p.campaignB)!, verdict: review?.verdict ?? null, note: review?.note ?? null }
  })
  // Counting stops at COUNT_LIMIT: past that, "more than" says enough and costs nothing.
  const matching = filtered(db.select({ one: sql`1` }).from(overlapPairs).$dynamic()).limit(COUNT_LIMIT + 1)
  const counted = db.select({ n: count() }).from(matching.as('matching')).get()?.n ?? 0
  const total = Math.min(counted, COUNT_LIMIT)
  const history = reviewHistory(rows.map((r) => [r.campaignA, r.campaignB] as [number, number]))
  const pairs = rows.map((r) => ({ ...r, verdict: r.verdict ?? 'unreviewed', note: r.note ?? '', history: history.get(`${r.campaignA}:${r.campaignB}`) ?? [] }))
  return { clusters: clustersOf(pairs), total, moreThanTotal: counted > COUNT_LIMIT, page: f.page, pages: Math.max(1, Math.ceil(total / PAIRS_PER_PAGE)) }
}

const reviewColumns = {
  a: overlapReviews.campaignA,
  b: overlapReviews.campaignB,
  verdict: overlapReviews.verdict,
  note: overlapReviews.note,
  by: users.name,
  role: overlapReviews.actorRole,
  at: overlapReviews.at,
}
type ReviewRow = { a: number; b: number; verdict: string; note: string; by: string | null; role: string; at: Date }

/** Reviews by pair ("a:b"), oldest first as the rows come. */
function byPair(rows: readonly ReviewRow[]) {
  const map = new Map<string, { verdict: string; note: string; by: string | null; role: string; at: string }[]>()
  for (const r of rows) {
    const key = `${r.a}:${r.b}`
    map.set(key, [...(map.get(key) ?? []), { verdict: r.verdict, note: r.note, by: r.by, role: r.role, at: r.at.toISOString() }])
  }
  return map
}

function reviewHistory(pairs: [number, number][]) {
  if (pairs.length === 0) return byPair([])
  const ids = [...new Set(pairs.flat())]
  return byPair(
    db
      .select(reviewColumns)
      .from(overlapReviews)
      .leftJoin(users, eq(users.id, overlapReviews.actorUserId))
      .where(and(inArray(overlapReviews.campaignA, ids), inArray(overlapReviews.campaignB, ids)))
      .orderBy(asc(overlapReviews.at), asc(overlapReviews.id))
      .all(),
  )
}

/** A coordinator's verdict on a pair; every review is kept, concurrent ones included. */
export async function reviewPair(actor: Actor, campaignA: number, campaignB: number, verdict: (typeof overlapReviews.$inferInsert)['verdict'], note: string) {
  assertCan(actor, 'overlap.review', null)
  const [a, b] = campaignA < campaignB ? [campaignA, campaignB] : [campaignB, campaignA]
  const pair = db
    .select({ orgA: ca.organisationId, orgB: cb.organisationId })
    .from(overlapPairs)
    .innerJoin(ca, eq(ca.id, overlapPairs.campaignA))
    .innerJoin(cb, eq(cb.id, overlapPairs.campaignB))
    .where(and(eq(overlapPairs.campaignA, a), eq(overlapPairs.campaignB, b)))
    .get()
  if (!pair) notFound({ id: 'errors.no_such_pair', defaultMessage: 'There is no such overlapping pair.' })
  db.transaction((tx) => {
    const review = tx
      .insert(overlapReviews)
      .values({ campaignA: a, campaignB: b, verdict, note, actorUserId: actor.userId, actorRole: actor.membership?.role ?? 'platform_admin' })
      .returning({ id: overlapReviews.id })
      .get()
    for (const organisationId of new Set([pair.orgA, pair.orgB])) {
      recordAudit(tx, { actorUserId: actor.userId, organisationId, action: 'overlap.reviewed', entityType: 'overlap_review', entityId: review.id, after: { campaignA: a, campaignB: b, verdict, note } })
    }
  })
}

// Asked by every campaign page and live check: prepared once.
const reviewsOfCampaignQuery = db
  .select(reviewColumns)
  .from(overlapReviews)
  .leftJoin(users, eq(users.id, overlapReviews.actorUserId))
  .where(or(eq(overlapReviews.campaignA, sql.placeholder('id')), eq(overlapReviews.campaignB, sql.placeholder('id'))))
  .orderBy(asc(overlapReviews.at), asc(overlapReviews.id))
  .prepare()

/** The reviews of the pairs one campaign is in, for its page. */
export function reviewsOfCampaign(campaignId: number) {
  return byPair(reviewsOfCampaignQuery.all({ id: campaignId }))
}

/**
 * A planner records "we are coordinating with them" on an overlap of their own
 * campaign. The coordinator's verdict stays as it was; the note joins the history.
 */
export async function recordCoordination(actor: Actor, campaignId: number, otherId: number, note: string, organisationOfCampaign: number, organisationOfOther: number) {
  assertCan(actor, 'campaign.edit', organisationOfCampaign)
  const [a, b] = campaignId < otherId ? [campaignId, otherId] : [otherId, campaignId]
  const latest = db
    .select({ verdict: overlapReviews.verdict })
    .from(overlapReviews)
    .where(and(eq(overlapReviews.campaignA, a), eq(overlapReviews.campaignB, b)))
    .orderBy(desc(overlapReviews.id))
    .get()
  db.transaction((tx) => {
    const review = tx
      .insert(overlapReviews)
      .values({ campaignA: a, campaignB: b, verdict: latest?.verdict ?? 'unreviewed', note: `${tr({ id: 'coordination.note.coordinating', defaultMessage: 'We are coordinating with them.' })} ${note}`.trim(), actorUserId: actor.userId, actorRole: 'planner' })
      .returning({ id: overlapReviews.id })
      .get()
    for (const organisationId of new Set([organisationOfCampaign, organisationOfOther])) {
      recordAudit(tx, { actorUserId: actor.userId, organisationId, action: 'overlap.coordinating', entityType: 'overlap_review', entityId: review.id, after: { campaignA: a, campaignB: b, note } })
    }
  })
}

type CoverageTuple = [id: number, subdivisions: string, audiences: number, startDay: number, endDay: number]
let coverageQuery: Statement<{ regions: string; from: number; to: number }, CoverageTuple> | null = null

const coverages = untilChange<ReturnType<typeof coverageNow>>(20)

/** The coverage table and heat map of one country, from the campaigns that count for overlap (the overlap index). */
export async function coverageOf(actor: Actor, country: string, f: Pick<PairFilters, 'from' | 'to'>) {
  assertCan(actor, 'overlap.review', null)
  return coverages(`${country} ${f.from ?? ''} ${f.to ?? ''}`, async () => coverageNow(country, f))
}

function coverageNow(country: string, f: Pick<PairFilters, 'from' | 'to'>) {
  coverageQuery ??= db.$client.prepare<{ regions: string; from: number; to: number }, CoverageTuple>(`
    select campaign_id, subdivisions, audiences, start_day, end_day from overlap_index
    where region in (select value from json_each(@regions)) and end_day >= @from and start_day <= @to`).raw(true)
  const regions = JSON.stringify([country, ...subdivisionsOf(country).map((s) => s.code)])
  const tuples = coverageQuery.all({ regions, from: f.from ? dayNumber(f.from) : -1e9, to: f.to ? dayNumber(f.to) : 1e9 })
  // Provinces count for the region they lie in: the tables show first-level subdivisions.
  const topLevel = new Map<string, string[]>()
  const topOf = (codes: string) => {
    let top = topLevel.get(codes)
    if (!top) topLevel.set(codes, (top = codes ? [...new Set(codes.split(',').map((code) => subdivisionAndAncestors(code).at(-1)!))] : []))
    return top
  }
  const seen = new Set<number>()
  const list: CoverageCampaign[] = []
  // The index holds a campaign once per region: count it once.
  for (const [id, codes, audiences, startDay, endDay] of tuples) {
    if (seen.has(id)) continue
    seen.add(id)
    list.push({ subdivisions: topOf(codes), audiences: codesOf(MASKED.audiences, audiences), startDate: isoDay(startDay), endDate: isoDay(endDay) })
  }
  const subdivisions = subdivisionsOf(country).filter((s) => s.parent === country).map((s) => s.code)
  let [first, last] = [f.from, f.to]
  for (const c of list) {
    if (!f.from && (!first || c.startDate < first)) first = c.startDate
    if (!f.to && (!last || c.endDate > last)) last = c.endDate
  }
  const months = first && last ? monthsBetween(first, last).slice(-24) : []
  return {
    subdivisions,
    months,
    heat: heatMap(list, subdivisions, months),
    coverage: coverageTable(list, subdivisions, AUDIENCES.codes.filter((a) => a !== 'other')),
    campaigns: list.length,
  }
}

/** The buffer a coordinator set for a country, and who set it. */
export function overlapSettingOf(country: string) {
  const row = db
    .select({ bufferDays: overlapSettings.bufferDays, updatedAt: overlapSettings.updatedAt, by: users.name })
    .from(overlapSettings)
    .leftJoin(users, eq(users.id, overlapSettings.updatedBy))
    .where(eq(overlapSettings.country, country))
    .get()
  return row ? { bufferDays: row.bufferDays, updatedAt: row.updatedAt.toISOString(), by: row.by } : { bufferDays: 0, updatedAt: null, by: null }
}

/**
 * A coordinator widens (or narrows) the periods that count as overlapping in
 * a country; every pair of that country is recomputed at once.
 */
export async function setBufferDays(actor: Actor, country: string, bufferDays: number) {
  assertCan(actor, 'overlap.review', null)
  const before = overlapSettingOf(country).bufferDays
  db.transaction((tx) => {
    const values = { bufferDays, updatedBy: actor.userId, updatedAt: new Date() }
    tx.insert(overlapSettings).values({ country, ...values }).onConflictDoUpdate({ target: overlapSettings.country, set: values }).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: actor.membership?.organisationId ?? null, action: 'overlap.buffer-set', entityType: 'country', entityId: country, before: { bufferDays: before }, after: { bufferDays } })
  })
  rebuildPairsOf(country)
}
