import { desc, eq } from 'drizzle-orm'
import { auditEvents, users } from '../../db/schema'
import type { Actor } from '../domain/permissions'
import { assertCan } from './permissions.server'
import { db, type Db } from './db.server'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db

export type AuditInput = {
  actorUserId: number | null
  organisationId: number | null
  action: string
  entityType: string
  entityId: string | number
  before?: unknown
  after?: unknown
}

/** Call inside the write's transaction, so the event and the change land together. */
export function recordAudit(tx: Tx, event: AuditInput): void {
  tx.insert(auditEvents)
    .values({
      actorUserId: event.actorUserId,
      organisationId: event.organisationId,
      action: event.action,
      entityType: event.entityType,
      entityId: String(event.entityId),
      before: event.before ?? null,
      after: event.after ?? null,
    })
    .run()
}

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
