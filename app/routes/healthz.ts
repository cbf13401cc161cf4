import { checkDatabase } from '../shared/health.server'

// A resource route answers with a Response of its own: given a bare object,
// Remix logs a deprecation warning on every request, and probes call often.
export async function loader() {
  const ok = checkDatabase()
  return Response.json({ status: ok ? 'ok' : 'unavailable', database: ok }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
