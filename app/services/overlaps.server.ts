import { overlapBetween, type Overlap, type OverlapCampaign } from '../domain/overlap'
import type { Actor } from '../domain/permissions'
import { canViewCampaign } from '../domain/visibility'
import { getCampaign } from './campaigns.server'
import { recordCoordination, reviewsOfCampaign } from './coordination.server'
import { notFound } from './http.server'
import { candidatesOf, toOverlapCampaign } from './overlap-pairs.server'

export type OverlapEntry =
  | {
      visible: true
      overlap: Overlap
      campaign: { id: number; title: string; startDate: string; endDate: string; status: string }
      organisation: { id: number; name: string; contactName: string | null; contactEmail: string | null }
      /** The coordinators' reviews of this pair and planners' notes, oldest first. */
      reviews: { verdict: string; note: string; by: string | null; role: string; at: string }[]
    }
  | { visible: false; overlap: Pick<Overlap, 'level'> }

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
  const reviews = reviewsOfCampaign(campaignId)
  const pairKey = (x: number, y: number) => (x < y ? `${x}:${y}` : `${y}:${x}`)
  const entries: (OverlapEntry & { score: number })[] = []
  for (const { row, organisation, other, funderIds } of candidatesOf(target, bufferDays)) {
    const overlap = overlapBetween(target, other, { bufferDays, draftsOf: stored.row.organisationId })
    if (!overlap) continue
    const access = { organisationId: row.organisationId, organisationApproved: organisation.approvedAt !== null, status: row.status, visibility: row.visibility, funderIds }
    entries.push(
      canViewCampaign(viewer, access)
        ? {
            visible: true,
            score: overlap.score,
            overlap,
            campaign: { id: row.id, title: row.title, startDate: row.startDate!, endDate: row.endDate!, status: row.status },
            organisation: { id: organisation.id, name: organisation.name, contactName: organisation.contactName, contactEmail: organisation.contactEmail },
            reviews: reviews.get(pairKey(campaignId, row.id)) ?? [],
          }
        : { visible: false, score: overlap.score, overlap: { level: overlap.level } },
    )
  }
  return entries.sort((a, b) => b.score - a.score).map(({ score: _score, ...entry }) => entry as OverlapEntry)
}

/** "We are coordinating with them" on a visible overlap of the planner's own campaign. */
export async function noteCoordination(actor: Actor, campaignId: number, otherId: number, note: string) {
  const stored = await getCampaign(actor, campaignId)
  const entry = (await overlapsOf(actor, campaignId)).find((e) => e.visible && e.campaign.id === otherId)
  if (!entry || !entry.visible) notFound('That campaign does not overlap this one.')
  await recordCoordination(actor, campaignId, otherId, note, stored.row.organisationId, entry.organisation.id)
}
