import { and, eq, gte, inArray, lte, ne, notExists, or, sql } from 'drizzle-orm'
import { campaigns, campaignSubdivisions, organisations } from '../../db/schema'
import { relatedSubdivisions } from '../domain/countries'
import { overlapBetween, type Overlap, type OverlapCampaign } from '../domain/overlap'
import type { Actor } from '../domain/permissions'
import { canViewCampaign } from '../domain/visibility'
import { loadCodes, type StoredCampaign } from './campaign-store.server'
import { getCampaign } from './campaigns.server'
import { db } from './db.server'

export type OverlapEntry =
  | {
      visible: true
      overlap: Overlap
      campaign: { id: number; title: string; startDate: string; endDate: string; status: string }
      organisation: { id: number; name: string; contactName: string | null; contactEmail: string | null }
    }
  | { visible: false; overlap: Pick<Overlap, 'level'> }

const DAY = 86_400_000
const shift = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)

/**
 * Campaigns of other organisations that may overlap `target`: same country,
 * periods that meet (with the buffer), and a shared or covering region — an
 * indexed query; the scoring function then decides.
 */
function candidates(target: OverlapCampaign, bufferDays: number) {
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

/**
 * What overlaps a campaign, as the viewer may know it: campaigns the viewer
 * cannot see are reported only by their level, never by title or organisation.
 */
export async function overlapsOf(
  viewer: Actor | null,
  campaignId: number,
  { bufferDays = 0, unsaved = {} }: { bufferDays?: number; unsaved?: Partial<OverlapCampaign> } = {},
): Promise<OverlapEntry[]> {
  const stored = await getCampaign(viewer, campaignId)
  // The planner's live check uses what is on the form, not yet saved.
  const target = { ...toOverlapCampaign(stored), ...unsaved }
  const found = candidates(target, bufferDays)
  const codes = loadCodes(found.map((f) => f.row.id))
  const entries: (OverlapEntry & { score: number })[] = []
  for (const { row, organisation } of found) {
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
    const overlap = overlapBetween(target, other, { bufferDays, draftsOf: stored.row.organisationId })
    if (!overlap) continue
    const access = { organisationId: row.organisationId, organisationApproved: organisation.approvedAt !== null, status: row.status, visibility: row.visibility, funderIds: c.funderIds }
    entries.push(
      canViewCampaign(viewer, access)
        ? {
            visible: true,
            score: overlap.score,
            overlap,
            campaign: { id: row.id, title: row.title, startDate: row.startDate!, endDate: row.endDate!, status: row.status },
            organisation: { id: organisation.id, name: organisation.name, contactName: organisation.contactName, contactEmail: organisation.contactEmail },
          }
        : { visible: false, score: overlap.score, overlap: { level: overlap.level } },
    )
  }
  return entries.sort((a, b) => b.score - a.score).map(({ score: _score, ...entry }) => entry as OverlapEntry)
}
