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

export type DesignMean = {
  estimate: number
  se: number
  deff: number
  df: number
  low: number
  high: number
  n: number
  /** The weighted standard deviation of the answers (the square root of svyvar). */
  sd: number
  /** The variance of the mean a simple random sample of the same size would have: the design effect's denominator. */
  srsVariance: number
  /** Clusters (primary sampling units) the answers come from. */
  clusters: number
}
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

/** The weighted mean of the answers: the estimate itself, which stands even where its uncertainty cannot be estimated. */
export const designEstimate = (obs: readonly Pick<DesignObservation, 'y' | 'weight'>[]) => sum(obs.map((o) => o.weight * o.y)) / sum(obs.map((o) => o.weight))

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
  const variance = (sum(obs.map((o) => o.weight * (o.y - estimate) ** 2)) / total) * (n / (n - 1))
  const srsVariance = variance / n
  if (!(se > 0) || !(srsVariance > 0)) return null
  const clusters = new Set(obs.map((o) => `${o.stratum}\u0000${o.cluster}`)).size
  return { estimate, se, deff: se ** 2 / srsVariance, df, ...tInterval(estimate, se, df), n, sd: Math.sqrt(variance), srsVariance, clusters }
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
  return designContrast([
    { wave: 'pre', obs: pre, sign: -1 },
    { wave: 'post', obs: post, sign: 1 },
  ])
}

/**
 * A signed sum of domain means from independently drawn waves, as the
 * coefficient of a saturated svyglm gives it: each wave (× stratum) a
 * stratum, clusters nested in their wave, and the domains of a wave (the
 * campaign and comparison groups) sharing its strata. Tested with t on the
 * design's degrees of freedom less the model's other coefficients.
 */
function designContrast(cells: readonly { wave: string; obs: readonly DesignObservation[]; sign: 1 | -1 }[]): DesignTest | null {
  if (cells.some((c) => c.obs.length < 2)) return null
  const inWave = (wave: string, obs: readonly DesignObservation[]) => obs.map((o) => ({ ...o, stratum: `${wave}\u0000${o.stratum}`, cluster: `${wave}\u0000${o.cluster}` }))
  let estimate = 0
  const influence: { z: number; stratum: string; cluster: string }[] = []
  for (const c of cells) {
    const m = weightedMean(inWave(c.wave, c.obs))
    estimate += c.sign * m.estimate
    for (const v of m.influence) influence.push({ ...v, z: c.sign * v.z })
  }
  const all = cells.flatMap((c) => inWave(c.wave, c.obs))
  return tTest(estimate, Math.sqrt(clusterVariance(influence)), designDf(all) - (cells.length - 1), all.length)
}

/**
 * The difference in differences between two cross-sections of a campaign
 * group and a comparison group: the interaction of svyglm(y ~ post * group),
 * the groups surveyed within each wave's strata.
 */
export function designDid(d: { campaignPre: readonly DesignObservation[]; campaignPost: readonly DesignObservation[]; comparisonPre: readonly DesignObservation[]; comparisonPost: readonly DesignObservation[] }): DesignTest | null {
  return designContrast([
    { wave: 'pre', obs: d.campaignPre, sign: -1 },
    { wave: 'post', obs: d.campaignPost, sign: 1 },
    { wave: 'pre', obs: d.comparisonPre, sign: 1 },
    { wave: 'post', obs: d.comparisonPost, sign: -1 },
  ])
}

/**
 * A panel's difference in differences: the campaign group's mean
 * per-respondent change less the comparison group's, as svyglm(change ~
 * group) on the clustered design gives it (t on the design's df less one).
 */
export function clusteredPairedDid(campaign: readonly DesignObservation[], comparison: readonly DesignObservation[]): DesignTest | null {
  if (campaign.length < 2 || comparison.length < 2) return null
  const [c, k] = [weightedMean(campaign), weightedMean(comparison)]
  const influence = [...c.influence, ...k.influence.map((v) => ({ ...v, z: -v.z }))]
  const all = [...campaign, ...comparison]
  return tTest(c.estimate - k.estimate, Math.sqrt(clusterVariance(influence)), designDf(all) - 1, all.length)
}

/**
 * A panel's mean per-respondent change (post − pre) with respondents clustered
 * (by village, say): svymean of the changes on that design, tested with t on
 * clusters less one, with its design effect and the changes' weighted
 * standard deviation.
 */
export function clusteredPairedChange(changes: readonly { d: number; cluster: string; weight?: number; stratum?: string }[]): (DesignTest & { deff: number; sd: number }) | null {
  const obs = changes.map((c) => ({ y: c.d, weight: c.weight ?? 1, stratum: c.stratum ?? '', cluster: c.cluster }))
  const m = designMean(obs)
  if (!m) return null
  const test = tTest(m.estimate, m.se, m.df, m.n)
  return test ? { ...test, deff: m.deff, sd: m.sd } : null
}
