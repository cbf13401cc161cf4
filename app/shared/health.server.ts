import type { Statement } from 'better-sqlite3'
import { db } from './db.server'

let ping: Statement | undefined

/** True when the database answers a query. */
export function checkDatabase(): boolean {
  try {
    ping ??= db.$client.prepare('select 1').pluck()
    return ping.get() === 1
  } catch {
    return false
  }
}
