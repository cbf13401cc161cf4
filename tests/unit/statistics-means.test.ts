import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { independentEffect, pairedEffect, pairedT, welchT } from '../../app/domain/statistics/means'
import { EXPECTED } from '../reference-data'

// Lantern's means against R 4.2.2, on the input vectors R was given
// (expected.json → inputs; panels matched and ordered by respondent code).

type Record = { input_key: string; method: string; statistic?: number; df?: number; p_value?: number; estimate?: number | number[]; conf_low?: number; conf_high?: number; extra?: { [k: string]: number } }
const reference = JSON.parse(readFileSync(EXPECTED, 'utf8')) as { results: Record[]; inputs: { [key: string]: { pre: (number | null)[]; post: (number | null)[] } } }
const of = (method: string) => reference.results.filter((r) => r.method === method)

const close = (actual: number | undefined, expected: number | undefined, tolerance: number) => {
  expect(actual).toBeDefined()
  expect(Math.abs(actual! - expected!) / Math.max(1e-300, Math.abs(expected!)), `${actual} vs R ${expected}`).toBeLessThanOrEqual(tolerance)
}
/** Paired: drop pairs with a missing answer at either wave. Independent: drop missing answers. */
const paired = (key: string) => {
  const { pre, post } = reference.inputs[key]!
  const keep = pre.map((x, i) => x !== null && post[i] !== null)
  return { pre: pre.filter((_, i) => keep[i]) as number[], post: post.filter((_, i) => keep[i]) as number[] }
}
const independent = (key: string) => {
  const { pre, post } = reference.inputs[key]!
  return { pre: pre.filter((x) => x !== null) as number[], post: post.filter((x) => x !== null) as number[] }
}

describe('means against R', () => {
  const sameTest = (t: ReturnType<typeof pairedT>, r: Record) => {
    close(t!.statistic, r.statistic, 1e-9)
    close(t!.df, r.df, 1e-9)
    close(t!.pValue, r.p_value, 1e-7)
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

  it('says "not computable" (null) with too few answers or none that differ', () => {
    expect(pairedT([3], [4])).toBeNull()
    expect(pairedT([3, 3, 3], [4, 4, 4])).toBeNull()
    expect(welchT([2], [3, 4])).toBeNull()
    expect(welchT([2, 2], [2, 2])).toBeNull()
    expect(pairedEffect([1, 2, 3], [2, 3, 4])).toBeNull()
    expect(independentEffect([2, 2], [2, 2])).toBeNull()
  })
})
