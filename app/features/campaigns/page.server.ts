import { can, type Actor } from '../../shared/permissions/permissions'
import { getCampaign } from './access.server'
import { organisationNames, statusHistory } from './store.server'

/** Everything the campaign page shows, for a viewer who may see the campaign. */
export async function getCampaignPage(viewer: Actor | null, id: number) {
  const stored = await getCampaign(viewer, id)
  return {
    stored,
    funders: organisationNames(stored.campaign.funderIds),
    history: statusHistory(id),
    canEdit: viewer !== null && stored.row.status !== 'archived' && can(viewer, 'campaign.edit', stored.row.organisationId),
    canDuplicate: viewer !== null && can(viewer, 'campaign.edit', stored.row.organisationId),
  }
}
