import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf'
import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf'
import hypergeometricPmf from '@stdlib/stats-base-dists-hypergeometric-pmf'
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile'

// Proportions before and after a campaign (DESIGN.md §6): Wilson intervals,
// McNemar for a panel, prop.test for cross-sections, Newcombe's intervals for
// the change, Cohen's h. Every difference is post − pre. Each function follows
// the R call named beside it (../shared/reference/expected.json) and returns
// null where R stops with an error: the caller says "not computable".

export type Interval = { estimate: number; low: number; high: number }
export type Test = { statistic: number; df: number | null; pValue: number }

const z = (confLevel: number) => normalQuantile(1 - (1 - confLevel) / 2, 0, 1)
const chiSquareP = (statistic: number) => 1 - chisquareCdf(statistic, 1)

/** Wilson score interval of x/n — the interval of prop.test(x, n, correct = FALSE). */
export function wilson(x: number, n: number, confLevel = 0.95): Interval | null {
  if (n <= 0) return null
  const q = z(confLevel)
  const p = x / n
  const centre = (x + (q * q) / 2) / (n + q * q)
  const half = (q * Math.sqrt((x * (n - x)) / n + (q * q) / 4)) / (n + q * q)
  return { estimate: p, low: centre - half, high: centre + half }
}

/** Cohen's h of the change: 2·asin(√p_post) − 2·asin(√p_pre). */
export const cohensH = (pPre: number, pPost: number) => 2 * Math.asin(Math.sqrt(pPost)) - 2 * Math.asin(Math.sqrt(pPre))

/**
 * A panel's 2×2 table of one yes/no item: a = correct at both waves,
 * b = at baseline only, c = at endline only, d = at neither.
 */
export type PairedTable = { a: number; b: number; c: number; d: number }

/** mcnemar.test(correct = TRUE / FALSE); R corrects nothing when b = c. Null without discordant pairs. */
export function mcnemar({ b, c }: PairedTable, correct: boolean): Test | null {
  if (b + c === 0) return null
  const statistic = (correct && b !== c ? (Math.abs(b - c) - 1) ** 2 : (b - c) ** 2) / (b + c)
  return { statistic, df: 1, pValue: chiSquareP(statistic) }
}

/** The exact McNemar test: binom.test(c, b + c, 0.5), two-sided. Null without discordant pairs. */
export function mcnemarExact({ b, c }: PairedTable): Test | null {
  const n = b + c
  if (n === 0) return null
  // With p = 0.5 the distribution is symmetric: R's two-sided p is twice the smaller tail.
  const tail = Math.min(binomialCdf(c, n, 0.5), 1 - binomialCdf(c - 1, n, 0.5))
  return { statistic: c, df: null, pValue: Math.min(1, 2 * tail) }
}

/**
 * Newcombe's interval for the change in a panel (1998, method 10): Wilson
 * intervals of both waves joined with the corrected phi of the table.
 */
export function newcombePaired(t: PairedTable, confLevel = 0.95): (Interval & { phi: number }) | null {
  const n = t.a + t.b + t.c + t.d
  const post = wilson(t.a + t.c, n, confLevel)
  const pre = wilson(t.a + t.b, n, confLevel)
  if (!post || !pre) return null
  const cross = t.a * t.d - t.b * t.c
  const denominator = Math.sqrt((t.a + t.b) * (t.c + t.d) * (t.a + t.c) * (t.b + t.d))
  const phi = denominator === 0 ? 0 : (cross > 0 ? Math.max(cross - n / 2, 0) : cross) / denominator
  const [dl1, du1, dl2, du2] = [post.estimate - post.low, post.high - post.estimate, pre.estimate - pre.low, pre.high - pre.estimate]
  const estimate = post.estimate - pre.estimate
  return {
    estimate,
    low: estimate - Math.sqrt(dl1 ** 2 - 2 * phi * dl1 * du2 + du2 ** 2),
    high: estimate + Math.sqrt(du1 ** 2 - 2 * phi * du1 * dl2 + dl2 ** 2),
    phi,
  }
}

/** Two cross-sections of one yes/no item: x correct out of n in each wave. */
export type IndependentCounts = { xPost: number; nPost: number; xPre: number; nPre: number }

/**
 * prop.test(c(x_post, x_pre), c(n_post, n_pre), correct): the chi-square
 * test and R's Wald interval of the difference (widened by Yates' term when
 * corrected). Null when a wave has no answers or all answers agree.
 */
export function propTest(k: IndependentCounts, correct: boolean, confLevel = 0.95): (Test & Interval) | null {
  const { xPost, nPost, xPre, nPre } = k
  if (nPost === 0 || nPre === 0) return null
  const [p1, p2] = [xPost / nPost, xPre / nPre]
  const pooled = (xPost + xPre) / (nPost + nPre)
  if (pooled === 0 || pooled === 1) return null
  const delta = p1 - p2
  const yates = correct ? Math.min(0.5, Math.abs(delta) / (1 / nPost + 1 / nPre)) : 0
  const observed = [xPost, nPost - xPost, xPre, nPre - xPre]
  const expected = [nPost * pooled, nPost * (1 - pooled), nPre * pooled, nPre * (1 - pooled)]
  const statistic = observed.reduce((sum, o, i) => sum + (Math.abs(o - expected[i]!) - yates) ** 2 / expected[i]!, 0)
  const width = z(confLevel) * Math.sqrt((p1 * (1 - p1)) / nPost + (p2 * (1 - p2)) / nPre) + yates * (1 / nPost + 1 / nPre)
  return { statistic, df: 1, pValue: chiSquareP(statistic), estimate: delta, low: Math.max(-1, delta - width), high: Math.min(1, delta + width) }
}

/** Newcombe's hybrid score interval of the change between two cross-sections (1998, method 10). */
export function newcombeHybrid(k: IndependentCounts, confLevel = 0.95): Interval | null {
  const post = wilson(k.xPost, k.nPost, confLevel)
  const pre = wilson(k.xPre, k.nPre, confLevel)
  if (!post || !pre) return null
  const estimate = post.estimate - pre.estimate
  return {
    estimate,
    low: estimate - Math.sqrt((post.estimate - post.low) ** 2 + (pre.high - pre.estimate) ** 2),
    high: estimate + Math.sqrt((post.high - post.estimate) ** 2 + (pre.estimate - pre.low) ** 2),
  }
}

/** The smallest expected count of the 2×2 table: under 5, the chi-square is not to be trusted. */
export function smallestExpected({ xPost, nPost, xPre, nPre }: IndependentCounts): number {
  const total = nPost + nPre
  const correct = xPost + xPre
  return Math.min(...[nPost, nPre].flatMap((row) => [(row * correct) / total, (row * (total - correct)) / total]))
}

/**
 * fisher.test(matrix(c(x_post, x_pre, n_post − x_post, n_pre − x_pre), 2)):
 * the two-sided p-value sums the tables, with the same margins, that are no
 * more likely than the one observed (R's relative tolerance 1e-7).
 */
export function fisherExact({ xPost, nPost, xPre, nPre }: IndependentCounts): { pValue: number } | null {
  if (nPost === 0 || nPre === 0) return null
  const [total, correct] = [nPost + nPre, xPost + xPre]
  const lo = Math.max(0, nPost - (total - correct))
  const hi = Math.min(nPost, correct)
  const observed = hypergeometricPmf(xPost, total, correct, nPost)
  let pValue = 0
  for (let x = lo; x <= hi; x++) {
    const d = hypergeometricPmf(x, total, correct, nPost)
    if (d <= observed * (1 + 1e-7)) pValue += d
  }
  return { pValue: Math.min(1, pValue) }
}
