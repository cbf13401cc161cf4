// Writers don't starve: 48 people typing survey responses into a large
// campaign at once (each write refreshes that campaign's stored analysis)
// while a coordinator saves overlap reviews, on the built server. Baseline:
// the same reviews with nobody else writing. Figures: review latency, median
// and p95, and the writers' throughput. Then the same reviews while a
// 100,000-row survey file is imported, with the longest /healthz wait.
import { request } from 'node:http'
import { requireBuild, startBuiltServer } from './built-server'
import { report, type Timing } from './measure'
import { record } from './summary'

const WRITERS = 48
const REVIEWS = 40
const IMPORT_ROWS = 100_000

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!
const timing = (ms: number[]): Timing => ({ median: percentile(ms, 0.5) * 1000, p95: percentile(ms, 0.95) * 1000 })

export async function runWritersBench() {
  requireBuild('writers')
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

  const { base, stop } = await startBuiltServer()
  try {
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
    record({ bench: 'writers', figure: `review p95, ${WRITERS} writers (baseline: nobody writing)`, value: timing(loaded).p95 / 1000, baseline: baseline.p95 / 1000, unit: 'ms', goal: { of: 'value', atMost: 1000 } })

    // A 100,000-row survey import (two waves of 50,000, all or nothing) while the coordinator keeps reviewing and /healthz is polled.
    const importInto = createSurveyedCampaign(ngo, { plan: { ...PANEL_GAIN, n: 10 }, status: 'completed' })
    const instrument = db.$client.prepare('select code, type, min, max from survey_questions where campaign_id = ? order by position').all(importInto) as { code: string; type: string; min: number | null; max: number | null }[]
    const value = (q: (typeof instrument)[number], n: number) => (q.type === 'binary' ? n % 2 : q.type === 'likert' ? 1 + (n % 5) : q.type === 'score' ? (q.min ?? 0) + (n % ((q.max ?? 10) - (q.min ?? 0) + 1)) : 'x')
    const lines = Array.from({ length: IMPORT_ROWS }, (_, i) => {
      const n = i % (IMPORT_ROWS / 2)
      return [`I${n}`, i < IMPORT_ROWS / 2 ? 'pre' : 'post', 'campaign', ...instrument.map((q) => value(q, n))].join(',')
    })
    const file = ['respondent_code,wave,group,' + instrument.map((q) => q.code).join(','), ...lines].join('\n')
    const body = new FormData()
    body.set('file', new Blob([file], { type: 'text/csv' }), 'large.csv')
    const uploaded = await fetch(`${base}/campaigns/${importInto}/surveys/import`, { method: 'POST', redirect: 'manual', headers: { Origin: base, Cookie: cookies[0]! }, body })
    const uploadId = new URL(uploaded.headers.get('Location') ?? '', base).searchParams.get('upload')
    if (!uploadId) throw new Error(`the upload answered ${uploaded.status}`)
    let importing = true
    let longestHealth = 0
    const poll = async () => {
      while (importing) {
        const t = performance.now()
        await fetch(`${base}/healthz`).then((r) => r.arrayBuffer())
        longestHealth = Math.max(longestHealth, performance.now() - t)
        await new Promise((r) => setTimeout(r, 5))
      }
    }
    const duringImport: number[] = []
    const reviewing = async () => {
      for (let i = 0; importing; i++) duringImport.push(await review(i))
    }
    const importStarted = performance.now()
    const uploadStatus = db.$client.prepare('select status from survey_uploads where id = ?').pluck()
    const imported = (async () => {
      const status = await post(`/campaigns/${importInto}/surveys/import`, cookies[0]!, { upload: uploadId })
      // A large file is answered with its progress page while the import goes on: it has ended when the upload is no longer importing.
      while (uploadStatus.get(Number(uploadId)) === 'importing') await new Promise((r) => setTimeout(r, 50))
      return status
    })().finally(() => (importing = false))
    const [status] = await Promise.all([imported, poll(), reviewing()])
    const importSeconds = (performance.now() - importStarted) / 1000
    const stored = db.$client.prepare('select count(*) from survey_responses r join survey_waves w on w.id = r.wave_id where w.campaign_id = ?').pluck().get(importInto) as number
    if (status !== 302 || stored !== IMPORT_ROWS + 20) throw new Error(`the import answered ${status} and stored ${stored} responses`)
    report(`Overlap reviews while a ${IMPORT_ROWS.toLocaleString('en')}-row survey file is imported (${(file.length / 1024 / 1024).toFixed(1)} MB, ${importSeconds.toFixed(1)} s, all or nothing)`, [
      ['review, nobody else writing (baseline)', baseline],
      [`review, during the import (${duringImport.length} reviews)`, timing(duringImport)],
    ], baseline)
    record({ bench: 'writers', figure: 'longest review during a survey import', value: Math.max(...duringImport), unit: 'ms', goal: { of: 'value', atMost: 1000 } })
    record({ bench: 'writers', figure: 'longest /healthz wait during a survey import', value: longestHealth, unit: 'ms', goal: { of: 'value', atMost: 200 } })
  } finally {
    stop()
  }
}
