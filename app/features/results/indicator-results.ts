import type { ImpactRecord } from './impact'
import { ALPHA } from './conventions'
import type { Direction, IndicatorUnit } from '../../shared/taxonomy/taxonomy'
import { progressOf, targetMet, type Progress } from './progress'

// Where a campaign stands on each indicator: an indicator
// linked to a survey question takes its baseline from the baseline wave and
// its actual from the endline, with whether the change is distinguishable
// from zero; the others take the actuals entered by date (counts add up,
// percentages and scores take the latest).

export type IndicatorPlan = { unit: IndicatorUnit; direction: Direction; level: 'output' | 'outcome'; baseline: number | null; target: number | null }
export type EnteredActual = { onDate: string; value: number }

export type IndicatorResult = {
  baseline: number | null
  baselineFrom: 'survey' | 'plan' | null
  actual: number | null
  actualFrom: 'survey' | 'entered' | null
  /** The last date an actual was entered for. */
  actualDate: string | null
  /** How far from the baseline towards the target, in the indicator's direction (progress.ts). */
  progress: Progress
  /** Null when it cannot be judged, a target on the wrong side of the baseline included. */
  met: boolean | null
  /** Survey-measured: the test's p-value and whether the change is distinguishable from zero at 5%. */
  pValue: number | null
  significant: boolean | null
  method: string | null
  /** Survey-measured: the respondents behind the baseline and the actual (matched pairs for a panel). */
  nBaseline: number | null
  nActual: number | null
  /** Survey-measured: the change post − pre in the indicator's unit (percentage points for a percentage), with its 95% CI. */
  change: number | null
  changeLow: number | null
  changeHigh: number | null
}

/** A survey estimate in the indicator's unit: proportions as percentages. */
const inUnit = (unit: IndicatorUnit, record: ImpactRecord, v: number | null) => (v === null ? null : unit === 'percent' && record.type === 'binary' ? v * 100 : v)

export function indicatorResult(plan: IndicatorPlan, survey: ImpactRecord | null, entered: readonly EnteredActual[]): IndicatorResult {
  let baseline = plan.baseline
  let baselineFrom: IndicatorResult['baselineFrom'] = plan.baseline === null ? null : 'plan'
  let actual: number | null = null
  let actualFrom: IndicatorResult['actualFrom'] = null
  let actualDate: string | null = null
  let pValue: number | null = null
  let method: string | null = null
  if (survey && survey.pre !== null) {
    baseline = inUnit(plan.unit, survey, survey.pre)
    baselineFrom = 'survey'
  }
  if (survey && survey.post !== null) {
    actual = inUnit(plan.unit, survey, survey.post)
    actualFrom = 'survey'
    pValue = survey.pValue
    method = survey.method
  } else if (entered.length) {
    const sorted = [...entered].sort((a, b) => a.onDate.localeCompare(b.onDate))
    actual = plan.unit === 'count' ? sorted.reduce((sum, a) => sum + a.value, 0) : sorted.at(-1)!.value
    actualFrom = 'entered'
    actualDate = sorted.at(-1)!.onDate
  }
  const progress = progressOf(plan.direction, baseline, actual, plan.target)
  const met = targetMet(plan.direction, baseline, actual, plan.target)
  return {
    baseline,
    baselineFrom,
    actual,
    actualFrom,
    actualDate,
    progress,
    met,
    pValue,
    significant: pValue === null ? null : pValue < ALPHA,
    method,
    nBaseline: baselineFrom === 'survey' && survey ? survey.nPre : null,
    nActual: actualFrom === 'survey' && survey ? survey.nPost : null,
    change: actualFrom === 'survey' && survey ? inUnit(plan.unit, survey, survey.change) : null,
    changeLow: actualFrom === 'survey' && survey ? inUnit(plan.unit, survey, survey.changeLow) : null,
    changeHigh: actualFrom === 'survey' && survey ? inUnit(plan.unit, survey, survey.changeHigh) : null,
  }
}

/** A campaign is evaluated once every outcome indicator has an actual. */
export function outcomesWithoutActuals(indicators: readonly { name: string; level: string; result: Pick<IndicatorResult, 'actual'> }[]): string[] {
  return indicators.filter((i) => i.level === 'outcome' && i.result.actual === null).map((i) => i.name)
}
