import { desc, eq } from 'drizzle-orm'
import { auditEvents, users } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import { assertCan } from '../../shared/permissions/permissions.server'
import { db } from '../../shared/db.server'

/** An organisation's audit log, newest first, for its admins. */
export async function listAuditEvents(actor: Actor, organisationId: number, { limit = 200 } = {}) {
  assertCan(actor, 'audit.view', organisationId)
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      before: auditEvents.before,
      after: auditEvents.after,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(eq(auditEvents.organisationId, organisationId))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit)
    .all()
}
