// Writers don't starve: 48 people typing survey responses into a large
// campaign at once (each write refreshes that campaign's stored analysis)
// while a coordinator saves overlap reviews, on the built server. Baseline:
// the same reviews with nobody else writing. Figures: review latency, median
// and p95, and the writers' throughput.
import { spawn } from 'node:child_process'
import { request } from 'node:http'
import { existsSync } from 'node:fs'
import { report, type Timing } from './measure'

const WRITERS = 48
const REVIEWS = 40

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!
const timing = (ms: number[]): Timing => ({ median: percentile(ms, 0.5) * 1000, p95: percentile(ms, 0.95) * 1000 })

export async function runWritersBench() {
  if (!existsSync('build/server/index.js')) throw new Error('The writers bench drives the built server: run "npm run build" first.')
  const { createCampaign, createOrganisation, createSurveyedCampaign, createUser, PANEL_GAIN, PASSWORD } = await import('../factories')
  const { db } = await import('../../app/shared/db.server')
  const council = createOrganisation({ type: 'coordinating_body' })
  const ngo = createOrganisation()
  const other = createOrganisation()
  const coordinator = await createUser({ organisation: council, role: 'coordinator' })
  const members = await Promise.all(Array.from({ length: WRITERS }, () => createUser({ organisation: ngo })))
  // A campaign of 10,000 responses (analysed in the worker) that everyone types into, and overlapping pairs to review.
  const surveyed = createSurveyedCampaign(ngo, { plan: { ...PANEL_GAIN, n: 5000 }, status: 'completed' })
  const pairs = Array.from({ length: 6 }, () => [createCampaign(ngo), createCampaign(other)] as const).map(([a, b]) => (a < b ? [a, b] : [b, a]))
  const wave = db.$client.prepare("select id from survey_waves where campaign_id = ? and kind = 'endline'").pluck().get(surveyed) as number
  const questions = db.$client.prepare('select code, type from survey_questions where campaign_id = ?').all(surveyed) as { code: string; type: string }[]

  const port = 3000 + Math.floor(Math.random() * 1000) + 4000
  const base = `http://localhost:${port}`
  const server = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []), 'server.js'], { env: { ...process.env, NODE_ENV: 'production', PORT: String(port), LANTERN_DEMO: '0' }, stdio: 'ignore' })
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) break
      if (i > 150) throw new Error('The server did not start.')
      await new Promise((r) => setTimeout(r, 200))
    }
    const form = (fields: Record<string, string>) => ({ method: 'POST', redirect: 'manual' as const, headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() })
    const logIn = async (email: string) => {
      const r = await fetch(`${base}/login`, form({ email, password: PASSWORD }))
      return r.headers.getSetCookie().find((c) => c.startsWith('lantern_session='))!.split(';')[0]!
    }
    const post = (path: string, cookie: string, fields: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const body = new URLSearchParams(fields).toString()
        const req = request(`${base}${path}`, { method: 'POST', agent: false, headers: { Origin: base, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
          res.resume()
          res.on('end', () => resolve(res.statusCode!))
        })
        req.on('error', reject)
        req.end(body)
      })
    const coordinatorCookie = await logIn(coordinator.email)
    const cookies = await Promise.all(members.map((m) => logIn(m.email)))

    const review = async (i: number) => {
      const [a, b] = pairs[i % pairs.length]!
      const started = performance.now()
      // Its own connection, as the coordinator's browser has: not queued behind the writers' in this process's pool.
      const status = await post(`/coordination`, coordinatorCookie, { intent: 'review', campaignA: String(a), campaignB: String(b), verdict: i % 2 ? 'complementary' : 'duplicate', note: `review ${i}` })
      if (status >= 400) throw new Error(`review answered ${status}`)
      return performance.now() - started
    }
    const loadedSoFar: number[] = []
    const reviews = async (ms: number[] = []) => {
      for (let i = 0; i < REVIEWS; i++) ms.push(await review(i))
      return ms
    }
    const quiet = await reviews()

    let stop = false
    let written = 0
    const writer = async (cookie: string, k: number) => {
      for (let i = 0; !stop; i++) {
        const answers = Object.fromEntries(questions.map((q) => [`q_${q.code}`, q.type === 'score' ? '5' : q.type === 'likert' ? '4' : '1']))
        const r = await fetch(`${base}/campaigns/${surveyed}/surveys/responses/new`, { ...form({ wave: String(wave), respondentCode: `W${k}-${i}`, ...answers }), headers: { ...form({}).headers, Cookie: cookie } })
        await r.arrayBuffer()
        if (r.status < 400) written++
      }
    }
    const started = performance.now()
    const writing = cookies.map((c, k) => writer(c, k))
    await new Promise((r) => setTimeout(r, 2000))
    const loaded = await reviews(loadedSoFar)
    stop = true
    await Promise.all(writing)
    const seconds = (performance.now() - started) / 1000
    const baseline = timing(quiet)
    report(`Overlap reviews while ${WRITERS} people type survey responses into a 10,000-response campaign (${written} responses stored, ${(written / seconds).toFixed(1)}/s)`, [
      ['review, nobody else writing (baseline)', baseline],
      [`review, ${WRITERS} writers`, timing(loaded)],
    ], baseline)
    console.log(`  p95 of a review under load: ${(timing(loaded).p95 / 1000).toFixed(0)} ms (goal: under 1,000 ms)`)
  } finally {
    server.kill('SIGTERM')
  }
}
