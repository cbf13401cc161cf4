import normalCdf from '@stdlib/stats-base-dists-normal-cdf'
import signrankCdf from '@stdlib/stats-base-dists-signrank-cdf'
import ranks from '@stdlib/stats-ranks'

// The rank tests beside the t-tests (DESIGN.md §6), as R 4.2's wilcox.test
// with its defaults: every difference post − pre, mid-ranks for ties; exact
// only without ties (and, for the signed-rank test, without zero differences)
// and with fewer than 50 values, otherwise the normal approximation with a
// continuity correction and a tie-corrected variance. Null where R returns no
// p-value: "not computable".

export type RankTest = { statistic: number; pValue: number; exact: boolean; zeros: number; ties: boolean }
export type Alternative = 'two.sided' | 'greater'

const hasTies = (r: readonly number[]) => new Set(r).size !== r.length

// Nothing here is missing; 'remove' skips the package's reinsertion of missing
// values, which shifts the whole array once per value (quadratic at survey scale).
const midRanks = (x: number[]): number[] => ranks(x, { missing: 'remove' })

/** Σ(t³ − t) over the groups of tied ranks: the variance's tie correction. */
function tieSum(r: readonly number[]): number {
  const counts = new Map<number, number>()
  for (const x of r) counts.set(x, (counts.get(x) ?? 0) + 1)
  let sum = 0
  for (const t of counts.values()) sum += t ** 3 - t
  return sum
}

/** The normal approximation's p-value, continuity-corrected toward the mean as R does. */
function normalP(centred: number, sigma: number, alternative: Alternative): number | null {
  if (!(sigma > 0)) return null
  const correction = alternative === 'greater' ? 0.5 : Math.sign(centred) * 0.5
  const z = (centred - correction) / sigma
  return alternative === 'greater' ? 1 - normalCdf(z, 0, 1) : 2 * Math.min(normalCdf(z, 0, 1), 1 - normalCdf(z, 0, 1))
}

/** wilcox.test(post, pre, paired = TRUE): V is the sum of the ranks of the positive differences. */
export function wilcoxonSignedRank(pre: readonly number[], post: readonly number[], alternative: Alternative = 'two.sided'): RankTest | null {
  const all = post.map((x, i) => x - pre[i]!)
  const diff = all.filter((d) => d !== 0)
  const zeros = all.length - diff.length
  const n = diff.length
  if (n === 0) return null
  const r = midRanks(diff.map(Math.abs))
  const statistic = r.reduce((sum, rank, i) => sum + (diff[i]! > 0 ? rank : 0), 0)
  const ties = hasTies(r)
  if (n < 50 && !ties && zeros === 0) {
    const upper = (v: number) => 1 - signrankCdf(v - 1, n)
    const pValue =
      alternative === 'greater' ? upper(statistic) : Math.min(1, 2 * (statistic > (n * (n + 1)) / 4 ? upper(statistic) : signrankCdf(statistic, n)))
    return { statistic, pValue, exact: true, zeros, ties }
  }
  const sigma = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24 - tieSum(r) / 48)
  const pValue = normalP(statistic - (n * (n + 1)) / 4, sigma, alternative)
  return pValue === null ? null : { statistic, pValue, exact: false, zeros, ties }
}

/**
 * How many of the C(m + n, m) orderings of m and n values give each
 * Mann–Whitney count U = 0 … m·n — R's pwilcox counts. No maintained
 * JavaScript package ships this distribution; it is the recurrence
 * f(m, n, u) = f(m − 1, n, u − n) + f(m, n − 1, u) (the largest value is one of
 * the m, ahead of all n, or one of the n), kept one m at a time.
 */
export function rankSumFrequencies(m: number, n: number): Float64Array {
  let previous = Array.from({ length: n + 1 }, () => Float64Array.of(1))
  for (let i = 1; i <= m; i++) {
    const current = [Float64Array.of(1)]
    for (let j = 1; j <= n; j++) {
      const [up, left] = [previous[j]!, current[j - 1]!]
      const f = new Float64Array(i * j + 1)
      for (let u = 0; u < f.length; u++) f[u] = (u >= j && u - j < up.length ? up[u - j]! : 0) + (u < left.length ? left[u]! : 0)
      current.push(f)
    }
    previous = current
  }
  return previous[n]!
}

/** P(U ≤ u) and P(U ≥ u) for samples of m and n: pwilcox's two tails. */
function rankSumTails(u: number, m: number, n: number): { lower: number; upper: number } {
  const f = rankSumFrequencies(m, n)
  const total = f.reduce((s, x) => s + x, 0)
  let lower = 0
  let upper = 0
  f.forEach((count, k) => {
    if (k <= u) lower += count
    if (k >= u) upper += count
  })
  return { lower: lower / total, upper: upper / total }
}

/** wilcox.test(post, pre): W is the rank sum of the endline less its least possible value. */
export function mannWhitney(pre: readonly number[], post: readonly number[], alternative: Alternative = 'two.sided'): RankTest | null {
  const [m, n] = [post.length, pre.length]
  if (m === 0 || n === 0) return null
  const r = midRanks([...post, ...pre])
  const statistic = r.slice(0, m).reduce((s, x) => s + x, 0) - (m * (m + 1)) / 2
  const ties = hasTies(r)
  if (m < 50 && n < 50 && !ties) {
    const { lower, upper } = rankSumTails(statistic, m, n)
    const pValue = alternative === 'greater' ? upper : Math.min(1, 2 * (statistic > (m * n) / 2 ? upper : lower))
    return { statistic, pValue, exact: true, zeros: 0, ties }
  }
  const N = m + n
  const sigma = Math.sqrt(((m * n) / 12) * (N + 1 - tieSum(r) / (N * (N - 1))))
  const pValue = normalP(statistic - (m * n) / 2, sigma, alternative)
  return pValue === null ? null : { statistic, pValue, exact: false, zeros: 0, ties }
}
