import normalQuantile from '@stdlib/stats-base-dists-normal-quantile'

// How many respondents a wave needs to detect a change in a proportion: the
// equation of R's power.prop.test, solved for n in closed form (R finds the
// same root numerically), then inflated for the design effect of cluster
// sampling and for people who will not answer.

export type SampleSizeInput = {
  /** The expected proportion at baseline, 0–1. */
  baseline: number
  /** The proportion worth detecting at endline, 0–1. */
  endline: number
  power?: number
  sigLevel?: number
  alternative?: 'two.sided' | 'one.sided'
  /** Cluster sampling's design effect (1 for a simple random sample). */
  designEffect?: number
  /** The share expected not to answer, 0–1. */
  nonResponse?: number
}

/** power.prop.test's n per group (a real number), or null when nothing is to be detected. */
export function powerPropTestN({ baseline: p1, endline: p2, power = 0.8, sigLevel = 0.05, alternative = 'two.sided' }: SampleSizeInput): number | null {
  if (p1 === p2 || [p1, p2].some((p) => !(p > 0 && p < 1)) || !(power > 0 && power < 1) || !(sigLevel > 0 && sigLevel < 1)) return null
  const tails = alternative === 'two.sided' ? 2 : 1
  const za = normalQuantile(1 - sigLevel / tails, 0, 1)
  const zb = normalQuantile(power, 0, 1)
  const root = za * Math.sqrt((p1 + p2) * (1 - (p1 + p2) / 2)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
  return (root / Math.abs(p1 - p2)) ** 2
}

/** Respondents to survey per wave: R's n rounded up, then inflated for the design effect and non-response. */
export function respondentsPerWave(input: SampleSizeInput): { analysed: number; toSurvey: number } | null {
  const n = powerPropTestN(input)
  if (n === null) return null
  const analysed = Math.ceil(n)
  const designEffect = input.designEffect ?? 1
  const nonResponse = input.nonResponse ?? 0
  if (!(designEffect >= 1) || !(nonResponse >= 0 && nonResponse < 1)) return null
  return { analysed, toSurvey: Math.ceil((analysed * designEffect) / (1 - nonResponse)) }
}
