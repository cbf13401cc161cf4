import { and, eq, gte, inArray, lte, ne, notExists, or, sql } from 'drizzle-orm'
import { campaigns, campaignSubdivisions, notifications, organisations, overlapPairs } from '../../db/schema'
import { relatedSubdivisions } from '../domain/countries'
import { overlapBetween, type OverlapCampaign } from '../domain/overlap'
import { loadCampaign, loadCodes, type StoredCampaign } from './campaign-store.server'
import { db } from './db.server'

// Finding the campaigns that may overlap one campaign, and keeping the table
// of overlapping pairs current whenever a campaign changes.

const DAY = 86_400_000
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

/**
 * Campaigns of other organisations that may overlap `target`: same country,
 * periods that meet (with the buffer), and a shared or covering region — an
 * indexed query; the scoring function then decides.
 */
function candidateRows(target: OverlapCampaign, bufferDays: number) {
  if (!target.country || !target.startDate || !target.endDate) return []
  const regions = [...new Set(target.subdivisions.flatMap(relatedSubdivisions))]
  const regionMatch = target.subdivisions.length
    ? or(
        notExists(db.select({ one: sql`1` }).from(campaignSubdivisions).where(eq(campaignSubdivisions.campaignId, campaigns.id))),
        inArray(
          campaigns.id,
          db.select({ id: campaignSubdivisions.campaignId }).from(campaignSubdivisions).where(inArray(campaignSubdivisions.code, regions)),
        ),
      )
    : undefined
  return db
    .select({ row: campaigns, organisation: organisations })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(
      and(
        eq(campaigns.country, target.country),
        ne(campaigns.organisationId, target.organisationId),
        inArray(campaigns.status, ['planned', 'active', 'completed', 'evaluated']),
        lte(campaigns.startDate, shift(target.endDate, bufferDays)),
        gte(campaigns.endDate, shift(target.startDate, -bufferDays)),
        regionMatch,
      ),
    )
    .all()
}

export function toOverlapCampaign(stored: StoredCampaign): OverlapCampaign {
  const c = stored.campaign
  return {
    id: stored.row.id,
    organisationId: stored.row.organisationId,
    status: stored.row.status,
    country: c.country,
    subdivisions: c.subdivisions,
    startDate: c.startDate,
    endDate: c.endDate,
    audiences: c.audiences.map((a) => a.code),
    channels: c.channels,
    exploitationForms: c.exploitationForms,
    purposes: c.purposes,
  }
}


/** Candidates with their codes, in the scoring function's shape. */
export function candidatesOf(target: OverlapCampaign, bufferDays = 0) {
  const found = candidateRows(target, bufferDays)
  const codes = loadCodes(found.map((f) => f.row.id))
  return found.map(({ row, organisation }) => {
    const c = codes.get(row.id)!
    const other: OverlapCampaign = {
      id: row.id,
      organisationId: row.organisationId,
      status: row.status,
      country: row.country,
      subdivisions: c.subdivisions,
      startDate: row.startDate,
      endDate: row.endDate,
      audiences: c.audiences.map((a) => a.code),
      channels: c.channels,
      exploitationForms: c.exploitationForms,
      purposes: c.purposes,
    }
    return { row, organisation, other, funderIds: c.funderIds }
  })
}

const pairOf = (x: number, y: number) => (x < y ? [x, y] : [y, x]) as [number, number]

/**
 * Recomputes the stored pairs of one campaign. Drafts and archived campaigns
 * have none; a pair that no longer overlaps is removed (its reviews stay).
 * Returns the pairs that are new, for notifications.
 */
export function refreshPairsFor(campaignId: number): { campaignA: number; campaignB: number; level: string }[] {
  const stored = loadCampaign(campaignId)
  const current = new Map<string, { a: number; b: number; score: number; level: 'high' | 'medium' | 'low'; reasons: string[]; start: string; end: string }>()
  if (stored && stored.row.status !== 'draft' && stored.row.status !== 'archived') {
    const target = toOverlapCampaign(stored)
    for (const { other } of candidatesOf(target)) {
      const overlap = overlapBetween(target, other)
      if (!overlap) continue
      const [a, b] = pairOf(target.id, other.id)
      current.set(`${a}:${b}`, { a, b, score: overlap.score, level: overlap.level, reasons: overlap.reasons, start: overlap.period.start, end: overlap.period.end })
    }
  }
  const existing = db
    .select({ a: overlapPairs.campaignA, b: overlapPairs.campaignB })
    .from(overlapPairs)
    .where(or(eq(overlapPairs.campaignA, campaignId), eq(overlapPairs.campaignB, campaignId)))
    .all()
  const known = new Set(existing.map((p) => `${p.a}:${p.b}`))
  const fresh: { campaignA: number; campaignB: number; level: string }[] = []
  db.transaction((tx) => {
    for (const p of existing) {
      if (!current.has(`${p.a}:${p.b}`)) tx.delete(overlapPairs).where(and(eq(overlapPairs.campaignA, p.a), eq(overlapPairs.campaignB, p.b))).run()
    }
    for (const [key, p] of current) {
      const values = { score: p.score, level: p.level, reasons: p.reasons, periodStart: p.start, periodEnd: p.end }
      tx.insert(overlapPairs)
        .values({ campaignA: p.a, campaignB: p.b, ...values })
        .onConflictDoUpdate({ target: [overlapPairs.campaignA, overlapPairs.campaignB], set: values })
        .run()
      if (!known.has(key)) fresh.push({ campaignA: p.a, campaignB: p.b, level: p.level })
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
      .where(inArray(campaigns.status, ['planned', 'active', 'completed', 'evaluated']))
      .all()
      .map((r) => r.id)
  for (const id of list) refreshPairsFor(id)
}

