import { createHash, randomBytes } from 'node:crypto'
import { createCookie } from '@remix-run/node'
import { and, eq, gt, lt, sql } from 'drizzle-orm'
import { memberships, organisations, sessions, users } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import { DAY_MS, SESSION_TTL_DAYS } from '../../shared/permissions/policy'
import type { MembershipRole } from '../../shared/permissions/roles'
import { db } from '../../shared/db.server'
import { getEnv, secureCookies } from '../../shared/env.server'
import { redirect } from '../../shared/http.server'

export const SESSION_TTL_MS = SESSION_TTL_DAYS * DAY_MS
// The expiry slides forward at most once a day, so most requests do no write.
const REFRESH_AFTER_MS = DAY_MS

let cookie: ReturnType<typeof createCookie> | undefined
function sessionCookie() {
  const env = getEnv()
  cookie ??= createCookie('lantern_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(env),
    path: '/',
    secrets: [env.SESSION_SECRET],
    maxAge: SESSION_TTL_MS / 1000,
  })
  return cookie
}

export type CurrentUser = {
  id: number
  email: string
  name: string
  isPlatformAdmin: boolean
  /** The language chosen for Lantern's pages; null follows the browser. */
  locale: string | null
  organisation: { id: number; name: string; approved: boolean; timeZone: string } | null
  role: MembershipRole | null
}

export type SessionInfo = {
  sessionId: string
  user: CurrentUser
  actor: Actor
  /** A Set-Cookie value when the sliding expiry moved; the root loader sends it. */
  refreshedCookie: string | null
}

/**
 * The database keeps a hash of each session id, never the id the cookie
 * carries: a copy of the database (a backup, a leak) opens no session.
 */
const storedId = (sessionId: string) => createHash('sha256').update(sessionId).digest('base64url')

export async function createUserSession(userId: number): Promise<string> {
  const id = randomBytes(32).toString('base64url')
  db.insert(sessions)
    .values({ id: storedId(id), userId, expiresAt: new Date(Date.now() + SESSION_TTL_MS) })
    .run()
  return sessionCookie().serialize(id)
}

async function readSessionId(request: Request): Promise<string | null> {
  // A tampered or unsigned cookie parses to null: the visitor is simply logged out.
  const value: unknown = await sessionCookie().parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

// Built once: this runs on every request, and drizzle's query builder costs
// far more than the query itself (npm run bench).
let prepared: ReturnType<typeof buildSessionQuery> | undefined
const sessionQuery = () => (prepared ??= buildSessionQuery())
function buildSessionQuery() {
  return db
    .select({
      expiresAt: sessions.expiresAt,
      id: users.id,
      email: users.email,
      name: users.name,
      isPlatformAdmin: users.isPlatformAdmin,
      locale: users.locale,
      organisationId: organisations.id,
      organisationName: organisations.name,
      approvedAt: organisations.approvedAt,
      timeZone: organisations.timeZone,
      role: memberships.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), gt(sessions.expiresAt, sql.placeholder('now'))))
    .prepare()
}

export async function getSession(request: Request): Promise<SessionInfo | null> {
  const sessionId = await readSessionId(request)
  if (!sessionId) return null
  const now = Date.now()
  const stored = storedId(sessionId)
  const row = sessionQuery().get({ sessionId: stored, now }) // placeholders are bound raw: milliseconds, as stored
  if (!row) return null

  let refreshedCookie: string | null = null
  if (row.expiresAt.getTime() - now < SESSION_TTL_MS - REFRESH_AFTER_MS) {
    db.update(sessions)
      .set({ expiresAt: new Date(now + SESSION_TTL_MS) })
      .where(eq(sessions.id, stored))
      .run()
    refreshedCookie = await sessionCookie().serialize(sessionId)
  }

  const organisation =
    row.organisationId !== null && row.organisationName !== null
      ? { id: row.organisationId, name: row.organisationName, approved: row.approvedAt !== null, timeZone: row.timeZone ?? 'UTC' }
      : null
  const user: CurrentUser = {
    id: row.id,
    email: row.email,
    name: row.name,
    isPlatformAdmin: row.isPlatformAdmin,
    locale: row.locale,
    organisation,
    role: row.role,
  }
  const actor: Actor = {
    userId: row.id,
    isPlatformAdmin: row.isPlatformAdmin,
    membership:
      organisation && row.role
        ? { organisationId: organisation.id, role: row.role, organisationApproved: organisation.approved }
        : null,
  }
  return { sessionId, user, actor, refreshedCookie }
}

const MAX_RETURN_LENGTH = 2000

/** The signed-in session, or a redirect to the log-in page that comes back here. */
export async function requireSession(request: Request): Promise<SessionInfo> {
  const session = await getSession(request)
  if (!session) {
    const url = new URL(request.url)
    // A page's filters come back after log-in; an address longer than any Lantern makes comes back without them.
    const back = url.pathname.length + url.search.length > MAX_RETURN_LENGTH ? url.pathname.slice(0, MAX_RETURN_LENGTH) : url.pathname + url.search
    throw redirect(back === '/' ? '/login' : `/login?${new URLSearchParams({ redirectTo: back })}`)
  }
  return session
}

/** Ends the session in the database, not only in the browser. */
export async function destroySession(request: Request): Promise<string> {
  const sessionId = await readSessionId(request)
  if (sessionId) db.delete(sessions).where(eq(sessions.id, storedId(sessionId))).run()
  return sessionCookie().serialize('', { maxAge: 0 })
}

export function endAllSessionsOf(userId: number, tx: Pick<typeof db, 'delete'> = db): void {
  tx.delete(sessions).where(eq(sessions.userId, userId)).run()
}

export function purgeExpiredSessions(): void {
  db.delete(sessions).where(lt(sessions.expiresAt, new Date())).run()
}
