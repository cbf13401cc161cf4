import { and, count, eq, gt } from 'drizzle-orm'
import { loginAttempts } from '../../../db/schema'
import { db } from '../../shared/db.server'
import { getEnv } from '../../shared/env.server'

export type Throttle = { blocked: false } | { blocked: true; minutes: number; reason: 'account' | 'ip' }

/**
 * Failed log-ins are counted per account and per IP in a sliding window kept
 * in the database, so the limit holds across restarts and processes.
 */
export function loginThrottle(email: string, ip: string, now = Date.now()): Throttle {
  const env = getEnv()
  const since = new Date(now - env.LOGIN_WINDOW_MINUTES * 60_000)
  const failures = (column: typeof loginAttempts.email | typeof loginAttempts.ip, value: string) =>
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(column, value), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)))
      .get()?.n ?? 0
  const minutes = env.LOGIN_WINDOW_MINUTES
  if (failures(loginAttempts.email, email) >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT) return { blocked: true, minutes, reason: 'account' }
  if (failures(loginAttempts.ip, ip) >= env.LOGIN_MAX_FAILURES_PER_IP) return { blocked: true, minutes, reason: 'ip' }
  return { blocked: false }
}

export function recordLoginAttempt(email: string, ip: string, succeeded: boolean): void {
  db.insert(loginAttempts).values({ email, ip, succeeded }).run()
}
