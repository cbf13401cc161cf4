import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { cohensH, mcnemar, mcnemarExact, newcombeHybrid, newcombePaired, propTest, wilson } from '../../app/features/results/statistics/proportions'
import { EXPECTED } from '../reference-data'

// Lantern's proportions against R 4.2.2 (../shared/reference: conventions and
// tolerances in its README): relative 1e-9 for closed-form statistics, 1e-7
// for p-values and confidence intervals; R's errors are "not computable".

type Record = {
  dataset: string
  input_key: string
  method: string
  statistic?: number | 'NaN'
  p_value?: number | 'NaN'
  estimate?: number | number[]
  conf_low?: number
  conf_high?: number
  error?: string
  extra?: { [k: string]: number }
}
const results = (JSON.parse(readFileSync(EXPECTED, 'utf8')) as { results: Record[] }).results
const of = (method: string) => results.filter((r) => r.method === method)
const countsOf = (r: Record, method: 'paired_2x2_counts' | 'indep_counts') => results.find((c) => c.input_key === r.input_key && c.method === method)!.extra!

const close = (actual: number | undefined, expected: number | undefined, tolerance: number) => {
  expect(actual).toBeDefined()
  const scale = Math.max(1e-300, Math.abs(expected!))
  expect(Math.abs(actual! - expected!) / scale, `${actual} vs R ${expected}`).toBeLessThanOrEqual(tolerance)
}
const table = (r: Record) => {
  const c = countsOf(r, 'paired_2x2_counts')
  return { a: c.both_correct_a!, b: c.pre_only_b!, c: c.post_only_c!, d: c.neither_d! }
}
const counts = (r: Record) => {
  const c = countsOf(r, 'indep_counts')
  return { xPost: c.x_post!, nPost: c.n_post!, xPre: c.x_pre!, nPre: c.n_pre! }
}
const waveCounts = (r: Record, wave: 'pre' | 'post') => {
  const paired = results.find((c) => c.input_key === r.input_key && c.method === 'paired_2x2_counts')?.extra
  if (paired) return { x: paired[`x_${wave}`]!, n: paired.n_pairs! }
  const indep = countsOf(r, 'indep_counts')
  return { x: indep[`x_${wave}`]!, n: indep[`n_${wave}`]! }
}

describe('proportions against R', () => {
  it.each([...of('wilson_ci_pre'), ...of('wilson_ci_post')].map((r) => [`${r.input_key} ${r.method}`, r] as const))('%s', (_, r) => {
    const { x, n } = waveCounts(r, r.method.endsWith('pre') ? 'pre' : 'post')
    const w = wilson(x, n)!
    close(w.estimate, r.estimate as number, 1e-9)
    close(w.low, r.conf_low, 1e-7)
    close(w.high, r.conf_high, 1e-7)
  })

  it.each(of('cohens_h').map((r) => [r.input_key, r] as const))('Cohen’s h, %s', (_, r) => {
    const [pre, post] = [waveCounts(r, 'pre'), waveCounts(r, 'post')]
    const h = cohensH(pre.x / pre.n, post.x / post.n)
    if (r.estimate === 0) expect(h).toBe(0)
    else close(h, r.estimate as number, 1e-9)
  })

  it.each([...of('mcnemar_cc'), ...of('mcnemar_nocc'), ...of('mcnemar_exact')].map((r) => [`${r.input_key} ${r.method}`, r] as const))('%s', (_, r) => {
    const result = r.method === 'mcnemar_exact' ? mcnemarExact(table(r)) : mcnemar(table(r), r.method === 'mcnemar_cc')
    // R stops, or prints NaN, without discordant pairs: Lantern says "not computable".
    if (r.error || r.statistic === 'NaN') return expect(result, 'R cannot compute this').toBeNull()
    if (r.statistic === 0) expect(result!.statistic).toBe(0)
    else close(result!.statistic, r.statistic as number, 1e-9)
    close(result!.pValue, r.p_value as number, 1e-7)
  })

  it.each(of('paired_diff_newcombe_ci').map((r) => [r.input_key, r] as const))('Newcombe’s paired interval, %s', (_, r) => {
    const result = newcombePaired(table(r))!
    close(result.phi, r.extra!.phi_corrected, 1e-9)
    if (r.estimate === 0) expect(result.estimate).toBe(0)
    else close(result.estimate, r.estimate as number, 1e-9)
    close(result.low, r.conf_low, 1e-7)
    close(result.high, r.conf_high, 1e-7)
  })

  it.each([...of('prop_test_nocc'), ...of('prop_test_cc')].map((r) => [`${r.input_key} ${r.method}`, r] as const))('%s', (_, r) => {
    const result = propTest(counts(r), r.method === 'prop_test_cc')!
    close(result.statistic, r.statistic as number, 1e-9)
    close(result.pValue, r.p_value as number, 1e-7)
    close(result.low, r.conf_low, 1e-7)
    close(result.high, r.conf_high, 1e-7)
  })

  it.each(of('newcombe_hybrid_score_ci').map((r) => [r.input_key, r] as const))('Newcombe’s hybrid score interval, %s', (_, r) => {
    const result = newcombeHybrid(counts(r))!
    close(result.estimate, r.estimate as number, 1e-9)
    close(result.low, r.conf_low, 1e-7)
    close(result.high, r.conf_high, 1e-7)
  })

  it('says "not computable" (null) where a wave is empty or nobody changed', () => {
    expect(wilson(0, 0)).toBeNull()
    expect(mcnemar({ a: 5, b: 0, c: 0, d: 5 }, true)).toBeNull()
    expect(propTest({ xPost: 0, nPost: 10, xPre: 0, nPre: 10 }, false)).toBeNull()
    expect(newcombeHybrid({ xPost: 3, nPost: 0, xPre: 1, nPre: 4 })).toBeNull()
  })
})
