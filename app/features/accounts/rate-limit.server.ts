import { and, count, eq, gt, lt } from 'drizzle-orm'
import { loginAttempts } from '../../../db/schema'
import { db } from '../../shared/db.server'
import { getEnv } from '../../shared/env.server'

export type Throttle = { blocked: false } | { blocked: true; minutes: number; reason: 'account' | 'ip' }

/**
 * Failed log-ins are counted in a sliding window kept in the database, so the
 * limit holds across restarts and processes: per account *from one address*,
 * and per address across accounts. Failures stop the address they come from,
 * never the account's owner elsewhere: whoever knows an email cannot lock its
 * owner out.
 */
export function loginThrottle(email: string, ip: string, now = Date.now()): Throttle {
  const env = getEnv()
  const since = new Date(now - env.LOGIN_WINDOW_MINUTES * 60_000)
  const failures = (...where: ReturnType<typeof eq>[]) =>
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(...where, eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)))
      .get()?.n ?? 0
  const minutes = env.LOGIN_WINDOW_MINUTES
  if (failures(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)) >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT) return { blocked: true, minutes, reason: 'account' }
  if (failures(eq(loginAttempts.ip, ip)) >= env.LOGIN_MAX_FAILURES_PER_IP) return { blocked: true, minutes, reason: 'ip' }
  return { blocked: false }
}

/** Records an attempt, and forgets those the window no longer counts: nothing about who tried is kept longer than it is needed. */
export function recordLoginAttempt(email: string, ip: string, succeeded: boolean, now = Date.now()): void {
  db.transaction((tx) => {
    tx.insert(loginAttempts).values({ email, ip, succeeded }).run()
    tx.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(now - getEnv().LOGIN_WINDOW_MINUTES * 60_000))).run()
  })
}
