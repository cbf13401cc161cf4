import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import { indicatorActuals, indicators, objectives, surveyQuestions } from '../../../db/schema'
import { indicatorResult, type IndicatorResult } from './indicator-results'
import type { ActualInput } from './actual-schema'
import { recordAudit } from '../../shared/audit.server'
import type { Outcome } from '../../shared/outcome'
import type { ResultsChange } from '../../shared/results-change'
import { assertEditable, type StoredCampaign } from '../campaigns/index.server'
import { db } from '../../shared/db.server'
import { notFound } from '../../shared/http.server'
import type { ImpactRecord } from './impact'

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

/** The indicators with their results, from the campaign's analysis (its records) and actuals. */
export function indicatorsWithResults(stored: StoredCampaign, records: readonly ImpactRecord[]): CampaignIndicator[] {
  const all = stored.objectives.flatMap((o) => o.indicators)
  if (all.length === 0) return []
  const ids = all.map((i) => i.id)
  const linked = db
    .select({ code: surveyQuestions.code, text: surveyQuestions.text, indicatorId: surveyQuestions.indicatorId })
    .from(surveyQuestions)
    .where(and(eq(surveyQuestions.campaignId, stored.row.id), isNotNull(surveyQuestions.indicatorId)))
    .all()
  const actuals = db.select().from(indicatorActuals).where(inArray(indicatorActuals.indicatorId, ids)).orderBy(asc(indicatorActuals.onDate), asc(indicatorActuals.id)).all()
  return all.map((i) => {
    const question = linked.find((q) => q.indicatorId === i.id) ?? null
    // The campaign's effect: baseline to endline, not what a follow-up shows.
    const record = question ? (records.find((r) => r.question === question.code && r.group === 'campaign' && r.comparison === 'baseline_endline') ?? null) : null
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

function indicatorOf(campaignId: number, indicatorId: number) {
  const found = db
    .select({ id: indicators.id, name: indicators.name })
    .from(indicators)
    .innerJoin(objectives, eq(objectives.id, indicators.objectiveId))
    .where(and(eq(indicators.id, indicatorId), eq(objectives.campaignId, campaignId)))
    .get()
  return found ?? notFound({ id: 'errors.no_such_indicator', defaultMessage: 'There is no such indicator in this campaign.' })
}

export async function addActual({ actor, campaignId }: ResultsChange, indicatorId: number, input: ActualInput): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const indicator = indicatorOf(campaignId, indicatorId)
  db.transaction((tx) => {
    const id = tx.insert(indicatorActuals).values({ indicatorId, ...input, actorUserId: actor.userId }).returning({ id: indicatorActuals.id }).get().id
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'indicator.actual-added', entityType: 'campaign', entityId: campaignId, before: null, after: { id, indicator: indicator.name, ...input } })
  })
  return { ok: true, value: null }
}

export async function removeActual({ actor, campaignId }: ResultsChange, indicatorId: number, actualId: number) {
  const access = assertEditable(actor, campaignId)
  indicatorOf(campaignId, indicatorId)
  const actual = db.select().from(indicatorActuals).where(and(eq(indicatorActuals.id, actualId), eq(indicatorActuals.indicatorId, indicatorId))).get() ?? notFound({ id: 'errors.no_such_value', defaultMessage: 'There is no such value.' })
  db.transaction((tx) => {
    tx.delete(indicatorActuals).where(eq(indicatorActuals.id, actualId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'indicator.actual-removed', entityType: 'campaign', entityId: campaignId, before: actual, after: null })
  })
}
