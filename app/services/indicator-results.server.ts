import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import { indicatorActuals, indicators, indicatorSummaries, objectives, surveyQuestions } from '../../db/schema'
import { ALPHA } from '../domain/impact'
import { indicatorResult, outcomesWithoutActuals, progressOf, type IndicatorResult } from '../domain/indicator-results'
import type { Actor } from '../domain/permissions'
import type { ActualInput } from '../schemas/indicator-actual'
import { recordAudit } from './audit.server'
import type { Outcome } from './auth.server'
import type { StoredCampaign } from './campaign-store.server'
import { assertEditable, getCampaign, transitionCampaign } from './campaigns.server'
import { db } from './db.server'
import { notFound } from './http.server'
import { analysisOf } from './impact.server'
import { ensureSummariesOf, refreshSummaries, resultsChanged } from './summaries.server'

// Indicators with their results: survey-measured ones from the campaign's
// analysis, the others from the actuals entered by date. A completed
// campaign becomes evaluated once every outcome indicator has an actual.

export type CampaignIndicator = {
  id: number
  name: string
  level: 'output' | 'outcome'
  unit: 'percent' | 'count' | 'mean_score'
  direction: 'increase' | 'decrease'
  target: number | null
  question: { code: string; text: string } | null
  result: IndicatorResult
  actuals: { id: number; onDate: string; value: number; note: string }[]
}

export function indicatorsWithResults(stored: StoredCampaign): CampaignIndicator[] {
  const all = stored.objectives.flatMap((o) => o.indicators)
  if (all.length === 0) return []
  const ids = all.map((i) => i.id)
  const linked = db
    .select({ code: surveyQuestions.code, text: surveyQuestions.text, indicatorId: surveyQuestions.indicatorId })
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.campaignId, stored.row.id), isNotNull(surveyQuestions.indicatorId)))
    .all()
  const records = linked.length ? analysisOf(stored.row.id).records : []
  const actuals = db.select().from(indicatorActuals).where(inArray(indicatorActuals.indicatorId, ids)).orderBy(asc(indicatorActuals.onDate), asc(indicatorActuals.id)).all()
  return all.map((i) => {
    const question = linked.find((q) => q.indicatorId === i.id) ?? null
    const record = question ? (records.find((r) => r.question === question.code && r.group === 'campaign') ?? null) : null
    const own = actuals.filter((a) => a.indicatorId === i.id).map((a) => ({ id: a.id, onDate: a.onDate, value: a.value, note: a.note }))
    return {
      id: i.id,
      name: i.name,
      level: i.level,
      unit: i.unit,
      direction: i.direction,
      target: i.target,
      question: question && { code: question.code, text: question.text },
      result: indicatorResult(i, record, own),
      actuals: own,
    }
  })
}

/** Where each indicator of a campaign stands, read from its summaries (kept up to date on every write) — for pages that show a campaign. */
export function summarisedIndicators(campaignId: number): { id: number; name: string; question: { code: string } | null; result: IndicatorResult }[] {
  ensureSummariesOf(campaignId)
  return db
    .select()
    .from(indicatorSummaries)
    .where(eq(indicatorSummaries.campaignId, campaignId))
    .all()
    .map((s) => ({
      id: s.indicatorId,
      name: s.name,
      question: s.questionCode ? { code: s.questionCode } : null,
      result: {
        baseline: s.baseline,
        baselineFrom: s.baselineFrom,
        actual: s.actual,
        actualFrom: s.actualFrom,
        actualDate: s.actualDate,
        progress: progressOf(s.baseline, s.actual, s.target),
        met: s.met,
        pValue: s.pValue,
        significant: s.pValue === null ? null : s.pValue < ALPHA,
        method: s.method,
        nBaseline: s.nBaseline,
        nActual: s.nActual,
        change: s.change,
        changeLow: s.changeLow,
        changeHigh: s.changeHigh,
      },
    }))
}

/** The outcome indicators still without an actual: what stands between a campaign and "evaluated". */
export const outcomeGaps = (stored: StoredCampaign) => outcomesWithoutActuals(indicatorsWithResults(stored))

function indicatorOf(campaignId: number, indicatorId: number) {
  const found = db
    .select({ id: indicators.id, name: indicators.name })
    .from(indicators)
    .innerJoin(objectives, eq(objectives.id, indicators.objectiveId))
    .where(and(eq(indicators.id, indicatorId), eq(objectives.campaignId, campaignId)))
    .get()
  return found ?? notFound('There is no such indicator in this campaign.')
}

export async function addActual(actor: Actor, campaignId: number, indicatorId: number, input: ActualInput): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const indicator = indicatorOf(campaignId, indicatorId)
  db.transaction((tx) => {
    const id = tx.insert(indicatorActuals).values({ indicatorId, ...input, actorUserId: actor.userId }).returning({ id: indicatorActuals.id }).get().id
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'indicator.actual-added', entityType: 'campaign', entityId: campaignId, before: null, after: { id, indicator: indicator.name, ...input } })
  })
  await resultsChanged(actor, campaignId)
  return { ok: true, value: null }
}

export async function removeActual(actor: Actor, campaignId: number, indicatorId: number, actualId: number) {
  const access = assertEditable(actor, campaignId)
  indicatorOf(campaignId, indicatorId)
  const actual = db.select().from(indicatorActuals).where(and(eq(indicatorActuals.id, actualId), eq(indicatorActuals.indicatorId, indicatorId))).get() ?? notFound('There is no such value.')
  db.transaction((tx) => {
    tx.delete(indicatorActuals).where(eq(indicatorActuals.id, actualId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'indicator.actual-removed', entityType: 'campaign', entityId: campaignId, before: actual, after: null })
  })
  refreshSummaries(campaignId)
}

/** A completed campaign whose outcome indicators all have actuals moves on to evaluated, by the hand of whoever completed the set. */
export async function evaluateWhenComplete(actor: Actor, campaignId: number) {
  const stored = await getCampaign(actor, campaignId)
  if (stored.row.status !== 'completed') return
  const outcomes = stored.objectives.flatMap((o) => o.indicators).filter((i) => i.level === 'outcome')
  if (outcomes.length && outcomeGaps(stored).length === 0) await transitionCampaign(actor, campaignId, 'evaluated')
}
