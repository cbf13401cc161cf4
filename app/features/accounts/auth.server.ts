import { eq } from 'drizzle-orm'
import { memberships, organisations, users } from '../../../db/schema'
import type { OrganisationType } from '../../shared/permissions/roles'
import { recordAudit } from '../../shared/audit.server'
import { db } from '../../shared/db.server'
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.server'
import { loginThrottle, rationedAccountCreation, recordLoginAttempt } from './rate-limit.server'
import { endAllSessionsOf } from './session.server'
import type { FieldErrors, Outcome } from '../../shared/outcome'
import { defineMessages, tr } from '../../shared/i18n'


const said = defineMessages({
  duplicateEmail: { id: 'accounts.auth.duplicate_email', defaultMessage: 'An account with this email address already exists. Log in instead, or use another address.' },
  badCredentials: { id: 'accounts.auth.bad_credentials', defaultMessage: 'The email address or password is not right. Check them and try again.' },
  throttled: {
    id: 'accounts.auth.throttled',
    defaultMessage: 'Too many failed log-in attempts for {who, select, account {this account from your network} other {your network}}. Wait {minutes, plural, one {# minute} other {# minutes}}, then try again.',
  },
  wrongPassword: { id: 'accounts.auth.wrong_password', defaultMessage: 'Your current password is not right' },
})

const duplicateEmail = (): FieldErrors => ({ email: [tr(said.duplicateEmail)] })

export function emailTaken(email: string): boolean {
  return db.select({ id: users.id }).from(users).where(eq(users.email, email)).get() !== undefined
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE'
}

export type SignUpInput = {
  name: string
  email: string
  password: string
  organisationName: string
  organisationType: OrganisationType
  country: string
}

/**
 * A new user with a new organisation that waits for a platform admin's
 * approval. The user becomes its organisation admin.
 */
export function signUp(input: SignUpInput, ip: string): Promise<Outcome<{ userId: number; organisationId: number }>> {
  return rationedAccountCreation('sign_up', input.email, ip, () => createAccount(input))
}

async function createAccount(input: SignUpInput): Promise<Outcome<{ userId: number; organisationId: number }>> {
  if (emailTaken(input.email)) return { ok: false, fieldErrors: duplicateEmail() }
  const passwordHash = await hashPassword(input.password)
  try {
    const value = db.transaction((tx) => {
      const organisation = tx
        .insert(organisations)
        .values({ name: input.organisationName, type: input.organisationType, country: input.country })
        .returning()
        .get()
      const user = tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning().get()
      const membership = tx
        .insert(memberships)
        .values({ userId: user.id, organisationId: organisation.id, role: 'org_admin' })
        .returning()
        .get()
      recordAudit(tx, {
        actorUserId: user.id,
        organisationId: organisation.id,
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: organisation.id,
        after: { name: organisation.name, type: organisation.type, country: organisation.country },
      })
      recordAudit(tx, {
        actorUserId: user.id,
        organisationId: organisation.id,
        action: 'member.joined',
        entityType: 'membership',
        entityId: membership.id,
        after: { email: user.email, name: user.name, role: membership.role },
      })
      return { userId: user.id, organisationId: organisation.id }
    })
    return { ok: true, value }
  } catch (error) {
    // Two sign-ups racing for the same email: the unique index decides.
    if (isUniqueViolation(error)) return { ok: false, fieldErrors: duplicateEmail() }
    throw error
  }
}

export async function logIn(email: string, password: string, ip: string): Promise<Outcome<{ userId: number }>> {
  const throttle = loginThrottle(email, ip)
  if (throttle.blocked) {
    return { ok: false, formErrors: [tr(said.throttled, { who: throttle.reason, minutes: throttle.minutes })] }
  }
  const user = db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email)).get()
  const valid = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password)
  recordLoginAttempt(email, ip, valid)
  if (!user || !valid) return { ok: false, formErrors: [tr(said.badCredentials)] }
  return { ok: true, value: { userId: user.id } }
}

/** Every other session of the user ends; the caller starts a fresh one. */
export async function changePassword(
  userId: number,
  currentPassword: string,
  newPassword: string,
): Promise<Outcome<null>> {
  const user = db.select().from(users).where(eq(users.id, userId)).get()
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: [tr(said.wrongPassword)] } }
  }
  const passwordHash = await hashPassword(newPassword)
  const membership = db.select().from(memberships).where(eq(memberships.userId, userId)).get()
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run()
    endAllSessionsOf(userId, tx)
    recordAudit(tx, {
      actorUserId: userId,
      organisationId: membership?.organisationId ?? null,
      action: 'user.password-changed',
      entityType: 'user',
      entityId: userId,
    })
  })
  return { ok: true, value: null }
}
