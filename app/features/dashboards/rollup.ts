import { defineMessages } from '../../shared/i18n'
import type { IndicatorUnit } from '../../shared/taxonomy/taxonomy'

// Results of one standard indicator across campaigns and organisations
//: counts are summed; percentages and mean scores are averaged
// weighted by the respondents behind each campaign's survey figure, so a
// survey of 600 weighs more than one of 60. Figures entered by hand carry no
// respondent count and stay out of a weighted mean (they are listed).

export type RollupEntry = {
  campaignId: number
  organisationId: number
  baseline: number | null
  actual: number | null
  nBaseline: number | null
  nActual: number | null
}

export type Rollup = {
  baseline: number | null
  actual: number | null
  /** How the campaigns' values were combined: their counts summed, or their survey results averaged by respondents. */
  method: 'sum' | 'weighted_mean'
  campaigns: number
  organisations: number
  respondents: number | null
  /** Campaigns with an actual that could not be weighted (entered by hand). */
  unweighted: number
}

function weighted(pairs: readonly (readonly [number | null, number | null])[]): { value: number | null; n: number } {
  let sum = 0
  let n = 0
  for (const [value, weight] of pairs) {
    if (value === null || weight === null || weight <= 0) continue
    sum += value * weight
    n += weight
  }
  return { value: n > 0 ? sum / n : null, n }
}

export function rollUp(unit: IndicatorUnit, entries: readonly RollupEntry[]): Rollup {
  const withActual = entries.filter((e) => e.actual !== null)
  const organisations = new Set(withActual.map((e) => e.organisationId)).size
  if (unit === 'count') {
    const sum = (xs: (number | null)[]) => (xs.some((x) => x !== null) ? xs.reduce<number>((s, x) => s + (x ?? 0), 0) : null)
    return {
      baseline: sum(withActual.map((e) => e.baseline)),
      actual: sum(withActual.map((e) => e.actual)),
      method: 'sum',
      campaigns: withActual.length,
      organisations,
      respondents: null,
      unweighted: 0,
    }
  }
  const actual = weighted(withActual.map((e) => [e.actual, e.nActual] as const))
  const baseline = weighted(withActual.map((e) => [e.baseline, e.nBaseline] as const))
  return {
    baseline: baseline.value,
    actual: actual.value,
    method: 'weighted_mean',
    campaigns: withActual.length,
    organisations,
    respondents: actual.n || null,
    unweighted: withActual.filter((e) => e.nActual === null).length,
  }
}

export const ROLLUP_METHODS = defineMessages({
  sum: { id: 'dashboards.rollup.sum', defaultMessage: 'sum of the campaigns’ counts' },
  weighted_mean: {
    id: 'dashboards.rollup.weighted_mean',
    defaultMessage: 'mean of the campaigns’ survey results, weighted by their endline respondents (baseline: by their baseline respondents)',
  },
}) satisfies Record<Rollup['method'], unknown>
