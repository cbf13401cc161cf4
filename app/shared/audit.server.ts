import { auditEvents } from '../../db/schema'
import type { Db, Tx } from './db.server'

// The one way an audit event is written: inside the write's own transaction,
// so that the event and the change land together or not at all.

export type AuditEvent = {
  actorUserId: number | null
  organisationId: number | null
  action: string
  entityType: string
  entityId: string | number
  before?: unknown
  after?: unknown
}

/** The row an event is stored as; the survey writer's thread inserts the same row with its own connection. */
export function auditRow(event: AuditEvent) {
  return {
    actorUserId: event.actorUserId,
    organisationId: event.organisationId,
    action: event.action,
    entityType: event.entityType,
    entityId: String(event.entityId),
    before: event.before ?? null,
    after: event.after ?? null,
  }
}

/** The same row for a plain prepared statement: before and after as the JSON text drizzle would store. */
export function encodedForSql(row: ReturnType<typeof auditRow>) {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value))
  return { ...row, before: json(row.before), after: json(row.after) }
}

export function recordAudit(tx: Tx | Db, event: AuditEvent): void {
  tx.insert(auditEvents).values(auditRow(event)).run()
}
