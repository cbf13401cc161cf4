import { aliasedTable, and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { campaigns, notifications, organisations } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import { visibleCampaignIds } from '../campaigns/index.server'
import { db } from '../../shared/db.server'

const own = aliasedTable(campaigns, 'own')
const other = aliasedTable(campaigns, 'other')
const otherOrg = aliasedTable(organisations, 'other_org')

// Asked by the shell on every page a member opens: prepared once.
const unreadQuery = db
  .select({ n: count() })
  .from(notifications)
  .where(and(eq(notifications.organisationId, sql.placeholder('organisationId')), isNull(notifications.readAt)))
  .prepare()

/** Unread notifications of the actor's organisation, for the count in the shell. */
export function unreadCount(actor: Actor): number {
  if (!actor.membership) return 0
  return unreadQuery.get({ organisationId: actor.membership.organisationId })!.n
}

export async function listNotifications(actor: Actor) {
  if (!actor.membership) return []
  const rows = db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      campaign: { id: own.id, title: own.title },
      other: { id: other.id, title: other.title, organisation: otherOrg.name },
    })
    .from(notifications)
    .innerJoin(own, eq(own.id, notifications.campaignId))
    .innerJoin(other, eq(other.id, notifications.otherCampaignId))
    .innerJoin(otherOrg, eq(otherOrg.id, other.organisationId))
    .where(eq(notifications.organisationId, actor.membership.organisationId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(200)
    .all()
  // A campaign the organisation may not see is never named (DESIGN.md §3).
  const visible = visibleCampaignIds(actor, rows.map((r) => r.other.id))
  return rows.map((r) => ({ ...r, other: visible.has(r.other.id) ? r.other : null }))
}

/** Marks one (or, without an id, every) notification of the actor's organisation as read. */
export async function markRead(actor: Actor, id?: number) {
  if (!actor.membership) return
  db.update(notifications)
    .set({ readAt: new Date(), readBy: actor.userId })
    .where(
      and(
        eq(notifications.organisationId, actor.membership.organisationId),
        isNull(notifications.readAt),
        id === undefined ? undefined : eq(notifications.id, id),
      ),
    )
    .run()
}
