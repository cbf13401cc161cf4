import type { Actor } from '../../shared/permissions/permissions'
import { assertCan } from '../../shared/permissions/permissions.server'
import { forbidden, notFound } from '../../shared/http.server'
import { loadAccess, loadCampaign, type StoredCampaign } from './store.server'
import type { CampaignAccess } from './visibility'
import { visibleCampaignIds } from './queries.server'

// Who may read or change a campaign: the one guard that pages, lists,
// exports and every writer of campaign data go through.

/** Who may see a campaign the viewer may read, without loading it; a 404 otherwise (never a 403: its existence is not told). */
export function campaignAccess(viewer: Actor | null, id: number): CampaignAccess {
  const access = loadAccess(id)
  if (!access || !visibleCampaignIds(viewer, [id]).has(id)) notFound({ id: 'errors.no_such_campaign', defaultMessage: 'There is no such campaign, or you cannot see it.' })
  return access
}

/** A campaign the viewer may read, or a 404. */
export async function getCampaign(viewer: Actor | null, id: number): Promise<StoredCampaign> {
  campaignAccess(viewer, id)
  return loadCampaign(id) ?? notFound({ id: 'errors.no_such_campaign', defaultMessage: 'There is no such campaign, or you cannot see it.' })
}

/** Checks that the actor may edit a campaign. Archived campaigns are kept as they were. */
export function assertEditable(actor: Actor, id: number): CampaignAccess {
  const access = campaignAccess(actor, id)
  assertCan(actor, 'campaign.edit', access.organisationId)
  if (access.status === 'archived') forbidden({ id: 'errors.campaign_archived', defaultMessage: 'This campaign is archived and can no longer be changed.' })
  return access
}

/** A campaign the actor may edit. */
export async function getCampaignForEdit(actor: Actor, id: number): Promise<StoredCampaign> {
  assertEditable(actor, id)
  return getCampaign(actor, id)
}
