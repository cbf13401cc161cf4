import tCdf from '@stdlib/stats-base-dists-t-cdf'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'

// Design-based estimates for complex samples: clusters (villages, schools)
// drawn first, often within strata, respondents with sampling weights. As R's
// `survey` package computes them (svymean, svyglm), with the with-replacement
// ("ultimate cluster") linearised variance and no finite-population
// correction: a simple random sample's formulas would understate the
// uncertainty of a cluster sample.

/** One answer with where it was drawn from: its stratum, its cluster (PSU) and its sampling weight. */
export type DesignObservation = { y: number; weight: number; stratum: string; cluster: string }

export type DesignMean = { estimate: number; se: number; deff: number; df: number; low: number; high: number; n: number }
export type DesignTest = { estimate: number; se: number; statistic: number; df: number; pValue: number; low: number; high: number; n: number }

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

/**
 * The variance of a total of influence values: per stratum, the spread of its
 * clusters' totals, times n_h / (n_h − 1) (svyrecvar with one stage, no fpc).
 */
function clusterVariance(values: readonly { z: number; stratum: string; cluster: string }[]): number {
  const strata = new Map<string, Map<string, number>>()
  for (const v of values) {
    const clusters = strata.get(v.stratum) ?? new Map<string, number>()
    clusters.set(v.cluster, (clusters.get(v.cluster) ?? 0) + v.z)
    strata.set(v.stratum, clusters)
  }
  let variance = 0
  for (const clusters of strata.values()) {
    const totals = [...clusters.values()]
    if (totals.length < 2) continue
    const mean = sum(totals) / totals.length
    variance += (totals.length / (totals.length - 1)) * sum(totals.map((t) => (t - mean) ** 2))
  }
  return variance
}

/** Clusters less strata: the degrees of freedom of a design (survey's degf). */
export function designDf(obs: readonly Pick<DesignObservation, 'stratum' | 'cluster'>[]): number {
  return new Set(obs.map((o) => `${o.stratum}\u0000${o.cluster}`)).size - new Set(obs.map((o) => o.stratum)).size
}

/** The weighted mean and the influence of each answer on it. */
function weightedMean(obs: readonly DesignObservation[]) {
  const total = sum(obs.map((o) => o.weight))
  const estimate = sum(obs.map((o) => o.weight * o.y)) / total
  return { estimate, total, influence: obs.map((o) => ({ z: (o.weight * (o.y - estimate)) / total, stratum: o.stratum, cluster: o.cluster })) }
}

const tInterval = (estimate: number, se: number, df: number) => {
  const half = tQuantile(0.975, df) * se
  return { low: estimate - half, high: estimate + half }
}

/**
 * svymean(~y, design, deff = 'replace') with confint(df = degf): the mean (a
 * proportion for 0/1 answers), its linearised standard error, the design
 * effect against a simple random sample drawn with replacement, and a t
 * interval on the design's degrees of freedom. Null where it cannot be
 * estimated (fewer than two clusters in every stratum, or no spread).
 */
export function designMean(obs: readonly DesignObservation[]): DesignMean | null {
  const n = obs.length
  const df = designDf(obs)
  if (n < 2 || df < 1) return null
  const { estimate, total, influence } = weightedMean(obs)
  const se = Math.sqrt(clusterVariance(influence))
  // svyvar: the weighted variance with n / (n − 1); a simple random sample's variance of the mean is that over n.
  const srsVariance = ((sum(obs.map((o) => o.weight * (o.y - estimate) ** 2)) / total) * (n / (n - 1))) / n
  if (!(se > 0) || !(srsVariance > 0)) return null
  return { estimate, se, deff: se ** 2 / srsVariance, df, ...tInterval(estimate, se, df), n }
}

const tTest = (estimate: number, se: number, df: number, n: number): DesignTest | null => {
  if (!(se > 0) || !(df > 0)) return null
  const statistic = estimate / se
  return { estimate, se, statistic, df, pValue: 2 * (1 - tCdf(Math.abs(statistic), df)), ...tInterval(estimate, se, df), n }
}

/**
 * The change post − pre between two cross-sections as svyglm(y ~ post) gives
 * it, each wave (× stratum) a stratum and clusters nested in their wave: the
 * difference of the weighted means, with the sandwich variance, tested with t
 * on the design's degrees of freedom less one.
 */
export function designChange(pre: readonly DesignObservation[], post: readonly DesignObservation[]): DesignTest | null {
  if (pre.length < 2 || post.length < 2) return null
  const inWave = (wave: string, obs: readonly DesignObservation[]) => obs.map((o) => ({ ...o, stratum: `${wave}\u0000${o.stratum}`, cluster: `${wave}\u0000${o.cluster}` }))
  const [before, after] = [weightedMean(inWave('pre', pre)), weightedMean(inWave('post', post))]
  const influence = [...before.influence.map((v) => ({ ...v, z: -v.z })), ...after.influence]
  const all = [...inWave('pre', pre), ...inWave('post', post)]
  return tTest(after.estimate - before.estimate, Math.sqrt(clusterVariance(influence)), designDf(all) - 1, all.length)
}

/**
 * A panel's mean per-respondent change (post − pre) with respondents clustered
 * (by village, say): svymean of the changes on that design, tested with t on
 * clusters less one, with its design effect.
 */
export function clusteredPairedChange(changes: readonly { d: number; cluster: string; weight?: number; stratum?: string }[]): (DesignTest & { deff: number }) | null {
  const obs = changes.map((c) => ({ y: c.d, weight: c.weight ?? 1, stratum: c.stratum ?? '', cluster: c.cluster }))
  const m = designMean(obs)
  if (!m) return null
  const test = tTest(m.estimate, m.se, m.df, m.n)
  return test ? { ...test, deff: m.deff } : null
}
