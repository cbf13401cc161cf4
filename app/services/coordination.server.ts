import { aliasedTable, and, asc, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm'
import { campaigns, organisations, overlapPairs, overlapReviews, users } from '../../db/schema'
import { clustersOf } from '../domain/clusters'
import { subdivisionAndAncestors, subdivisionsOf } from '../domain/countries'
import { coverageTable, heatMap, monthsBetween } from '../domain/coverage'
import { AUDIENCES } from '../domain/taxonomy'
import { loadCodes } from './campaign-store.server'
import type { Actor } from '../domain/permissions'
import type { PairFilters } from '../schemas/coordination'
import { recordAudit } from './audit.server'
import { db } from './db.server'
import { notFound } from './http.server'
import { assertCan } from './permissions.server'

const ca = aliasedTable(campaigns, 'ca')
const cb = aliasedTable(campaigns, 'cb')
const oa = aliasedTable(organisations, 'oa')
const ob = aliasedTable(organisations, 'ob')

// The latest review of each pair decides its status.
const latestReview = db
  .select({ a: overlapReviews.campaignA, b: overlapReviews.campaignB, id: sql<number>`max(${overlapReviews.id})`.as('latest_id') })
  .from(overlapReviews)
  .groupBy(overlapReviews.campaignA, overlapReviews.campaignB)
  .as('latest')

export async function listPairClusters(actor: Actor, f: PairFilters) {
  assertCan(actor, 'overlap.review', null)
  const where = and(
    f.country ? eq(ca.country, f.country) : undefined,
    f.level ? eq(overlapPairs.level, f.level) : undefined,
    f.from ? gte(overlapPairs.periodEnd, f.from) : undefined,
    f.to ? lte(overlapPairs.periodStart, f.to) : undefined,
    f.review === 'unreviewed' ? sql`${overlapReviews.verdict} is null or ${overlapReviews.verdict} = 'unreviewed'` : f.review ? eq(overlapReviews.verdict, f.review) : undefined,
  )
  const rows = db
    .select({
      campaignA: overlapPairs.campaignA,
      campaignB: overlapPairs.campaignB,
      score: overlapPairs.score,
      level: overlapPairs.level,
      reasons: overlapPairs.reasons,
      periodStart: overlapPairs.periodStart,
      periodEnd: overlapPairs.periodEnd,
      a: { id: ca.id, title: ca.title, organisation: oa.name, status: ca.status },
      b: { id: cb.id, title: cb.title, organisation: ob.name, status: cb.status },
      verdict: overlapReviews.verdict,
      note: overlapReviews.note,
    })
    .from(overlapPairs)
    .innerJoin(ca, eq(ca.id, overlapPairs.campaignA))
    .innerJoin(cb, eq(cb.id, overlapPairs.campaignB))
    .innerJoin(oa, eq(oa.id, ca.organisationId))
    .innerJoin(ob, eq(ob.id, cb.organisationId))
    .leftJoin(latestReview, and(eq(latestReview.a, overlapPairs.campaignA), eq(latestReview.b, overlapPairs.campaignB)))
    .leftJoin(overlapReviews, eq(overlapReviews.id, latestReview.id))
    .where(where)
    .orderBy(desc(overlapPairs.score))
    .all()
  const history = reviewHistory(rows.map((r) => [r.campaignA, r.campaignB] as [number, number]))
  const pairs = rows.map((r) => ({ ...r, verdict: r.verdict ?? 'unreviewed', note: r.note ?? '', history: history.get(`${r.campaignA}:${r.campaignB}`) ?? [] }))
  return clustersOf(pairs)
}

function reviewHistory(pairs: [number, number][]) {
  const map = new Map<string, { verdict: string; note: string; by: string | null; role: string; at: string }[]>()
  if (pairs.length === 0) return map
  const ids = [...new Set(pairs.flat())]
  const rows = db
    .select({ a: overlapReviews.campaignA, b: overlapReviews.campaignB, verdict: overlapReviews.verdict, note: overlapReviews.note, by: users.name, role: overlapReviews.actorRole, at: overlapReviews.at })
    .from(overlapReviews)
    .leftJoin(users, eq(users.id, overlapReviews.actorUserId))
    .where(and(inArray(overlapReviews.campaignA, ids), inArray(overlapReviews.campaignB, ids)))
    .orderBy(asc(overlapReviews.at), asc(overlapReviews.id))
    .all()
  for (const r of rows) {
    const key = `${r.a}:${r.b}`
    map.set(key, [...(map.get(key) ?? []), { verdict: r.verdict, note: r.note, by: r.by, role: r.role, at: r.at.toISOString() }])
  }
  return map
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
  if (!pair) notFound('There is no such overlapping pair.')
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

/** The reviews of the pairs one campaign is in, for its page. */
export function reviewsOfCampaign(campaignId: number) {
  const rows = db
    .select({ a: overlapReviews.campaignA, b: overlapReviews.campaignB })
    .from(overlapReviews)
    .where(or(eq(overlapReviews.campaignA, campaignId), eq(overlapReviews.campaignB, campaignId)))
    .all()
  return reviewHistory(rows.map((r) => [r.a, r.b]))
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
      .values({ campaignA: a, campaignB: b, verdict: latest?.verdict ?? 'unreviewed', note: `We are coordinating with them. ${note}`.trim(), actorUserId: actor.userId, actorRole: 'planner' })
      .returning({ id: overlapReviews.id })
      .get()
    for (const organisationId of new Set([organisationOfCampaign, organisationOfOther])) {
      recordAudit(tx, { actorUserId: actor.userId, organisationId, action: 'overlap.coordinating', entityType: 'overlap_review', entityId: review.id, after: { campaignA: a, campaignB: b, note } })
    }
  })
}

/** The coverage table and heat map of one country, from campaigns that count for overlap. */
export async function coverageOf(actor: Actor, country: string, f: Pick<PairFilters, 'from' | 'to'>) {
  assertCan(actor, 'overlap.review', null)
  const rows = db
    .select({ id: campaigns.id, startDate: campaigns.startDate, endDate: campaigns.endDate })
    .from(campaigns)
    .where(
      and(
        eq(campaigns.country, country),
        inArray(campaigns.status, ['planned', 'active', 'completed', 'evaluated']),
        sql`${campaigns.startDate} is not null and ${campaigns.endDate} is not null`,
        f.from ? gte(campaigns.endDate, f.from) : undefined,
        f.to ? lte(campaigns.startDate, f.to) : undefined,
      ),
    )
    .all()
  const codes = loadCodes(rows.map((r) => r.id))
  const list = rows.map((r) => {
    const c = codes.get(r.id)!
    // Provinces count for the region they lie in: the tables show first-level subdivisions.
    const top = [...new Set(c.subdivisions.map((s) => subdivisionAndAncestors(s).at(-1)!))]
    return { subdivisions: top, audiences: c.audiences.map((a) => a.code), startDate: r.startDate!, endDate: r.endDate! }
  })
  const subdivisions = subdivisionsOf(country).filter((s) => s.parent === country).map((s) => s.code)
  const first = f.from ?? list.map((c) => c.startDate).sort()[0]
  const last = f.to ?? list.map((c) => c.endDate).sort().at(-1)
  const months = first && last ? monthsBetween(first, last).slice(-24) : []
  return {
    subdivisions,
    months,
    heat: heatMap(list, subdivisions, months),
    coverage: coverageTable(list, subdivisions, AUDIENCES.codes.filter((a) => a !== 'other')),
    campaigns: list.length,
  }
}
