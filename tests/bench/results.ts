// A published campaign of 650,000 survey responses, read by anonymous
// visitors: its results page, its results CSV and its IATI export, on the
// built server, while /healthz is asked every 20 ms. The first read builds
// the stored analysis (in the analysis worker); later reads only read it.
// Baseline: /healthz with nothing else going on. Figures: each request's
// time, and the longest any /healthz waited meanwhile (how long the event
// loop was held).
import { requireBuild, startBuiltServer } from './built-server'
import { report, type Timing } from './measure'
import { record } from './summary'

const RESPONDENTS = 325_000 // a panel planned at 650,000 responses; the generator leaves some unanswered

export async function runResultsBench() {
  requireBuild('results')
  const { createOrganisation, createSurveyedCampaign, PANEL_GAIN, responseCount } = await import('../factories')
  const seeded = performance.now()
  const id = createSurveyedCampaign(createOrganisation(), { plan: { ...PANEL_GAIN, n: RESPONDENTS }, visibility: 'published' })
  const responses = responseCount(id)
  console.log(`\nSeeded ${responses.toLocaleString('en')} responses in ${((performance.now() - seeded) / 1000).toFixed(0)} s`)

  const { base, stop } = await startBuiltServer()
  try {
    const health = async () => {
      const t = performance.now()
      await (await fetch(`${base}/healthz`)).arrayBuffer()
      return performance.now() - t
    }
    const idle: number[] = []
    for (let i = 0; i < 200; i++) idle.push(await health())
    idle.sort((a, b) => a - b)
    const baseline: Timing = { median: idle[100]! * 1000, p95: idle[190]! * 1000 }

    /** Times a GET while /healthz is polled; returns its time and the longest /healthz wait meanwhile. */
    const timed = async (path: string) => {
      let done = false
      let longest = 0
      const poll = (async () => {
        while (!done) {
          longest = Math.max(longest, await health())
          await new Promise((r) => setTimeout(r, 20))
        }
      })()
      const t = performance.now()
      const r = await fetch(`${base}${path}`)
      const bytes = (await r.arrayBuffer()).byteLength
      const ms = performance.now() - t
      done = true
      await poll
      if (r.status !== 200) throw new Error(`${path} answered ${r.status}`)
      return { ms, longest, bytes }
    }
    const rows: [string, Timing][] = []
    const lines: string[] = []
    for (const [name, path] of [
      ['results page, first read (builds the stored analysis)', `/campaigns/${id}/results`],
      ['results page', `/campaigns/${id}/results`],
      ['results.csv', `/campaigns/${id}/results.csv`],
      ['iati.xml', `/campaigns/${id}/iati.xml`],
    ] as const) {
      const { ms, longest, bytes } = await timed(path)
      rows.push([name, { median: ms * 1000, p95: ms * 1000 }])
      record({ bench: 'results', figure: `${name}: longest /healthz wait meanwhile`, value: longest, unit: 'ms', goal: { of: 'value', atMost: 100 } })
      lines.push(`  ${name.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(7)} s, ${bytes.toLocaleString('en')} bytes; longest /healthz wait meanwhile ${longest.toFixed(0)} ms`)
    }
    report(`Anonymous reads of a published campaign of ${responses.toLocaleString('en')} responses (baseline: /healthz alone)`, [['/healthz, idle (baseline)', baseline], ...rows], baseline)
    for (const l of lines) console.log(l)
  } finally {
    stop()
  }
}
