import { describe, expect, it } from 'vitest'
import { didCrossSection } from '../../app/features/results/statistics/did'
import { fisherExact } from '../../app/features/results/statistics/proportions'
import { mannWhitney, rankSumFrequencies, wilcoxonSignedRank } from '../../app/features/results/statistics/ranks'
import { close, independent, of, P_OR_CI, paired, results, STATISTIC, workedExample, type RRecord } from './r-reference'

// The rank tests, Fisher's exact test and the difference in differences
// against R 4.2.2 — every variant R computed, not only the defaults Lantern
// reports, so a wrong continuity correction or tie term cannot hide.

const alternative = (r: RRecord) => (r.method.endsWith('greater') ? 'greater' : 'two.sided')

describe('Wilcoxon signed-rank test against R', () => {
  const records = ['wilcoxon_sr_default_R4.2', 'wilcoxon_sr_normal_cc', 'wilcoxon_sr_normal_cc_greater'].flatMap(of)
  it.each(records.map((r) => [`${r.input_key} ${r.method}`, r] as const))('%s', (_, r) => {
    const { pre, post } = paired(r.input_key)
    const t = wilcoxonSignedRank(pre, post, alternative(r))!
    // Lantern computes R's default; the forced-normal records are checked where the default is the normal approximation.
    if (r.method !== 'wilcoxon_sr_default_R4.2' && t.exact) return
    close(t.statistic, r.statistic as number, STATISTIC)
    close(t.pValue, r.p_value as number, P_OR_CI)
  })

  it('is exact for the Hollander & Wolfe depression example (R’s ?wilcox.test)', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3]
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29]
    for (const [id, alt] of [['hollander_wolfe_depression_greater', 'greater'], ['hollander_wolfe_depression_two_sided', 'two.sided']] as const) {
      const t = wilcoxonSignedRank(y, x, alt)!
      const r = workedExample(id) as unknown as RRecord
      expect(t.exact).toBe(true)
      close(t.statistic, r.statistic as number, STATISTIC)
      close(t.pValue, r.p_value as number, P_OR_CI)
    }
  })

  it('drops zero changes and says "not computable" when nobody changed', () => {
    expect(wilcoxonSignedRank([3, 4, 5], [3, 4, 5])).toBeNull()
    expect(wilcoxonSignedRank([1, 2, 3, 4], [2, 2, 5, 8])!.zeros).toBe(1)
  })
})

describe('Mann–Whitney test against R', () => {
  const records = ['mann_whitney_default_R4.2', 'mann_whitney_normal_cc', 'mann_whitney_normal_cc_greater'].flatMap(of)
  it.each(records.map((r) => [`${r.input_key} ${r.method}`, r] as const))('%s', (_, r) => {
    const { pre, post } = independent(r.input_key)
    const t = mannWhitney(pre, post, alternative(r))!
    close(t.statistic, r.statistic as number, STATISTIC)
    close(t.pValue, r.p_value as number, P_OR_CI)
  })

  it('counts the exact rank-sum distribution as complete enumeration does', () => {
    // Every way of choosing which 5 of 15 ranks are the first sample.
    const [m, n] = [5, 10]
    const counts = new Array(m * n + 1).fill(0)
    const choose = (from: number, left: number, picked: number[]) => {
      if (left === 0) {
        const u = picked.reduce((s, r, i) => s + r - (i + 1), 0)
        counts[u]++
        return
      }
      for (let r = from; r <= m + n; r++) choose(r + 1, left - 1, [...picked, r])
    }
    choose(1, m, [])
    expect([...rankSumFrequencies(m, n)]).toEqual(counts)
    expect(counts.reduce((s, c) => s + c, 0)).toBe(3003)
  })

  it('is exact without ties, as R’s ?wilcox.test example (W = 35, p = 0.1272)', () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46]
    const y = [1.15, 0.88, 0.9, 0.74, 1.21]
    const t = mannWhitney(y, x, 'greater')!
    expect(t.exact).toBe(true)
    expect(t.statistic).toBe(35)
    expect(t.pValue).toBeCloseTo(0.1272, 4)
  })

  it('says "not computable" when every answer is the same', () => {
    expect(mannWhitney([3, 3, 3], [3, 3])).toBeNull()
    expect(mannWhitney([], [3, 4])).toBeNull()
  })
})

describe('Fisher’s exact test against R', () => {
  it.each(of('fisher_exact').map((r) => [r.input_key, r] as const))('%s', (key, r) => {
    const c = results.find((x) => x.input_key === key && x.method === 'indep_counts')!.extra!
    const t = fisherExact({ xPost: c.x_post!, nPost: c.n_post!, xPre: c.x_pre!, nPre: c.n_pre! })!
    close(t.pValue, r.p_value as number, P_OR_CI)
  })

  it('is 1 when the table cannot be more extreme, and not computable with an empty wave', () => {
    expect(fisherExact({ xPost: 0, nPost: 5, xPre: 0, nPre: 5 })!.pValue).toBe(1)
    expect(fisherExact({ xPost: 0, nPost: 0, xPre: 2, nPre: 5 })).toBeNull()
  })
})

describe('difference in differences against R', () => {
  it.each(of('did_ols_robust_HC2').map((r) => [r.input_key, r] as const))('HC2 interaction of lm(y ~ campaign * post), %s', (key, r) => {
    const item = key.split('|')[2]
    const cell = (group: string) => independent(`d08_xsec_did|${group}|${item}|independent`)
    const [campaign, comparison] = [cell('campaign'), cell('comparison')]
    const d = didCrossSection({ campaignPre: campaign.pre, campaignPost: campaign.post, comparisonPre: comparison.pre, comparisonPost: comparison.post })!
    close(d.estimate, r.estimate as number, STATISTIC)
    close(d.se, r.se, STATISTIC)
    close(d.statistic, r.statistic as number, STATISTIC)
    close(d.pValue, r.p_value as number, P_OR_CI)
    close(d.low, r.conf_low, P_OR_CI)
    close(d.high, r.conf_high, P_OR_CI)
  })

  it('says "not computable" with a cell of fewer than two answers', () => {
    expect(didCrossSection({ campaignPre: [1, 0], campaignPost: [1], comparisonPre: [0, 1], comparisonPost: [1, 1] })).toBeNull()
  })
})
