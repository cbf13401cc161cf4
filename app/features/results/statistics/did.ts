import normalCdf from '@stdlib/stats-base-dists-normal-cdf'
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile'
import { mean, variance } from './descriptive'
import { welchT, type TTest } from './means'

// The difference in differences (DESIGN.md §6): the campaign group's change
// less the comparison group's, post − pre in each. For cross-sections, the
// interaction of lm(y ~ campaign * post) with the HC2 sandwich standard error
// — for these four cells √(Σ s²ₖ/nₖ), the Welch-style error that does not
// assume the four cells equally variable — and the normal reference, as
// expected.json's did_ols_robust_HC2. For panels, Welch's t-test between the
// two groups' per-respondent changes.

export type Cells = { campaignPre: readonly number[]; campaignPost: readonly number[]; comparisonPre: readonly number[]; comparisonPost: readonly number[] }
export type DidResult = { estimate: number; se: number; statistic: number; df: number | null; pValue: number; low: number; high: number }

export function didCrossSection(c: Cells, confLevel = 0.95): DidResult | null {
  const cells = [c.campaignPost, c.campaignPre, c.comparisonPost, c.comparisonPre]
  if (cells.some((x) => x.length < 2)) return null
  const [a, b, d, e] = cells.map(mean) as [number, number, number, number]
  const estimate = a - b - (d - e)
  const se = Math.sqrt(cells.reduce((sum, x) => sum + variance(x) / x.length, 0))
  if (!(se > 0)) return null
  const statistic = estimate / se
  const half = normalQuantile(1 - (1 - confLevel) / 2, 0, 1) * se
  return { estimate, se, statistic, df: null, pValue: 2 * (1 - normalCdf(Math.abs(statistic), 0, 1)), low: estimate - half, high: estimate + half }
}

/** `campaign` and `comparison` hold each matched respondent's change, post − pre. */
export function didPanel(campaign: readonly number[], comparison: readonly number[], confLevel = 0.95): DidResult | null {
  const t: TTest | null = welchT(comparison, campaign, confLevel)
  return t && { estimate: t.estimate, se: t.estimate / t.statistic, statistic: t.statistic, df: t.df, pValue: t.pValue, low: t.low, high: t.high }
}
