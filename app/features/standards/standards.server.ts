import { asc, count, eq } from 'drizzle-orm'
import { indicators, standardIndicators } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import type { StandardIndicatorInput } from './schemas'
import { recordAudit } from '../../shared/audit.server'
import type { Outcome } from '../../shared/outcome'
import { db } from '../../shared/db.server'
import { notFound } from '../../shared/http.server'
import { defineMessages, tr } from '../../shared/i18n'
import { assertCan } from '../../shared/permissions/permissions.server'

// The shared library of standard indicators: coordinators (and platform
// admins) maintain it; everyone signed in reads it and adopts from it.

export const standardIndicatorById = (id: number) => db.select().from(standardIndicators).where(eq(standardIndicators.id, id)).get() ?? null

export function standardIndicatorByCode(code: string) {
  return db.select().from(standardIndicators).where(eq(standardIndicators.code, code)).get() ?? notFound({ id: 'errors.no_such_standard_indicator', defaultMessage: 'There is no standard indicator with that code.' })
}

/** The library, with how many campaign indicators adopt each. */
export function standardIndicatorList() {
  const used = new Map(
    db
      .select({ id: indicators.standardIndicatorId, n: count() })
      .from(indicators)
      .groupBy(indicators.standardIndicatorId)
      .all()
      .map((r) => [r.id, r.n]),
  )
  return db
    .select()
    .from(standardIndicators)
    .orderBy(asc(standardIndicators.name))
    .all()
    .map((s) => ({ ...s, adopted: used.get(s.id) ?? 0 }))
}

/** What an indicator form offers to adopt. */
export const standardIndicatorOptions = () =>
  db.select({ id: standardIndicators.id, name: standardIndicators.name, unit: standardIndicators.unit, direction: standardIndicators.direction }).from(standardIndicators).orderBy(asc(standardIndicators.name)).all()

const codeTaken = (code: string, except?: number) => {
  const found = db.select({ id: standardIndicators.id }).from(standardIndicators).where(eq(standardIndicators.code, code)).get()
  return found !== undefined && found.id !== except
}

export function createStandardIndicator(actor: Actor, input: StandardIndicatorInput): Outcome<string> {
  assertCan(actor, 'standards.manage', null)
  if (codeTaken(input.code)) return { ok: false, fieldErrors: { code: [tr(said.codeTaken, { code: input.code })] } }
  db.transaction((tx) => {
    const id = tx.insert(standardIndicators).values(input).returning({ id: standardIndicators.id }).get().id
    recordAudit(tx, { actorUserId: actor.userId, organisationId: null, action: 'standard-indicator.created', entityType: 'standard_indicator', entityId: id, before: null, after: input })
  })
  return { ok: true, value: input.code }
}

/** The unit and direction stay while campaigns adopt it: their results would stop adding up. */
export function updateStandardIndicator(actor: Actor, code: string, input: StandardIndicatorInput): Outcome<string> {
  assertCan(actor, 'standards.manage', null)
  const before = standardIndicatorByCode(code)
  if (codeTaken(input.code, before.id)) return { ok: false, fieldErrors: { code: [tr(said.codeTaken, { code: input.code })] } }
  const adopted = db.select({ n: count() }).from(indicators).where(eq(indicators.standardIndicatorId, before.id)).get()!.n
  if (adopted && (input.unit !== before.unit || input.direction !== before.direction)) {
    return { ok: false, formErrors: [tr(said.adopted, { count: adopted })] }
  }
  db.transaction((tx) => {
    tx.update(standardIndicators).set({ ...input, updatedAt: new Date() }).where(eq(standardIndicators.id, before.id)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: null, action: 'standard-indicator.updated', entityType: 'standard_indicator', entityId: before.id, before, after: input })
  })
  return { ok: true, value: input.code }
}

const said = defineMessages({
  codeTaken: { id: 'standards.code_taken', defaultMessage: 'The code {code} is taken; choose another' },
  adopted: {
    id: 'standards.adopted',
    defaultMessage: '{count, plural, one {# campaign indicator adopts} other {# campaign indicators adopt}} this standard: its unit and direction cannot change. Create a new standard indicator instead.',
  },
})
