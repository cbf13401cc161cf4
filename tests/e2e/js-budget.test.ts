import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { chunks, chunksOfRoute, gzipBytes, manifest, modulesOf } from './client-build'

// Users are often on slow connections: what JavaScript each page loads,
// gzip-compressed as it travels, counting what it loads on demand.

const pages = Object.keys(manifest.routes).map((id) => {
  const files = chunksOfRoute(id)
  return { id, files, chart: modulesOf(files).some((m) => m.includes('node_modules/chart.js/')), kilobytes: files.reduce((n, f) => n + gzipBytes(f), 0) / 1024 }
})
const over = (limit: number, list: typeof pages) => list.filter((p) => p.kilobytes > limit).map((p) => `${p.id}: ${p.kilobytes.toFixed(1)} KB`)
const isChartChunk = (file: string) => chunks[file]!.modules.some((m) => /node_modules\/(chart\.js|chartjs-)/.test(m))

describe('the JavaScript a page loads', () => {
  it('is found for every route: the pages with charts load Chart.js, the others do not', () => {
    expect(pages.length).toBeGreaterThan(40)
    const charted = pages.filter((p) => p.chart).map((p) => p.id)
    expect(charted).toEqual(expect.arrayContaining(['routes/dashboards._index', 'routes/campaigns.$campaignId.results', 'routes/coordination._index']))
    expect(charted).not.toEqual(expect.arrayContaining(['routes/campaigns._index']))
    expect(charted).not.toEqual(expect.arrayContaining(['routes/campaigns.$campaignId._index']))
  })

  it('is at most 200 KB on any page, and under 120 KB on a page without a chart', () => {
    expect(over(200, pages)).toEqual([])
    expect(over(120, pages.filter((p) => !p.chart))).toEqual([])
  })

  it('holds no zod and no form schema: forms are checked by their actions, and get their constraints from their loaders', () => {
    const modules = Object.values(chunks).flatMap((c) => c.modules)
    expect(modules.filter((m) => /node_modules\/zod\/|app\/features\/[\w-]+\/[\w-]*schemas?\.ts$/.test(m))).toEqual([])
  })

  it('holds of Chart.js the parts its charts import by name, never the whole library', () => {
    const modules = Object.values(chunks).flatMap((c) => c.modules)
    expect(modules.filter((m) => /node_modules\/chart\.js\/auto\//.test(m))).toEqual([])
    const shipped = Object.keys(chunks).filter(isChartChunk).reduce((n, f) => n + gzipBytes(f), 0)
    const whole = gzipSync(readFileSync('node_modules/chart.js/dist/chart.umd.min.js')).length
    expect(shipped).toBeGreaterThan(0)
    // With its two plugins, still less than the whole library alone.
    expect(shipped).toBeLessThan(whole)
  })

  it('holds no list of subdivisions: a page gets its country’s from its loader', () => {
    const modules = Object.values(chunks).flatMap((c) => c.modules)
    expect(modules.filter((m) => /node_modules\/iso-3166\/2\.js$|app\/shared\/taxonomy\/subdivisions\.ts$/.test(m))).toEqual([])
  })
})
