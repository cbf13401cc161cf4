import { describe, expect, it } from 'vitest'
import { independentEffect, meanInterval, pairedEffect, pairedT, welchT } from '../../app/features/results/statistics/means'
import { close, independent, of, paired, type RRecord } from './r-reference'

// Lantern's means against R 4.2.2, on the input vectors R was given
// (expected.json → inputs; panels matched and ordered by respondent code).

type Record = RRecord

describe('means against R', () => {
  const sameTest = (t: ReturnType<typeof pairedT>, r: Record) => {
    close(t!.statistic, r.statistic as number, 1e-9)
    close(t!.df, r.df, 1e-9)
    close(t!.pValue, r.p_value as number, 1e-7)
    close(t!.low, r.conf_low, 1e-7)
    close(t!.high, r.conf_high, 1e-7)
  }

  it.each(of('paired_t').map((r) => [r.input_key, r] as const))('paired t-test, %s', (key, r) => {
    const { pre, post } = paired(key)
    const t = pairedT(pre, post)
    close(t!.estimate, r.estimate as number, 1e-9)
    sameTest(t, r)
  })

  it.each(of('welch_t').map((r) => [r.input_key, r] as const))('Welch t-test, %s', (key, r) => {
    const { pre, post } = independent(key)
    sameTest(welchT(pre, post), r)
  })

  it.each(of('paired_descriptives_effect_sizes').map((r) => [r.input_key, r] as const))('Cohen’s d_z and Hedges’ g_z, %s', (key, r) => {
    const { pre, post } = paired(key)
    const e = pairedEffect(pre, post)!
    close(e.dz, r.extra!.cohens_dz, 1e-9)
    close(e.gz, r.extra!.hedges_gz, 1e-9)
  })

  it.each(of('indep_descriptives_effect_sizes').map((r) => [r.input_key, r] as const))('Cohen’s d and Hedges’ g, %s', (key, r) => {
    const { pre, post } = independent(key)
    const e = independentEffect(pre, post)!
    close(e.d, r.extra!.cohens_d, 1e-9)
    close(e.g, r.extra!.hedges_g_exact, 1e-9)
  })

  // A paired t interval is the one-sample t interval of the changes: R's paired intervals check meanInterval.
  it.each(of('paired_t').map((r) => [r.input_key, r] as const))('a mean’s t interval, on the changes of %s', (key, r) => {
    const { pre, post } = paired(key)
    const i = meanInterval(post.map((x, k) => x - pre[k]!))!
    close(i.estimate, r.estimate as number, 1e-9)
    close(i.low, r.conf_low, 1e-7)
    close(i.high, r.conf_high, 1e-7)
  })

  it('says "not computable" (null) with too few answers or none that differ', () => {
    expect(pairedT([3], [4])).toBeNull()
    expect(pairedT([3, 3, 3], [4, 4, 4])).toBeNull()
    expect(welchT([2], [3, 4])).toBeNull()
    expect(welchT([2, 2], [2, 2])).toBeNull()
    expect(pairedEffect([1, 2, 3], [2, 3, 4])).toBeNull()
    expect(independentEffect([2, 2], [2, 2])).toBeNull()
    expect(meanInterval([4])).toBeNull()
  })
})
