import type { Status, Visibility } from '../../shared/taxonomy/taxonomy'

// What the read rule and the write guards know of a campaign. The rule
// itself is one SQL condition, visibleTo (queries.server.ts), used by every
// page, list, export and notification.

export type CampaignAccess = {
  organisationId: number
  organisationApproved: boolean
  status: Status
  visibility: Visibility
  funderIds: readonly number[]
}
