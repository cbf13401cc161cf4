// The cost Lantern adds to every request: reading the session with the user,
// membership and organisation. Baseline: the same join as one hand-prepared
// better-sqlite3 statement, which is the floor for this query.
import { createCookie } from '@remix-run/node'
import { measure, report } from './measure'
import { demoDatabase } from './demo-data'
import { record } from './summary'

export async function runSessionBench() {
  const db = await demoDatabase()
  const { createUserSession, getSession } = await import('../../app/features/accounts/session.server')
  const cookie = (await createUserSession(1)).split(';')[0]!
  const request = new Request('http://localhost/', { headers: { Cookie: cookie } })
  const sessionId = db.$client.prepare('select id from sessions limit 1').pluck().get() as string

  const raw = db.$client.prepare(`
    select s.expires_at, u.id, u.email, u.name, u.is_platform_admin, o.id, o.name, o.approved_at, m.role
    from sessions s join users u on u.id = s.user_id
    left join memberships m on m.user_id = u.id left join organisations o on o.id = m.organisation_id
    where s.id = ? and s.expires_at > ?`)
  const baseline = await measure(() => raw.get(sessionId, Date.now()))
  const lookup = await measure(() => getSession(request))
  // The signed cookie is verified with an HMAC through WebCrypto on each request.
  const signed = createCookie('lantern_session', { secrets: [process.env.SESSION_SECRET!] })
  const header = await signed.serialize(sessionId)
  const verify = await measure(() => signed.parse(header))
  report(
    'Session lookup per request',
    [
      ['baseline: one prepared statement', baseline],
      ['cookie signature check alone', verify],
      ['getSession (signature + drizzle query)', lookup],
    ],
    baseline,
  )
  record({ bench: 'session', figure: 'getSession, median (baseline: one prepared statement)', value: lookup.median, baseline: baseline.median, unit: 'µs' })
}
