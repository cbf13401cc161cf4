// Pages under load: the built server on the demo database grown to the
// dashboard's scale, 50 connections at once on five pages. Baseline, in the
// same run and for each page: bare-server.mjs rendering a page of the same
// size with one prepared statement. Rounds alternate baseline and page; the
// round with the median throughput is shown.
import { fork } from 'node:child_process'
import autocannon from 'autocannon'
import { requireBuild, startBuiltServer } from './built-server'
import { dashboardDatabase } from './dashboard-data'
import { record } from './summary'

const CONNECTIONS = 50
const SECONDS = Number(process.env.LANTERN_BENCH_SECONDS ?? 5)
const ROUNDS = 3

const TIMEOUT_SECONDS = 30

type Load = { perSecond: number; p50: number; p99: number; timeouts: number }

/** A request not answered in 30 s counts as answered at 30 s: it is in the p99, not left out. */
async function load(url: string, cookie?: string): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, timeout: TIMEOUT_SECONDS, headers: cookie ? { cookie } : {} })
  if (result.non2xx || result.errors > result.timeouts) throw new Error(`${url}: ${result.non2xx} answers not 2xx, ${result.errors} errors`)
  // A page that answered nothing in the load's time has its p99 beyond it: counted as the timeout, never as 0.
  const timedOut = result.requests.total === 0 || result.timeouts / (result.timeouts + result.requests.total) > 0.01
  return { perSecond: result.requests.average, p50: result.latency.p50, p99: timedOut ? TIMEOUT_SECONDS * 1000 : result.latency.p99, timeouts: result.timeouts }
}

/**
 * The server goes on with requests whose clients have gone: the next load
 * starts once /healthz answers promptly three times in a row, or it would
 * measure the last one's backlog.
 */
async function settle(base: string) {
  for (let prompt = 0, since = performance.now(); prompt < 3; ) {
    const t = performance.now()
    await (await fetch(`${base}/healthz`)).arrayBuffer()
    prompt = performance.now() - t < 50 ? prompt + 1 : 0
    if (performance.now() - since > 600_000) throw new Error('the server was still busy 10 minutes after a load')
  }
}

async function startBareServer(): Promise<{ base: string; stop: () => void }> {
  const port = 8000 + Math.floor(Math.random() * 1000)
  // React's development build is three times slower: the baseline runs as Lantern does, in production mode.
  const child = fork(new URL('./bare-server.mjs', import.meta.url), { env: { ...process.env, NODE_ENV: 'production', PORT: String(port) }, stdio: 'ignore' })
  await new Promise<void>((ready, fail) => {
    child.once('message', () => ready())
    child.once('exit', (code) => fail(new Error(`the bare server stopped (${code})`)))
  })
  return { base: `http://localhost:${port}`, stop: () => void child.kill('SIGTERM') }
}

const bytesOf = async (url: string, cookie?: string) => {
  const r = await fetch(url, { headers: cookie ? { cookie } : {} })
  const body = await r.arrayBuffer()
  if (r.status !== 200) throw new Error(`${url} answered ${r.status}`)
  return body.byteLength
}

export async function runPagesBench() {
  requireBuild('pages')
  const { db, ids, coordinator } = await dashboardDatabase()
  const { createUserSession } = await import('../../app/features/accounts/session.server')
  const one = <T>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).pluck().get(...params) as T
  const cookieOf = async (userId: number) => (await createUserSession(userId)).split(';')[0]!
  const coordinating = await cookieOf(coordinator.id)
  const donor = await cookieOf(one<number>("select user_id from memberships where role = 'donor' limit 1"))
  const published = one<number>("select id from campaigns where visibility = 'published' and status <> 'draft' order by id limit 1")
  const large = ids.find((id) => one<string>('select status from campaigns where id = ?', id) !== 'draft')!
  // The workspace's goal is its p99 alone: it does more than a page of its size can.
  // The log-in page has no data of its own: what any Lantern document costs, the floor the other pages stand on.
  const pages: [string, string, string | undefined, { throughput: boolean; p99: boolean }][] = [
    ['log-in page (anonymous; the floor: no data of its own)', '/login', undefined, { throughput: false, p99: false }],
    ['campaign list (anonymous)', '/campaigns', undefined, { throughput: true, p99: true }],
    ['a published campaign (anonymous)', `/campaigns/${published}`, undefined, { throughput: true, p99: true }],
    ['results of a 1,000-response campaign (coordinator)', `/campaigns/${large}/results`, coordinating, { throughput: true, p99: true }],
    ['outcome dashboard (donor)', '/dashboards', donor, { throughput: true, p99: true }],
    ['coordination workspace (coordinator)', '/coordination', coordinating, { throughput: false, p99: true }],
  ]

  const lantern = await startBuiltServer()
  const bare = await startBareServer()
  try {
    // The bare page grows by one table row per campaign: find the row count that makes it each Lantern page's size.
    const [ten, hundred] = [await bytesOf(`${bare.base}/?rows=10`), await bytesOf(`${bare.base}/?rows=110`)]
    const perRow = (hundred - ten) / 100
    const sized = await Promise.all(pages.map(async ([name, path, cookie, goals]) => {
      const bytes = await bytesOf(`${lantern.base}${path}`, cookie) // also builds what a first read builds
      return { name, goals, url: `${lantern.base}${path}`, cookie, bytes, bareUrl: `${bare.base}/?rows=${Math.max(1, Math.round(10 + (bytes - ten) / perRow))}` }
    }))
    const rounds = sized.map((): { page: Load; baseline: Load }[] => [])
    for (let r = 0; r < ROUNDS; r++) {
      for (const [k, p] of sized.entries()) {
        const baseline = await load(p.bareUrl)
        const page = await load(p.url, p.cookie)
        await settle(lantern.base)
        rounds[k]!.push({ baseline, page })
      }
    }
    console.log(`\nPages at ${CONNECTIONS} connections, ${SECONDS} s each, median of ${ROUNDS} rounds (baseline: bare React + one statement, a page of the same size)`)
    for (const [k, p] of sized.entries()) {
      const { page, baseline } = [...rounds[k]!].sort((a, b) => a.page.perSecond - b.page.perSecond)[Math.floor(ROUNDS / 2)]!
      console.log(
        `  ${p.name.padEnd(52)} ${(p.bytes / 1024).toFixed(0).padStart(4)} KB  ${page.perSecond.toFixed(0).padStart(5)} req/s  p50 ${page.p50.toFixed(0).padStart(4)} ms  p99 ${page.p99.toFixed(0).padStart(4)} ms` +
          `  | baseline ${baseline.perSecond.toFixed(0).padStart(5)} req/s  p99 ${baseline.p99.toFixed(0).padStart(3)} ms` +
          (page.timeouts ? `  (${page.timeouts} not answered in ${TIMEOUT_SECONDS} s)` : ''),
      )
      record({ bench: 'pages', figure: `${p.name}, throughput`, value: page.perSecond, baseline: baseline.perSecond, unit: 'req/s', ...(p.goals.throughput ? { goal: { of: 'ratio', atLeast: 0.5 } } : {}) })
      record({ bench: 'pages', figure: `${p.name}, p99`, value: page.p99, baseline: baseline.p99, unit: 'ms', ...(p.goals.p99 ? { goal: { of: 'value', atMost: 150 } } : {}) })
    }
    await scaling(sized.filter((p) => p.goals.throughput).slice(0, 2), lantern.base)
  } finally {
    lantern.stop()
    bare.stop()
  }
}

/**
 * The same pages from one worker process and from two (LANTERN_WORKERS=2),
 * rounds alternating. The load generator runs on this machine too: with two
 * cores, two workers and the load share them.
 */
async function scaling(pages: { name: string; url: string; cookie?: string }[], oneWorker: string) {
  const two = await startBuiltServer({ workers: 2 })
  try {
    console.log(`\nOne worker and two, at ${CONNECTIONS} connections, median of ${ROUNDS} rounds`)
    for (const p of pages) {
      const path = new URL(p.url).pathname
      const rounds: { one: Load; two: Load }[] = []
      for (let r = 0; r < ROUNDS; r++) {
        const one = await load(oneWorker + path, p.cookie)
        await settle(oneWorker)
        const both = await load(two.base + path, p.cookie)
        await settle(two.base)
        rounds.push({ one, two: both })
      }
      const { one, two: both } = rounds.sort((a, b) => a.two.perSecond / a.one.perSecond - b.two.perSecond / b.one.perSecond)[Math.floor(ROUNDS / 2)]!
      console.log(`  ${p.name.padEnd(52)} 1 worker ${one.perSecond.toFixed(0).padStart(5)} req/s  p99 ${one.p99.toFixed(0).padStart(4)} ms  | 2 workers ${both.perSecond.toFixed(0).padStart(5)} req/s  p99 ${both.p99.toFixed(0).padStart(4)} ms`)
      record({ bench: 'pages', figure: `${p.name}, throughput with 2 workers (baseline: 1 worker)`, value: both.perSecond, baseline: one.perSecond, unit: 'req/s' })
      record({ bench: 'pages', figure: `${p.name}, p99 with 2 workers`, value: both.p99, unit: 'ms', goal: { of: 'value', atMost: 150 } })
    }
  } finally {
    two.stop()
  }
}
