import { and, eq } from 'drizzle-orm'
import { indicatorSummaries } from '../../../db/schema'
import { db } from '../../shared/db.server'
import type { Outcome } from '../../shared/outcome'
import type { Actor } from '../../shared/permissions/permissions'
import type { ResultsChange } from '../../shared/results-change'
import type { Status } from '../../shared/taxonomy/taxonomy'
import { campaignAccess, changeStatus } from '../campaigns/index.server'
import { outcomesWithoutActuals } from './indicator-results'
import { ensureSummariesOf, refreshSummaries } from './summaries.server'

// The results flow: the one way in for every change that can alter what a
// campaign achieved, and for the lifecycle rule that rests on it. See
// docs/decisions/002-results-flow.md.

type Refused = { ok: false }
const refused = (value: unknown): value is Refused => typeof value === 'object' && value !== null && (value as Refused).ok === false

/**
 * Runs a write of something a campaign's results are computed from (answers
 * typed, imported, changed or deleted; actuals; indicators; the questions
 * that measure them), then refreshes the campaign's summaries and applies the
 * lifecycle rule: a completed campaign whose outcome indicators all have an
 * actual becomes evaluated. The write gets the ResultsChange it needs and is
 * not followed by a refresh when it answers `{ ok: false }` (refused, nothing
 * written). `totalsOnly` is for writes that only the campaign's totals count
 * (audiences, channels): no answer is analysed again, no status can follow.
 */
export async function changeResults<T>(
  actor: Actor,
  campaignId: number,
  write: (change: ResultsChange) => T | Promise<T>,
  { totalsOnly = false } = {},
): Promise<T> {
  const outcome = await write({ actor, campaignId } as ResultsChange)
  if (refused(outcome)) return outcome
  await refreshSummaries(campaignId, { totalsOnly })
  if (!totalsOnly) await evaluateWhenComplete(actor, campaignId)
  return outcome
}

/** A campaign's outcome indicators, from its summaries: what the lifecycle rule reads. */
async function outcomesOf(campaignId: number) {
  await ensureSummariesOf(campaignId)
  return db
    .select({ name: indicatorSummaries.name, level: indicatorSummaries.level, actual: indicatorSummaries.actual })
    .from(indicatorSummaries)
    .where(and(eq(indicatorSummaries.campaignId, campaignId), eq(indicatorSummaries.level, 'outcome')))
    .all()
}

/** The outcome indicators still without an actual: what stands between a campaign and evaluated. */
const outcomeGaps = (outcomes: Awaited<ReturnType<typeof outcomesOf>>) => outcomesWithoutActuals(outcomes.map((o) => ({ ...o, result: { actual: o.actual } })))

/** A completed campaign with outcome indicators that all have actuals moves on to evaluated, by the hand of whoever completed the set. */
async function evaluateWhenComplete(actor: Actor, campaignId: number) {
  if (campaignAccess(actor, campaignId).status !== 'completed') return
  const outcomes = await outcomesOf(campaignId)
  if (outcomes.length && outcomeGaps(outcomes).length === 0) await changeStatus(actor, campaignId, 'evaluated', [])
}

/** A status change asked for by a person; evaluated only once every outcome indicator has an actual. */
export async function transitionCampaign(actor: Actor, campaignId: number, to: Status): Promise<Outcome<null>> {
  return changeStatus(actor, campaignId, to, to === 'evaluated' ? outcomeGaps(await outcomesOf(campaignId)) : [])
}
