import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { analyseCommand } from '../../app/cli/analyse'
import type { ImpactRow } from '../../app/features/results/impact-table'
import { COMPLEX_DID, COMPLEX_SAMPLES } from '../reference-data'

// Complex samples through the command line's own path (file → reader →
// analysis → printed JSON), as an evaluator runs `lantern analyse --cluster
// --strata --weights`: every figure Lantern prints beside R's survey package
// (complex-samples/expected.json, and fixtures/r-survey-did for the
// difference in differences), to a relative 1e-7.

type Expected = { dataset: string; item: string; method: string; estimate: number; se: number; deff?: number; df: number; conf_low: number; conf_high: number; statistic?: number; p_value?: number; n: number }
type Dataset = { cluster: string; strata: string | null; weights: string | null }
const reference = JSON.parse(readFileSync(join(COMPLEX_SAMPLES, 'expected.json'), 'utf8')) as { datasets: Record<string, Dataset>; results: Expected[] }
const did = Papa.parse<Record<string, string>>(readFileSync(join(COMPLEX_DID, 'expected-did.csv'), 'utf8').trim(), { header: true, dynamicTyping: true }).data as unknown as Expected[]

let checks = 0
const close = (actual: unknown, expected: number, what: string) => {
  checks++
  expect(typeof actual, `${what} is printed`).toBe('number')
  expect(Math.abs((actual as number) - expected) / Math.max(Math.abs(expected), 1e-300), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(1e-7)
}

const printed = new Map<string, Promise<ImpactRow[]>>()
function analysed(file: string, design: Dataset): Promise<ImpactRow[]> {
  if (!printed.has(file)) {
    const flags = { cluster: design.cluster, strata: design.strata ?? undefined, weights: design.weights ?? undefined }
    printed.set(
      file,
      analyseCommand({ file, ...flags }).then((out) => {
        expect(out.code, out.stderr).toBe(0)
        return JSON.parse(out.stdout) as ImpactRow[]
      }),
    )
  }
  return printed.get(file)!
}

/** A change and its test, as R printed them. */
function sameTest(x: ImpactRow, r: Expected) {
  close(x.change, r.estimate, 'change')
  close(x.change_ci_low, r.conf_low, 'conf_low')
  close(x.change_ci_high, r.conf_high, 'conf_high')
  close(x.statistic, r.statistic!, 't')
  close(x.p_value, r.p_value!, 'p')
  expect(x.df).toBe(r.df)
}

const row = (rows: ImpactRow[], item: string, group: string) => rows.find((r) => r.question === item && r.group === group && r.comparison === 'baseline_endline')!

describe('complex samples analysed as R’s survey package analyses them', () => {
  it.each(reference.results.map((r) => [`${r.dataset} ${r.item} ${r.method}`, r] as const))('%s', async (_, r) => {
    const rows = await analysed(join(COMPLEX_SAMPLES, 'data', `${r.dataset}.csv`), reference.datasets[r.dataset]!)
    const x = row(rows, r.item, 'campaign')
    expect(x.sampling).toBe(reference.datasets[r.dataset]!.strata ? 'stratified_cluster' : 'cluster')
    if (r.method === 'svymean_pre' || r.method === 'svymean_post') {
      const wave = r.method === 'svymean_pre' ? 'pre' : 'post'
      close(x[wave], r.estimate, `${wave} estimate`)
      close(x[`${wave}_ci_low`], r.conf_low, `${wave} conf_low`)
      close(x[`${wave}_ci_high`], r.conf_high, `${wave} conf_high`)
      close(x[`deff_${wave}`], r.deff!, `${wave} design effect`)
      expect(x[`n_${wave}`]).toBe(r.n)
      return
    }
    expect(x.method).toBe(r.method === 'svyglm_change' ? 'svyglm_change' : 'svymean_paired_change')
    sameTest(x, r)
    if (r.method === 'svymean_paired_change') {
      close(x.deff_change, r.deff!, 'design effect of the change')
      expect(x.n_pairs).toBe(r.n)
    } else expect(x.n_pre! + x.n_post!).toBe(r.n)
  })

  it.each(did.map((r) => [`${r.dataset} ${r.item}`, r] as const))('difference in differences: %s', async (_, r) => {
    const design = r.dataset.startsWith('d04') ? { cluster: 'cluster', strata: 'stratum', weights: 'weight' } : { cluster: 'cluster', strata: null, weights: null }
    const x = row(await analysed(join(COMPLEX_DID, `${r.dataset}.csv`), design), r.item, 'campaign_vs_comparison')
    expect(x.method).toBe('svyglm_did')
    sameTest(x, r)
    expect(x.n_campaign! + x.n_comparison!).toBe(r.n)
  })

  it('compared every figure: 21 + 6 records of R', () => {
    expect(reference.results).toHaveLength(21)
    expect(did).toHaveLength(6)
    // 12 wave means × 4 figures, 6 cross-section changes × 5, 3 panel changes × 6, 6 differences in differences × 5
    expect(checks).toBe(12 * 4 + 6 * 5 + 3 * 6 + 6 * 5)
  })
})
