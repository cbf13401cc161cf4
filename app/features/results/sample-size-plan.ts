import { respondentsPerWave } from './statistics/sample-size'
import { plannerErrors, plannerSchema, readPlanner, type PlannerValues } from './sample-size-schema'

// The planner's answer: respondents per wave, computed where the statistics
// live (loaders), never in the browser.

export type PlannedSize = { analysed: number; toSurvey: number }

/** Respondents per wave for valid values, as R's power.prop.test (two-sided), inflated for design effect and non-response. */
export function plannedSize(values: Record<keyof PlannerValues, string>): PlannedSize | null {
  const parsed = plannerSchema.safeParse(values)
  if (!parsed.success || Object.keys(plannerErrors(values)).length) return null
  const v = parsed.data
  return respondentsPerWave({
    baseline: v.baseline / 100,
    endline: (v.baseline + v.change) / 100,
    power: v.power / 100,
    sigLevel: v.alpha / 100,
    designEffect: v.designEffect,
    nonResponse: v.nonResponse / 100,
  })
}

/**
 * Respondents per wave to detect a change from a baseline to a target
 * (percent), with the planner's defaults and the design effect the waves were
 * planned with; and the planner's query for it.
 */
export function sizeToDetect(baseline: number, target: number, designEffect?: number): { size: PlannedSize | null; query: string } {
  const asked = { baseline: String(Number(baseline.toFixed(1))), change: String(Number((target - baseline).toFixed(1))), ...(designEffect ? { designEffect: String(designEffect) } : {}) }
  const query = new URLSearchParams(asked)
  return { size: plannedSize(readPlanner(query).values), query: query.toString() }
}

type PlannedWave = { id: number; designEffect: number | null }

/**
 * The planner's values and the size they need: what the planner shows, for a
 * page or for a change made in it; and each wave's own need where it was
 * planned with a design effect of its own.
 */
export function plannerAnswer(values: Record<keyof PlannerValues, string>, waves: readonly PlannedWave[] = []) {
  const size = plannedSize(values)
  const perWave = waves.map((w) => ({ id: w.id, designEffect: w.designEffect ?? Number(values.designEffect), toSurvey: w.designEffect === null ? (size?.toSurvey ?? null) : (plannedSize({ ...values, designEffect: String(w.designEffect) })?.toSurvey ?? null) }))
  return { values, errors: plannerErrors(values), size, perWave }
}

type PlannedIndicator = { id: number; level: string; unit: string; baseline: number | null; target: number | null }

/**
 * The respondents per wave each outcome indicator in percent needs to detect
 * its target, from its measured baseline (in its summary) or the planned one;
 * by indicator id, null where no size applies.
 */
export function indicatorPlans(indicators: readonly PlannedIndicator[], measured: readonly { id: number; result: { baseline: number | null } }[], designEffect?: number) {
  return Object.fromEntries(
    indicators.map((i) => {
      const from = measured.find((m) => m.id === i.id)?.result.baseline ?? i.baseline
      const applies = i.level === 'outcome' && i.unit === 'percent' && from !== null && i.target !== null && i.target !== from
      return [i.id, applies ? sizeToDetect(from, i.target!, designEffect) : null]
    }),
  )
}
