import { request, Agent } from 'node:http'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../app/shared/db.server'
import { PASSWORD } from '../factories'
import { baseUrl } from './browser'
import { scene, type Scene } from './scene'

// Malformed requests of every kind to every route of the running server,
// generated from the route files and the forms' field names: parameters,
// query strings, methods, body types, form fields, uploads and cookies. Each
// must get an answer under 500 with a message, never a stack trace. Bounded
// by FUZZ_SECONDS (npm test: 40; npm run fuzz: 600) and seeded by FUZZ_SEED,
// so a failure can be replayed.

const SECONDS = Number(process.env.FUZZ_SECONDS ?? 40)
const SEED = Number(process.env.FUZZ_SEED ?? 2026)

/** A route file's URL pattern, by Remix's flat-route rules: `.` separates segments, `[.]` is a dot, `$x` a parameter, `_index` the index, `_x` and `x_` nest without a segment. */
function patternOf(file: string): string {
  const name = file.replace(/\.tsx?$/, '').replaceAll('[.]', '~')
  const segments = name.split('.').flatMap((s) => {
    if (s === '_index' || s.startsWith('_')) return []
    return [s.replace(/_$/, '').replaceAll('~', '.')]
  })
  return `/${segments.join('/')}`
}
const ROUTES = [...new Set(readdirSync(join(process.cwd(), 'app/routes')).map(patternOf))]

/** Every field name and button value the app's forms use, read from their source. */
function formWords(): { names: string[]; values: string[] } {
  const names = new Set<string>(['intent', 'redirectTo', 'file', 'email', 'password'])
  const values = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) walk(path)
      else if (/\.tsx?$/.test(entry.name)) {
        const text = readFileSync(path, 'utf8')
        for (const m of text.matchAll(/name="([\w.[\]-]+)"/g)) names.add(m[1]!)
        for (const m of text.matchAll(/value="([\w-]+)"/g)) values.add(m[1]!)
        for (const m of text.matchAll(/^\s{2,}(\w+): z\./gm)) names.add(m[1]!)
      }
    }
  }
  walk(join(process.cwd(), 'app'))
  return { names: [...names], values: [...values] }
}
const WORDS = formWords()

const agent = new Agent({ keepAlive: false, maxSockets: 1 })
type Answer = { status: number; type: string; body: string }

function send(method: string, path: string, headers: Record<string, string>, body: Buffer | null): Promise<Answer> {
  const url = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers: { ...headers, ...(body ? { 'Content-Length': String(body.length) } : {}) }, agent, maxHeaderSize: 64 * 1024 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', (e) => reject(new Error(`${method} ${path.slice(0, 300)}: ${e.message}`)))
    req.end(body ?? undefined)
  })
}

let cookies: string[] = []
let ids: Record<string, string[]> = {}

async function logIn(email: string): Promise<string> {
  const form = new URLSearchParams({ email, password: PASSWORD }).toString()
  const url = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method: 'POST', path: '/login', headers: { Origin: url.origin, 'Content-Type': 'application/x-www-form-urlencoded' } }, (res) => {
      res.resume()
      const set = res.headers['set-cookie']?.find((c) => c.startsWith('lantern_session='))
      if (!set) reject(new Error(`no session for ${email} (${res.statusCode})`))
      else resolve(set.split(';')[0]!)
    })
    req.on('error', reject)
    req.end(form)
  })
}

const column = (sql: string) => (db.$client.prepare(sql).pluck().all() as (number | string)[]).slice(-5).map(String)

beforeAll(async () => {
  const s: Scene = await scene()
  cookies = await Promise.all(Object.values(s.people).map((p) => logIn(p.email)))
  const campaign = column('select id from campaigns')
  ids = {
    campaignId: campaign,
    organisationId: column('select id from organisations'),
    indicatorId: column('select id from indicators'),
    objectiveId: column('select id from objectives'),
    questionId: column('select id from survey_questions'),
    responseId: column('select id from survey_responses'),
    waveId: column('select id from survey_waves'),
    code: column('select code from standard_indicators'),
    token: ['x'],
  }
})

afterAll(() => {
  // The fuzz's failed log-ins must not lock the next test file's people out.
  db.$client.prepare('delete from login_attempts').run()
  agent.destroy()
})

// Text of every awkward kind: control and full-width characters, encodings, huge, empty, numbers that are not.
const awkward = fc.oneof(
  fc.constantFrom('', '0', '-1', '1e3', '1.5', '99999999999999999999', 'NaN', 'null', 'undefined', '[]', '{}', 'true', '\u0000', '\t\r\n', '／evil.example', '%', '%zz', '..%2F..', '=HYPERLINK("x")', '<script>', "' or 1=1 --", '\uFEFF', '\uD800'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer().map(String),
  fc.constantFrom(...WORDS.values),
  fc.constant('x'.repeat(4000)),
)
const encode = (s: string) => {
  try {
    return encodeURIComponent(s)
  } catch {
    return '%ED%A0%80' // a lone surrogate, as a browser would encode it
  }
}
// A path parameter: a real id (so the deeper code runs) or something awkward, sometimes left malformed on purpose.
const param = (name: string) => fc.oneof(fc.constantFrom(...(ids[name] ?? ['1'])), awkward.map(encode), fc.constantFrom('%', '%E0%A4%A', '%00', '..%2F', '%2e%2e'))
const query = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...WORDS.names), fc.string({ maxLength: 8 })), awkward), { maxLength: 4 }).map((pairs) =>
  pairs.length ? `?${pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')}` : '',
)
const fields = fc.array(fc.tuple(fc.constantFrom(...WORDS.names), awkward), { maxLength: 8 })
const file = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
  fc.constantFrom('respondent_code,wave\nR1,pre\n', '\uFEFFtitle;country\n"unclosed', 'PK\u0003\u0004binary', '', 'a,b\n'.repeat(3000)).map((t) => Buffer.from(t)),
)
const body = fc.oneof(
  fields.map((f) => ({ type: 'application/x-www-form-urlencoded', body: Buffer.from(new URLSearchParams(f).toString()) })),
  fc.tuple(fields, file).map(([f, bytes]) => {
    const b = 'fuzzboundary'
    const parts = f.map(([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('')
    const upload = Buffer.concat([Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\n`), bytes, Buffer.from(`\r\n--${b}--\r\n`)])
    return { type: `multipart/form-data; boundary=${b}`, body: Buffer.concat([Buffer.from(parts), upload]) }
  }),
  fc.constantFrom(
    { type: 'application/json', body: Buffer.from('{"intent":"delete"}') },
    { type: 'text/plain', body: Buffer.from('intent=delete') },
    { type: '', body: Buffer.from('a=1') },
    { type: 'multipart/form-data; boundary=nope', body: Buffer.from('--other\r\n\r\n') },
    { type: 'multipart/form-data', body: Buffer.from('--x\r\n') },
    { type: 'application/x-www-form-urlencoded', body: Buffer.from('%zz=%E0%A4&&==') },
  ),
)
const requests = fc.record({
  route: fc.constantFrom(...ROUTES),
  method: fc.constantFrom('GET', 'GET', 'POST', 'POST', 'POST', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
  query,
  body,
  who: fc.integer({ min: -1, max: 5 }),
  origin: fc.constantFrom('same', 'same', 'same', 'same', 'same', 'none', 'null', 'other'),
  seed: fc.nat(),
})

/** The route's pattern with its parameters filled in by `values`. */
function pathOf(route: string, values: Record<string, string>) {
  return route.replace(/\$(\w*)/g, (_, name: string) => values[name || '*'] ?? 'x')
}

describe('fuzzing every route of the running server', () => {
  it(`answers every malformed request with a 4xx and a message, never a 5xx (${SECONDS} s)`, async () => {
    let sent = 0
    const statuses = new Map<number, number>()
    const origin = new URL(baseUrl).origin
    await fc.assert(
      fc.asyncProperty(
        requests.chain((r) => {
          const names = [...r.route.matchAll(/\$(\w*)/g)].map((m) => m[1] || '*')
          return fc.record(Object.fromEntries(names.map((n) => [n, param(n)]))).map((values) => ({ ...r, path: pathOf(r.route, values as Record<string, string>) + r.query }))
        }),
        async (r) => {
          const headers: Record<string, string> = {}
          // Logging out ends the session the rest of the run uses: that route is fuzzed signed out.
          if (r.who >= 0 && !r.route.startsWith('/logout')) headers.Cookie = cookies[r.who % cookies.length]!
          if (r.who === -1) headers.Cookie = 'lantern_session=%E0%A4%A; other=\u00ff'
          if (r.origin === 'same') headers.Origin = origin
          else if (r.origin === 'null') headers.Origin = 'null'
          else if (r.origin === 'other') headers.Origin = 'https://evil.example'
          const withBody = r.method !== 'GET' && r.method !== 'HEAD'
          if (withBody && r.body.type) headers['Content-Type'] = r.body.type
          const answer = await send(r.method, r.path, headers, withBody ? r.body.body : null)
          sent++
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
          const what = `${r.method} ${r.path.slice(0, 200)} (${headers['Content-Type'] ?? 'no body type'})`
          expect(answer.status, what).toBeLessThan(500)
          expect(answer.body, `a stack trace from ${what}`).not.toMatch(/\n\s+at .+[(/].+:\d+:\d+/)
          if (answer.status >= 400 && r.method !== 'HEAD') expect(answer.body.trim().length, `a message from ${what}`).toBeGreaterThan(0)
        },
      ),
      { seed: SEED, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: SECONDS * 1000, endOnFailure: true },
    )
    const by = [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}×${n}`).join(', ')
    console.log(`fuzz: ${sent} requests to ${ROUTES.length} routes in ${SECONDS} s (seed ${SEED}); answers ${by}; 5xx: ${[...statuses].filter(([s]) => s >= 500).length}`)
    expect(sent).toBeGreaterThan(100)
  }, (SECONDS + 120) * 1000)
})
