import { and, count, eq, gt, lt, ne } from 'drizzle-orm'
import { loginAttempts } from '../../../db/schema'
import { db } from '../../shared/db.server'
import { getEnv } from '../../shared/env.server'
import type { Outcome } from '../../shared/outcome'

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
      .where(and(...where, eq(loginAttempts.kind, 'login'), eq(loginAttempts.succeeded, false), gt(loginAttempts.createdAt, since)))
      .get()?.n ?? 0
  const minutes = env.LOGIN_WINDOW_MINUTES
  if (failures(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)) >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT) return { blocked: true, minutes, reason: 'account' }
  if (failures(eq(loginAttempts.ip, ip)) >= env.LOGIN_MAX_FAILURES_PER_IP) return { blocked: true, minutes, reason: 'ip' }
  return { blocked: false }
}

/**
 * Making an account answers whether an email has one already (the account
 * is made, or it is not). Without mail to confirm an address that cannot be
 * hidden, so it is rationed: a few tries per address per window, made or
 * not, which keeps a script from learning which emails have accounts at
 * any scale.
 */
export function accountCreationThrottle(ip: string, now = Date.now()): Throttle {
  const env = getEnv()
  const since = new Date(now - env.LOGIN_WINDOW_MINUTES * 60_000)
  const tries =
    db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), ne(loginAttempts.kind, 'login'), gt(loginAttempts.createdAt, since)))
      .get()?.n ?? 0
  return tries >= env.SIGN_UP_MAX_PER_IP ? { blocked: true, minutes: env.LOGIN_WINDOW_MINUTES, reason: 'ip' } : { blocked: false }
}

export type AttemptKind = 'login' | 'sign_up' | 'join'

/** Records an attempt, and forgets those the window no longer counts: nothing about who tried is kept longer than it is needed. */
export function recordLoginAttempt(email: string, ip: string, succeeded: boolean, now = Date.now(), kind: AttemptKind = 'login'): void {
  db.transaction((tx) => {
    tx.insert(loginAttempts).values({ kind, email, ip, succeeded }).run()
    tx.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(now - getEnv().LOGIN_WINDOW_MINUTES * 60_000))).run()
  })
}

/** Makes an account if this address has tries left, and counts the try, made or not. */
export async function rationedAccountCreation<T>(kind: 'sign_up' | 'join', email: string, ip: string, create: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  const throttle = accountCreationThrottle(ip)
  if (throttle.blocked) {
    return { ok: false, formErrors: [`Too many accounts have been tried from your network. Wait ${throttle.minutes} minutes, then try again.`] }
  }
  const outcome = await create()
  recordLoginAttempt(email, ip, outcome.ok, Date.now(), kind)
  return outcome
}
