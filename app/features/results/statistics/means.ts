import gammaln from '@stdlib/math-base-special-gammaln'
import tCdf from '@stdlib/stats-base-dists-t-cdf'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import { mean, variance } from './descriptive'

// Means before and after a campaign (DESIGN.md §6): the paired t-test for a
// panel, Welch's t-test for cross-sections, Cohen's d and Hedges' g. Every
// difference is post − pre, as R's t.test(post, pre). Null where R stops
// (fewer than two values, or no variation): "not computable".

export type TTest = { estimate: number; statistic: number; df: number; pValue: number; low: number; high: number }

function tTest(estimate: number, se: number, df: number, confLevel: number): TTest | null {
  if (!(se > 0) || !(df > 0)) return null
  const statistic = estimate / se
  const half = tQuantile(1 - (1 - confLevel) / 2, df) * se
  return { estimate, statistic, df, pValue: 2 * (1 - tCdf(Math.abs(statistic), df)), low: estimate - half, high: estimate + half }
}

/** t.test(post, pre, paired = TRUE); `pre[i]` and `post[i]` are one respondent's answers. */
export function pairedT(pre: readonly number[], post: readonly number[], confLevel = 0.95): TTest | null {
  const diff = post.map((x, i) => x - pre[i]!)
  if (diff.length < 2) return null
  return tTest(mean(diff), Math.sqrt(variance(diff) / diff.length), diff.length - 1, confLevel)
}

/** t.test(post, pre): Welch's test with Satterthwaite's degrees of freedom. */
export function welchT(pre: readonly number[], post: readonly number[], confLevel = 0.95): TTest | null {
  if (pre.length < 2 || post.length < 2) return null
  const [vPost, vPre] = [variance(post) / post.length, variance(pre) / pre.length]
  const df = (vPost + vPre) ** 2 / (vPost ** 2 / (post.length - 1) + vPre ** 2 / (pre.length - 1))
  return tTest(mean(post) - mean(pre), Math.sqrt(vPost + vPre), df, confLevel)
}

/** Hedges' small-sample correction J(df) = Γ(df/2) / (√(df/2) · Γ((df − 1)/2)). */
export const hedgesJ = (df: number) => Math.exp(gammaln(df / 2) - gammaln((df - 1) / 2)) / Math.sqrt(df / 2)

/** A panel's effect size: d_z = mean(diff) / sd(diff), and Hedges' g_z = d_z · J(n − 1). */
export function pairedEffect(pre: readonly number[], post: readonly number[]): { dz: number; gz: number } | null {
  const diff = post.map((x, i) => x - pre[i]!)
  if (diff.length < 3) return null
  const sd = Math.sqrt(variance(diff))
  if (!(sd > 0)) return null
  const dz = mean(diff) / sd
  return { dz, gz: dz * hedgesJ(diff.length - 1) }
}

/** Two cross-sections' effect size: Cohen's d on the pooled SD, and Hedges' g = d · J(n₁ + n₀ − 2). */
export function independentEffect(pre: readonly number[], post: readonly number[]): { d: number; g: number } | null {
  const df = pre.length + post.length - 2
  if (pre.length < 2 || post.length < 2 || df < 2) return null
  const pooled = Math.sqrt(((post.length - 1) * variance(post) + (pre.length - 1) * variance(pre)) / df)
  if (!(pooled > 0)) return null
  const d = (mean(post) - mean(pre)) / pooled
  return { d, g: d * hedgesJ(df) }
}

/** One wave's mean with its t interval, as t.test(x)$conf.int; null below two answers. */
export function meanInterval(xs: readonly number[], confLevel = 0.95): { estimate: number; sd: number; low: number; high: number } | null {
  if (xs.length < 2) return null
  const sd = Math.sqrt(variance(xs))
  const half = tQuantile(1 - (1 - confLevel) / 2, xs.length - 1) * (sd / Math.sqrt(xs.length))
  return { estimate: mean(xs), sd, low: mean(xs) - half, high: mean(xs) + half }
}
