import { eq, sql } from 'drizzle-orm'
import { campaignAnalyses, campaignSummaries, indicatorSummaries, standardIndicators } from '../../../db/schema'
import { loadCampaign, type StoredCampaign } from '../campaigns/index.server'
import { db } from '../../shared/db.server'
import { indicatorsWithResults } from './indicators.server'
import type { IndicatorResult } from './indicator-results'
import { progressOf } from './progress'
import { ALPHA } from './conventions'
import type { ImpactRecord } from './impact'
import { runAnalysis } from './analysis-runner.server'
import type { StoredAnalysis } from './stored-analysis'

// The summaries pages and dashboards read: each campaign's analysis (every
// record and breakdown), each campaign indicator's baseline, actual, change
// and test, and each campaign's respondents, people reached and targeted and
// channels. Only the results flow (flow.server.ts)
// refreshes them, after a change to what they are computed from. Derived
// data: a campaign without its row in campaign_summaries is built on the next
// read. See docs/decisions/005-summaries.md.

/** The standard indicator whose actuals count as people reached. */
export const REACH_STANDARD = 'people_reached'

/**
 * Each campaign's refreshes: the one running (the tail) and at most one
 * waiting to start. A refresh asked for while one waits joins it: it will
 * read the campaign as it is when it starts, so it covers every change made
 * before. Many writes to one campaign cost two analyses, not one each, and
 * the last to finish always saw the last change.
 */
type Waiting = { promise: Promise<void>; full: boolean }
const queues = new Map<number, { tail: Promise<void>; waiting: Waiting | null }>()

/**
 * Recomputes one campaign's summaries: its analysis (the costly part: every
 * answer is read and analysed, off the event loop for large surveys) and
 * the indicators' results from it and the actuals, then its totals.
 * `totalsOnly` skips the analysis, for changes to what only the totals count
 * (audiences, channels).
 */
export function refreshSummaries(campaignId: number, { totalsOnly = false } = {}): Promise<void> {
  const queue = queues.get(campaignId) ?? { tail: Promise.resolve(), waiting: null }
  if (queue.waiting) {
    if (!totalsOnly) queue.waiting.full = true
    return queue.waiting.promise
  }
  const waiting: Waiting = { promise: Promise.resolve(), full: !totalsOnly }
  waiting.promise = queue.tail
    .catch(() => undefined)
    .then(() => {
      // Started: what is asked for from now on waits for the next one.
      if (queue.waiting === waiting) queue.waiting = null
      return refreshNow(campaignId, !waiting.full)
    })
  queue.tail = waiting.promise
  queue.waiting = waiting
  queues.set(campaignId, queue)
  const forget = () => {
    if (queue.tail === waiting.promise) queues.delete(campaignId)
  }
  waiting.promise.then(forget, forget)
  return waiting.promise
}

async function refreshNow(campaignId: number, totalsOnly: boolean) {
  // A totals-only change to a campaign never analysed still builds its analysis: summaries and analysis exist together.
  const built = () => db.select({ id: campaignAnalyses.campaignId }).from(campaignAnalyses).where(eq(campaignAnalyses.campaignId, campaignId)).get() !== undefined
  const analysis = totalsOnly && built() ? null : await runAnalysis(campaignId)
  // Read after the analysis: the campaign may have changed (or gone) meanwhile.
  const stored = loadCampaign(campaignId)
  if (!stored) return
  db.transaction((tx) => {
    if (analysis) {
      tx.insert(campaignAnalyses)
        .values({ campaignId, analysis })
        .onConflictDoUpdate({ target: campaignAnalyses.campaignId, set: { analysis, refreshedAt: new Date() } })
        .run()
      tx.delete(indicatorSummaries).where(eq(indicatorSummaries.campaignId, campaignId)).run()
      for (const row of indicatorRows(stored, analysis.records)) tx.insert(indicatorSummaries).values(row).run()
    }
    const totals = totalsOf(stored, analysis ? Object.values(analysis.waveSizes).reduce((s, n) => s + n, 0) : respondentsSummarised(campaignId))
    tx.insert(campaignSummaries)
      .values({ campaignId, ...totals })
      .onConflictDoUpdate({ target: campaignSummaries.campaignId, set: { ...totals, refreshedAt: new Date() } })
      .run()
  })
}

function indicatorRows(stored: StoredCampaign, records: readonly ImpactRecord[]) {
  const byId = new Map(stored.objectives.flatMap((o) => o.indicators).map((i) => [i.id, i]))
  return indicatorsWithResults(stored, records).map(({ result: r, ...i }) => ({
    indicatorId: i.id,
    campaignId: stored.row.id,
    standardIndicatorId: byId.get(i.id)?.standardIndicatorId ?? null,
    name: i.name,
    level: i.level,
    unit: i.unit,
    direction: i.direction,
    baseline: r.baseline,
    target: i.target,
    actual: r.actual,
    actualFrom: r.actualFrom,
    baselineFrom: r.baselineFrom,
    actualDate: r.actualDate,
    questionCode: i.question?.code ?? null,
    nBaseline: r.nBaseline,
    nActual: r.nActual,
    change: r.change,
    changeLow: r.changeLow,
    changeHigh: r.changeHigh,
    pValue: r.pValue,
    method: r.method,
    met: r.met,
  }))
}

/** As last analysed: a totals-only refresh does not change who answered. */
const respondentsSummarised = (campaignId: number) =>
  db.select({ n: campaignSummaries.respondents }).from(campaignSummaries).where(eq(campaignSummaries.campaignId, campaignId)).get()?.n ?? 0

/** Respondents (as analysed), people reached (the actuals of the people_reached standard, read from the indicator summaries), targeted, channels. */
function totalsOf(stored: StoredCampaign, respondents: number) {
  const campaignId = stored.row.id
  const reached = db
    .select({ total: sql<number | null>`sum(${indicatorSummaries.actual})` })
    .from(indicatorSummaries)
    .innerJoin(standardIndicators, eq(standardIndicators.id, indicatorSummaries.standardIndicatorId))
    .where(sql`${indicatorSummaries.campaignId} = ${campaignId} and ${standardIndicators.code} = ${REACH_STANDARD} and ${indicatorSummaries.actual} is not null`)
    .get()?.total ?? null
  return {
    respondents,
    reached,
    targeted: stored.campaign.audiences.reduce((s, a) => s + (a.estimatedSize ?? 0), 0),
    channels: stored.campaign.channels.join(','),
  }
}

/** Builds the summaries of campaigns that have none yet (new databases, campaigns created since); once per request that reads them. */
export async function ensureSummaries() {
  const missing = db.all<{ id: number }>(sql`select c.id from campaigns c left join campaign_summaries s on s.campaign_id = c.id where s.campaign_id is null`)
  for (const { id } of missing) await ensureSummariesOf(id)
}

/**
 * Builds one campaign's summaries if it has none (a primary-key lookup, for
 * pages about one campaign); one that has them is read as it stands, even
 * while a refresh is under way.
 */
export async function ensureSummariesOf(campaignId: number) {
  if (summarisedQuery.get({ campaignId })) return
  await (queues.get(campaignId)?.tail ?? refreshSummaries(campaignId))
}

/** A campaign's analysis as last stored, built first if it has none (a campaign with summaries has one: refreshNow writes both). */
export async function storedAnalysis(campaignId: number): Promise<StoredAnalysis> {
  await ensureSummariesOf(campaignId)
  return analysisQuery.get({ campaignId })!.analysis
}

// Read by every page about a campaign: prepared once.
const byCampaign = sql.placeholder('campaignId')
const summarisedQuery = db.select({ id: campaignSummaries.campaignId }).from(campaignSummaries).where(eq(campaignSummaries.campaignId, byCampaign)).prepare()
const analysisQuery = db.select({ analysis: campaignAnalyses.analysis }).from(campaignAnalyses).where(eq(campaignAnalyses.campaignId, byCampaign)).prepare()
const indicatorSummariesQuery = db.select().from(indicatorSummaries).where(eq(indicatorSummaries.campaignId, byCampaign)).prepare()

/** Where each indicator of a campaign stands, read from its summaries (kept up to date on every write) — for pages that show a campaign. */
export async function summarisedIndicators(campaignId: number): Promise<{ id: number; name: string; question: { code: string } | null; result: IndicatorResult }[]> {
  await ensureSummariesOf(campaignId)
  return indicatorSummariesQuery
    .all({ campaignId })
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
        progress: progressOf(s.direction, s.baseline, s.actual, s.target),
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
