import { and, asc, count, eq, ne } from 'drizzle-orm'
import { campaigns, indicators, indicatorSummaries, organisations, standardIndicators } from '../../db/schema'
import type { Actor } from '../domain/permissions'
import { rollUp } from '../domain/rollup'
import type { StandardIndicatorInput } from '../schemas/standard-indicator'
import { recordAudit } from './audit.server'
import type { Outcome } from './auth.server'
import { visibleTo } from './campaign-queries.server'
import { db } from './db.server'
import { notFound } from './http.server'
import { ensureSummaries } from './summaries.server'
import { assertCan } from './permissions.server'

// The shared library of standard indicators: coordinators (and platform
// admins) maintain it; everyone signed in reads it and adopts from it.

export const standardIndicatorById = (id: number) => db.select().from(standardIndicators).where(eq(standardIndicators.id, id)).get() ?? null

export function standardIndicatorByCode(code: string) {
  return db.select().from(standardIndicators).where(eq(standardIndicators.code, code)).get() ?? notFound('There is no standard indicator with that code.')
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
  if (codeTaken(input.code)) return { ok: false, fieldErrors: { code: [`The code ${input.code} is taken; choose another`] } }
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
  if (codeTaken(input.code, before.id)) return { ok: false, fieldErrors: { code: [`The code ${input.code} is taken; choose another`] } }
  const adopted = db.select({ n: count() }).from(indicators).where(eq(indicators.standardIndicatorId, before.id)).get()!.n
  if (adopted && (input.unit !== before.unit || input.direction !== before.direction)) {
    return { ok: false, formErrors: [`${adopted} campaign indicator${adopted === 1 ? '' : 's'} adopt this standard: its unit and direction cannot change. Create a new standard indicator instead.`] }
  }
  db.transaction((tx) => {
    tx.update(standardIndicators).set({ ...input, updatedAt: new Date() }).where(eq(standardIndicators.id, before.id)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: null, action: 'standard-indicator.updated', entityType: 'standard_indicator', entityId: before.id, before, after: input })
  })
  return { ok: true, value: input.code }
}

/**
 * A standard indicator with every campaign the viewer may see that adopts it
 * (drafts are plans, not results), read from the summaries, and their roll-up.
 */
export function standardIndicatorPage(viewer: Actor, code: string) {
  const standard = standardIndicatorByCode(code)
  ensureSummaries()
  const rows = db
    .select({
      campaignId: campaigns.id,
      title: campaigns.title,
      status: campaigns.status,
      organisationId: campaigns.organisationId,
      organisation: organisations.name,
      target: indicatorSummaries.target,
      baseline: indicatorSummaries.baseline,
      actual: indicatorSummaries.actual,
      actualFrom: indicatorSummaries.actualFrom,
      nBaseline: indicatorSummaries.nBaseline,
      nActual: indicatorSummaries.nActual,
      pValue: indicatorSummaries.pValue,
    })
    .from(indicatorSummaries)
    .innerJoin(campaigns, eq(campaigns.id, indicatorSummaries.campaignId))
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(and(eq(indicatorSummaries.standardIndicatorId, standard.id), ne(campaigns.status, 'draft'), visibleTo(viewer)))
    .all()
  // Results first, highest actual first; then the campaigns still waiting for theirs.
  rows.sort((a, b) => (a.actual === null ? 1 : 0) - (b.actual === null ? 1 : 0) || (b.actual ?? 0) - (a.actual ?? 0) || a.title.localeCompare(b.title))
  return { standard, rows, rollup: rollUp(standard.unit, rows) }
}
