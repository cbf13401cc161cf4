import { eq } from 'drizzle-orm'
import { campaigns, campaignStatusHistory } from '../../../db/schema'
import { recordAudit } from '../../shared/audit.server'
import { db } from '../../shared/db.server'
import type { Outcome } from '../../shared/outcome'
import type { Actor } from '../../shared/permissions/permissions'
import { assertCan } from '../../shared/permissions/permissions.server'
import { STATUSES, type Status } from '../../shared/taxonomy/taxonomy'
import { refreshPairsFor } from '../overlap/index.server'
import { getCampaign } from './access.server'
import { canTransition, MISSING_FOR_PLANNED, missingForPlanned } from './campaign'
import { defineMessages, tr } from '../../shared/i18n'

const m = defineMessages({
  cannotMove: { id: 'campaigns.lifecycle.cannot_move', defaultMessage: 'A campaign cannot move from {from} to {to}.' },
  add: { id: 'campaigns.lifecycle.add_before_planned', defaultMessage: 'Add {what} before registering the campaign as planned.' },
  noActual: {
    id: 'campaigns.lifecycle.no_actual',
    defaultMessage: '“{name}” has no actual yet: enter one, or import the endline survey of its question, before marking the campaign as evaluated.',
  },
})

/**
 * Moves a campaign along its lifecycle. Planned needs what missingForPlanned
 * lists; evaluated needs an actual for every outcome indicator, which only the
 * results know: `outcomeGaps` names those still without one (results'
 * transitionCampaign supplies them).
 */
export async function changeStatus(actor: Actor, id: number, to: Status, outcomeGaps: readonly string[]): Promise<Outcome<null>> {
  const stored = await getCampaign(actor, id)
  assertCan(actor, 'campaign.edit', stored.row.organisationId)
  const from = stored.row.status
  if (!canTransition(from, to)) {
    return { ok: false, formErrors: [tr(m.cannotMove, { from: tr(STATUSES.message(from)), to: tr(STATUSES.message(to)) })] }
  }
  if (to === 'planned') {
    const missing = missingForPlanned(stored.campaign)
    if (missing.length) return { ok: false, formErrors: missing.map((what) => tr(m.add, { what: tr(MISSING_FOR_PLANNED[what]) })) }
  }
  if (to === 'evaluated' && outcomeGaps.length) {
    return { ok: false, formErrors: outcomeGaps.map((name) => tr(m.noActual, { name })) }
  }
  db.transaction((tx) => {
    tx.update(campaigns).set({ status: to, updatedAt: new Date() }).where(eq(campaigns.id, id)).run()
    tx.insert(campaignStatusHistory).values({ campaignId: id, fromStatus: from, toStatus: to, actorUserId: actor.userId }).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: stored.row.organisationId, action: 'campaign.status-changed', entityType: 'campaign', entityId: id, before: { status: from }, after: { status: to } })
  })
  refreshPairsFor(id)
  return { ok: true, value: null }
}
