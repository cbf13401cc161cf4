import { eq, sql } from 'drizzle-orm'
import { campaignSummaries, indicatorSummaries, standardIndicators } from '../../db/schema'
import { loadCampaign } from './campaign-store.server'
import { wavesOf } from './surveys.server'
import { db } from './db.server'
import type { Actor } from '../domain/permissions'
import { evaluateWhenComplete, indicatorsWithResults } from './indicator-results.server'

// The summaries dashboards read (issue 7, item 6): each campaign indicator's
// baseline, actual, change and test, and each campaign's respondents and
// people reached, recomputed for one campaign whenever its survey answers,
// actuals or indicators change. Derived data: a campaign without its row in
// campaign_summaries is (re)built on the next read.

/** The standard indicator whose actuals count as people reached. */
export const REACH_STANDARD = 'people_reached'

export function refreshSummaries(campaignId: number) {
  const stored = loadCampaign(campaignId)
  if (!stored) return
  const results = indicatorsWithResults(stored)
  const reachId = db.select({ id: standardIndicators.id }).from(standardIndicators).where(eq(standardIndicators.code, REACH_STANDARD)).get()?.id
  const byId = new Map(stored.objectives.flatMap((o) => o.indicators).map((i) => [i.id, i]))
  const respondents = wavesOf(campaignId).reduce((s, w) => s + w.responses, 0)
  const reach = results.filter((i) => reachId !== undefined && byId.get(i.id)?.standardIndicatorId === reachId && i.result.actual !== null)
  db.transaction((tx) => {
    tx.delete(indicatorSummaries).where(eq(indicatorSummaries.campaignId, campaignId)).run()
    for (const i of results) {
      const r = i.result
      tx.insert(indicatorSummaries)
        .values({
          indicatorId: i.id,
          campaignId,
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
        })
        .run()
    }
    const totals = {
      respondents,
      reached: reach.length ? reach.reduce((s, i) => s + i.result.actual!, 0) : null,
      targeted: stored.campaign.audiences.reduce((s, a) => s + (a.estimatedSize ?? 0), 0),
      channels: stored.campaign.channels.join(','),
    }
    tx.insert(campaignSummaries)
      .values({ campaignId, ...totals })
      .onConflictDoUpdate({ target: campaignSummaries.campaignId, set: { ...totals, refreshedAt: new Date() } })
      .run()
  })
}

/** Builds the summaries of campaigns that have none yet (new databases, campaigns created since); once per request that reads them. */
export function ensureSummaries() {
  const missing = db.all<{ id: number }>(sql`select c.id from campaigns c left join campaign_summaries s on s.campaign_id = c.id where s.campaign_id is null`)
  for (const { id } of missing) refreshSummaries(id)
}

/** Builds one campaign's summaries if it has none: a primary-key lookup, for pages about one campaign. */
export function ensureSummariesOf(campaignId: number) {
  if (!db.select({ id: campaignSummaries.campaignId }).from(campaignSummaries).where(eq(campaignSummaries.campaignId, campaignId)).get()) refreshSummaries(campaignId)
}

/** After survey answers, actuals or indicators change: the summaries follow, and a completed campaign may become evaluated. */
export async function resultsChanged(actor: Actor, campaignId: number) {
  refreshSummaries(campaignId)
  await evaluateWhenComplete(actor, campaignId)
}
