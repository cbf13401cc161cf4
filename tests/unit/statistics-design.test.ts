import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { clusteredPairedChange, designChange, designMean, type DesignObservation } from '../../app/features/results/statistics/design'

// Cluster, stratified and weighted samples against R's survey package
// (../shared/reference/complex-samples: R 4.2.2, survey 4.1-1), to a relative
// 1e-7 as its README asks, on every record of expected.json.

const DIR = join(__dirname, '../../../shared/reference/complex-samples')
type Expected = { dataset: string; item: string; method: string; estimate: number; se: number; deff?: number; df: number; conf_low: number; conf_high: number; statistic?: number; p_value?: number; n: number }
type Dataset = { design: 'panel' | 'cross_section'; cluster: string; strata: string | null; weights: string | null }
const reference = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as { datasets: Record<string, Dataset>; results: Expected[] }
const rows = (dataset: string) => Papa.parse<Record<string, string>>(readFileSync(join(DIR, 'data', `${dataset}.csv`), 'utf8').trim(), { header: true }).data

const close = (actual: number | undefined, expected: number, what: string) => {
  expect(actual, what).toBeDefined()
  expect(Math.abs(actual! - expected) / Math.max(Math.abs(expected), 1e-300), `${what}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(1e-7)
}

function observations(dataset: string, item: string, wave: 'pre' | 'post'): DesignObservation[] {
  const d = reference.datasets[dataset]!
  return rows(dataset)
    .filter((r) => r.wave === wave && r[item] !== '')
    .map((r) => ({ y: Number(r[item]), weight: d.weights ? Number(r[d.weights]) : 1, stratum: d.strata ? r[d.strata]! : '', cluster: r[d.cluster]! }))
}

describe('design-based estimates, as R’s survey package gives them', () => {
  it('covers every record of the complex-sample reference: 21 records, 159 figures compared', () => {
    expect(reference.results).toHaveLength(21)
  })

  it.each(reference.results.filter((r) => r.method === 'svymean_pre' || r.method === 'svymean_post').map((r) => [`${r.dataset} ${r.item} ${r.method}`, r] as const))('%s', (_, r) => {
    const m = designMean(observations(r.dataset, r.item, r.method === 'svymean_pre' ? 'pre' : 'post'))!
    for (const key of ['estimate', 'se', 'deff'] as const) close(m[key], r[key]!, key)
    close(m.low, r.conf_low, 'conf_low')
    close(m.high, r.conf_high, 'conf_high')
    expect([m.df, m.n]).toEqual([r.df, r.n])
  })

  it.each(reference.results.filter((r) => r.method === 'svyglm_change').map((r) => [`${r.dataset} ${r.item}`, r] as const))('svyglm change: %s', (_, r) => {
    const t = designChange(observations(r.dataset, r.item, 'pre'), observations(r.dataset, r.item, 'post'))!
    for (const key of ['estimate', 'se', 'statistic'] as const) close(t[key], r[key]!, key)
    close(t.pValue, r.p_value!, 'p_value')
    close(t.low, r.conf_low, 'conf_low')
    close(t.high, r.conf_high, 'conf_high')
    expect([t.df, t.n]).toEqual([r.df, r.n])
  })

  it.each(reference.results.filter((r) => r.method === 'svymean_paired_change').map((r) => [`${r.dataset} ${r.item}`, r] as const))('panel change, clustered: %s', (_, r) => {
    const d = reference.datasets[r.dataset]!
    const all = rows(r.dataset)
    const before = new Map(all.filter((x) => x.wave === 'pre' && x[r.item] !== '').map((x) => [x.respondent_code!, x]))
    const changes = all
      .filter((x) => x.wave === 'post' && x[r.item] !== '' && before.has(x.respondent_code!))
      .map((x) => ({ d: Number(x[r.item]) - Number(before.get(x.respondent_code!)![r.item]), cluster: x[d.cluster]! }))
    const t = clusteredPairedChange(changes)!
    for (const key of ['estimate', 'se', 'deff', 'statistic'] as const) close(t[key], r[key]!, key)
    close(t.pValue, r.p_value!, 'p_value')
    close(t.low, r.conf_low, 'conf_low')
    close(t.high, r.conf_high, 'conf_high')
    expect([t.df, t.n]).toEqual([r.df, r.n])
  })

  it('refuses what it cannot estimate: a single cluster, or no spread', () => {
    expect(designMean([{ y: 1, weight: 1, stratum: '', cluster: 'A' }, { y: 0, weight: 1, stratum: '', cluster: 'A' }])).toBeNull()
    expect(designMean(['A', 'B', 'C'].map((cluster) => ({ y: 1, weight: 1, stratum: '', cluster })))).toBeNull()
  })
})
