import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, gt, isNull } from 'drizzle-orm'
import { invites, memberships, organisations, users } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import type { MembershipRole } from '../../shared/permissions/roles'
import { recordAudit } from '../../shared/audit.server'
import { emailTaken, isUniqueViolation, hashPassword, rationedAccountCreation } from '../accounts/index.server'
import type { Outcome } from '../../shared/outcome'
import { db } from '../../shared/db.server'
import { assertCan } from '../../shared/permissions/permissions.server'
import { defineMessages, tr } from '../../shared/i18n'
import { DAY_MS, INVITE_TTL_DAYS } from '../../shared/permissions/policy'

const INVITE_TTL_MS = INVITE_TTL_DAYS * DAY_MS

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** Returns the raw token once; only its hash is stored. */
export async function createInvite(actor: Actor, organisationId: number, role: MembershipRole) {
  assertCan(actor, 'members.manage', organisationId)
  const token = randomBytes(24).toString('base64url')
  const expiresAt = new Date(Date.now() + INVITE_TTL_MS)
  db.transaction((tx) => {
    const invite = tx
      .insert(invites)
      .values({ tokenHash: hashToken(token), organisationId, role, createdBy: actor.userId, expiresAt })
      .returning()
      .get()
    recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId,
      action: 'invite.created',
      entityType: 'invite',
      entityId: invite.id,
      after: { role, expiresAt: expiresAt.toISOString() },
    })
  })
  return { token, role, expiresAt }
}

export async function listOpenInvites(actor: Actor, organisationId: number) {
  assertCan(actor, 'members.manage', organisationId)
  return db
    .select({ id: invites.id, role: invites.role, expiresAt: invites.expiresAt, createdAt: invites.createdAt })
    .from(invites)
    .where(and(eq(invites.organisationId, organisationId), isNull(invites.usedAt), gt(invites.expiresAt, new Date())))
    .orderBy(desc(invites.createdAt))
    .all()
}

export type InviteState =
  | { status: 'valid'; organisationName: string; role: MembershipRole }
  | { status: 'used' | 'expired' | 'unknown' }

export async function inspectInvite(token: string): Promise<InviteState> {
  const row = db
    .select({
      role: invites.role,
      usedAt: invites.usedAt,
      expiresAt: invites.expiresAt,
      organisationName: organisations.name,
    })
    .from(invites)
    .innerJoin(organisations, eq(organisations.id, invites.organisationId))
    .where(eq(invites.tokenHash, hashToken(token)))
    .get()
  if (!row) return { status: 'unknown' }
  if (row.usedAt) return { status: 'used' }
  if (row.expiresAt.getTime() <= Date.now()) return { status: 'expired' }
  return { status: 'valid', organisationName: row.organisationName, role: row.role }
}

/** Creates the user and the membership, and spends the invite, all at once. */
export function acceptInvite(token: string, input: { name: string; email: string; password: string }, ip: string): Promise<Outcome<{ userId: number }>> {
  return rationedAccountCreation('join', input.email, ip, () => join(token, input))
}

async function join(token: string, input: { name: string; email: string; password: string }): Promise<Outcome<{ userId: number }>> {
  if (emailTaken(input.email)) {
    return { ok: false, fieldErrors: { email: [tr(said.emailTaken)] } }
  }
  const passwordHash = await hashPassword(input.password)
  try {
    return db.transaction((tx): Outcome<{ userId: number }> => {
      // Spending the invite is the guarded step: a second use finds no row.
      const invite = tx
        .update(invites)
        .set({ usedAt: new Date() })
        .where(and(eq(invites.tokenHash, hashToken(token)), isNull(invites.usedAt), gt(invites.expiresAt, new Date())))
        .returning()
        .get()
      if (!invite) return { ok: false, formErrors: [tr(said.expired)] }
      const user = tx.insert(users).values({ email: input.email, name: input.name, passwordHash }).returning().get()
      tx.update(invites).set({ usedBy: user.id }).where(eq(invites.id, invite.id)).run()
      const membership = tx
        .insert(memberships)
        .values({ userId: user.id, organisationId: invite.organisationId, role: invite.role })
        .returning()
        .get()
      recordAudit(tx, {
        actorUserId: user.id,
        organisationId: invite.organisationId,
        action: 'member.joined',
        entityType: 'membership',
        entityId: membership.id,
        after: { email: user.email, name: user.name, role: invite.role, inviteId: invite.id },
      })
      return { ok: true, value: { userId: user.id } }
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      return { ok: false, fieldErrors: { email: [tr(said.emailTaken)] } }
    }
    throw error
  }
}

const said = defineMessages({
  emailTaken: { id: 'organisations.invites.email_taken', defaultMessage: 'An account with this email address already exists. Use another address.' },
  expired: { id: 'organisations.invites.expired', defaultMessage: 'This invite link has expired or has already been used. Ask for a new one.' },
})
