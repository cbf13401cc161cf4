import { z } from 'zod'
import { lazy, tr } from '../../shared/i18n'

// The sample-size planner's fields, as people think of them: percentages and
// percentage points, read from the page's query string (it is a GET form).
// The sizes themselves are computed on the server (sample-size-plan.ts), so
// the statistics never ship to the browser.

export const PLANNER_DEFAULTS = { baseline: 40, change: 10, power: 80, alpha: 5, designEffect: 1, nonResponse: 10 }
export type PlannerValues = typeof PLANNER_DEFAULTS

type Percent = 'baseline' | 'power' | 'alpha' | 'nonResponse'
const percent = (field: Percent, min: number, max: number) =>
  z.coerce
    .number({ error: lazy({ id: 'results.planner.errors.not_a_number', defaultMessage: 'Enter {field, select, baseline {the expected baseline} power {the power} alpha {the significance level} other {the non-response}} as a number' }, { field }) })
    .min(min, { error: lazy({ id: 'results.planner.errors.at_least', defaultMessage: '{field, select, baseline {The expected baseline} power {The power} alpha {The significance level} other {The non-response}} must be at least {min, number}' }, { field, min }) })
    .max(max, { error: lazy({ id: 'results.planner.errors.at_most', defaultMessage: '{field, select, baseline {The expected baseline} power {The power} alpha {The significance level} other {The non-response}} must be at most {max, number}' }, { field, max }) })

export const plannerSchema = z
  .object({
    baseline: percent('baseline', 1, 99),
    change: z.coerce.number({ error: lazy({ id: 'results.sample_size_schema.enter_the_change_as_a_number', defaultMessage: 'Enter the change as a number of percentage points' }) }).refine((v) => v !== 0, { error: lazy({ id: 'results.sample_size_schema.enter_a_change_other_than_0', defaultMessage: 'Enter a change other than 0' }) }),
    power: percent('power', 50, 99),
    alpha: percent('alpha', 0.1, 20),
    designEffect: z.coerce.number({ error: lazy({ id: 'results.sample_size_schema.enter_the_design_effect_as_a', defaultMessage: 'Enter the design effect as a number' }) }).min(1, { error: lazy({ id: 'results.sample_size_schema.the_design_effect_is_at_least', defaultMessage: 'The design effect is at least 1 (a simple random sample)' }) }).max(10, { error: lazy({ id: 'results.sample_size_schema.the_design_effect_must_be_at', defaultMessage: 'The design effect must be at most 10' }) }),
    nonResponse: percent('nonResponse', 0, 90),
  })

export type PlannerErrors = Partial<Record<keyof PlannerValues, string>>

/** The planner's values from the query string: defaults where a field is absent, an error beside each wrong one. */
export function readPlanner(search: URLSearchParams, defaults: Partial<PlannerValues> = {}): { values: Record<keyof PlannerValues, string>; errors: PlannerErrors } {
  const start = { ...PLANNER_DEFAULTS, ...defaults }
  const values = Object.fromEntries(Object.keys(start).map((k) => [k, search.get(k) ?? String(start[k as keyof PlannerValues])])) as Record<keyof PlannerValues, string>
  return { values, errors: plannerErrors(values) }
}

export function plannerErrors(values: Record<keyof PlannerValues, string>): PlannerErrors {
  const parsed = plannerSchema.safeParse(values)
  const errors: PlannerErrors = {}
  for (const issue of parsed.success ? [] : parsed.error.issues) errors[issue.path[0] as keyof PlannerValues] ??= issue.message
  // Checked beside the others, so that every wrong field is named at once.
  const [baseline, change] = [Number(values.baseline), Number(values.change)]
  const endline = baseline + change
  if (!errors.baseline && !errors.change && (endline <= 0 || endline >= 100)) {
    errors.change = tr(
      { id: 'results.planner.errors.leaves_range', defaultMessage: '{baseline, number}% {sign, select, up {+} other {−}} {change, number} points leaves 0–100%: choose a smaller change' },
      { baseline, sign: change > 0 ? 'up' : 'down', change: Math.abs(change) },
    )
  }
  return errors
}

/** The design effect the survey's waves were planned with: the largest any wave declares, or none. */
export const plannedDesignEffect = (waves: readonly { designEffect: number | null }[]) => {
  const given = waves.flatMap((w) => (w.designEffect === null ? [] : [w.designEffect]))
  return given.length ? Math.max(...given) : undefined
}

/**
 * Start from the campaign's first outcome indicator in percent with a
 * baseline and a target, when it has one, and from the design effect its
 * waves were planned with.
 */
export function plannerDefaults(
  c: { objectives: readonly { indicators: readonly { level: string; unit: string; baseline: number | null; target: number | null }[] }[] },
  waves: readonly { designEffect: number | null }[] = [],
): Partial<PlannerValues> {
  const i = c.objectives.flatMap((o) => o.indicators).find((x) => x.level === 'outcome' && x.unit === 'percent' && x.baseline !== null && x.target !== null && x.target !== x.baseline)
  const designEffect = plannedDesignEffect(waves)
  return { ...(i ? { baseline: i.baseline!, change: Number((i.target! - i.baseline!).toFixed(1)) } : {}), ...(designEffect ? { designEffect } : {}) }
}
