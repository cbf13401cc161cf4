import { rollUp, type Rollup } from './rollup'
import type { Direction, IndicatorUnit, Visibility } from '../../shared/taxonomy/taxonomy'
import { progressOf } from '../results'

// The donor dashboard's figures from the campaigns in view and their
// indicator summaries: pure, so each chart's numbers are tested
// without a database, and the page, its tables and its CSV agree.

export type DashCampaign = {
  id: number
  title: string
  organisationId: number
  organisation: string
  country: string | null
  startDate: string | null
  visibility: Visibility
  budget: number | null
  currency: string | null
  channels: readonly string[]
  /** Sum of the target audiences' estimated sizes. */
  targeted: number
  respondents: number
  reached: number | null
}

export type DashIndicator = {
  campaignId: number
  indicatorId: number
  name: string
  level: 'output' | 'outcome'
  unit: IndicatorUnit
  direction: Direction
  standardIndicatorId: number | null
  baseline: number | null
  target: number | null
  actual: number | null
  nActual: number | null
  nBaseline: number | null
  change: number | null
  changeLow: number | null
  changeHigh: number | null
  pValue: number | null
  met: boolean | null
}

export function headline(campaigns: readonly DashCampaign[], indicators: readonly DashIndicator[]) {
  const outcomes = indicators.filter((i) => i.level === 'outcome' && i.actual !== null && i.target !== null)
  const budgets = new Map<string, number>()
  for (const c of campaigns) if (c.budget !== null && c.currency) budgets.set(c.currency, (budgets.get(c.currency) ?? 0) + c.budget)
  const reached = campaigns.filter((c) => c.reached !== null)
  return {
    campaigns: campaigns.length,
    organisations: new Set(campaigns.map((c) => c.organisationId)).size,
    targeted: campaigns.reduce((s, c) => s + c.targeted, 0),
    reached: reached.length ? reached.reduce((s, c) => s + c.reached!, 0) : null,
    respondents: campaigns.reduce((s, c) => s + c.respondents, 0),
    /** Outcomes whose target can be judged met or not: a target on the wrong side of its baseline cannot. */
    outcomesWithResult: outcomes.filter((i) => i.met !== null).length,
    outcomesMet: outcomes.filter((i) => i.met === true).length,
    outcomesUnjudged: outcomes.filter((i) => i.met === null).length,
    budgets: [...budgets].map(([currency, amount]) => ({ currency, amount })).sort((a, b) => b.amount - a.amount),
  }
}

/**
 * The IATI files the campaigns in view make: one per reporting organisation
 * (an IATI file has one), of the campaigns that may be published, which
 * private ones may not.
 */
export function iatiFiles(campaigns: readonly DashCampaign[]): { organisationId: number; organisation: string; activities: number }[] {
  const files = new Map<number, { organisationId: number; organisation: string; activities: number }>()
  for (const c of campaigns) {
    if (c.visibility === 'private') continue
    const file = files.get(c.organisationId) ?? { organisationId: c.organisationId, organisation: c.organisation, activities: 0 }
    file.activities++
    files.set(c.organisationId, file)
  }
  return [...files.values()].sort((a, b) => a.organisation.localeCompare(b.organisation))
}

/** Each outcome indicator with a target and an actual, furthest past its target (in its own direction) first. */
export function targetVersusActual(campaigns: readonly DashCampaign[], indicators: readonly DashIndicator[]) {
  const byId = new Map(campaigns.map((c) => [c.id, c]))
  return indicators
    .filter((i) => i.level === 'outcome' && i.actual !== null && i.target !== null && byId.has(i.campaignId))
    .map((i) => ({
      campaignId: i.campaignId,
      title: byId.get(i.campaignId)!.title,
      organisation: byId.get(i.campaignId)!.organisation,
      indicator: i.name,
      unit: i.unit,
      direction: i.direction,
      baseline: i.baseline,
      target: i.target!,
      actual: i.actual!,
      met: i.met,
      progress: progressOf(i.direction, i.baseline, i.actual, i.target),
      past: (i.direction === 'increase' ? 1 : -1) * (i.actual! - i.target!),
    }))
    .sort((a, b) => b.past - a.past)
    .map(({ past: _past, ...row }) => row)
}

export type ForestRow = { campaignId: number; title: string; organisation: string; change: number; low: number; high: number; n: number | null; pValue: number | null }

/** The change with its 95% CI per campaign for one standard indicator, largest first, and their roll-up. */
export function forest(campaigns: readonly DashCampaign[], indicators: readonly DashIndicator[], standardId: number, unit: IndicatorUnit): { rows: ForestRow[]; rollup: Rollup } {
  const byId = new Map(campaigns.map((c) => [c.id, c]))
  const adopting = indicators.filter((i) => i.standardIndicatorId === standardId && byId.has(i.campaignId))
  const rows = adopting
    .filter((i) => i.change !== null && i.changeLow !== null && i.changeHigh !== null)
    .map((i) => ({ campaignId: i.campaignId, title: byId.get(i.campaignId)!.title, organisation: byId.get(i.campaignId)!.organisation, change: i.change!, low: i.changeLow!, high: i.changeHigh!, n: i.nActual, pValue: i.pValue }))
    .sort((a, b) => b.change - a.change)
  const rollup = rollUp(
    unit,
    adopting.map((i) => ({ campaignId: i.campaignId, organisationId: byId.get(i.campaignId)!.organisationId, baseline: i.baseline, actual: i.actual, nBaseline: i.nBaseline, nActual: i.nActual })),
  )
  return { rows, rollup }
}

/** People reached per channel; a campaign with several channels counts under each. */
export function reachByChannel(campaigns: readonly DashCampaign[]) {
  const out = new Map<string, { reached: number; campaigns: number }>()
  for (const c of campaigns) {
    if (c.reached === null) continue
    for (const channel of c.channels) {
      const row = out.get(channel) ?? { reached: 0, campaigns: 0 }
      row.reached += c.reached
      row.campaigns++
      out.set(channel, row)
    }
  }
  return [...out].map(([channel, r]) => ({ channel, ...r })).sort((a, b) => b.reached - a.reached)
}

/** Campaigns starting each year, per country. */
export function campaignsByCountryYear(campaigns: readonly DashCampaign[]) {
  const dated = campaigns.filter((c) => c.startDate && c.country)
  const years = [...new Set(dated.map((c) => c.startDate!.slice(0, 4)))].sort()
  const countries = [...new Set(dated.map((c) => c.country!))].sort()
  return {
    years,
    series: countries.map((country) => ({ country, counts: years.map((y) => dated.filter((c) => c.country === country && c.startDate!.startsWith(y)).length) })),
  }
}
