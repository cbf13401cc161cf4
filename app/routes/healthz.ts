import { data } from '@remix-run/node'
import { checkDatabase } from '../shared/health.server'

export async function loader() {
  const ok = checkDatabase()
  return data({ status: ok ? 'ok' : 'unavailable', database: ok }, { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
