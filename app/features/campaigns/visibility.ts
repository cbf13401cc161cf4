import type { Actor } from '../../shared/permissions/permissions'
import type { Status, Visibility } from '../../shared/taxonomy/taxonomy'

// Who may read a campaign (DESIGN.md §3). The campaign
// list applies the same rule in SQL (queries.server.ts);
// an integration test holds the two together.

export type CampaignAccess = {
  organisationId: number
  organisationApproved: boolean
  status: Status
  visibility: Visibility
  funderIds: readonly number[]
}

export function canViewCampaign(viewer: Actor | null, c: CampaignAccess): boolean {
  const own = viewer?.membership?.organisationId === c.organisationId
  if (own) return true
  // Drafts, and everything of an organisation not yet approved, stay inside it.
  if (c.status === 'draft' || !c.organisationApproved) return false
  if (c.visibility === 'published') return true
  if (!viewer) return false
  if (viewer.membership?.role === 'coordinator') return true
  if (viewer.membership && c.funderIds.includes(viewer.membership.organisationId)) return true
  if (c.visibility === 'network') return viewer.isPlatformAdmin || viewer.membership?.organisationApproved === true
  return false
}
