import { asc, eq, isNull } from 'drizzle-orm'
import { campaigns, memberships, organisations, users } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import type { MembershipRole } from '../../shared/permissions/roles'
import { recordAudit } from '../../shared/audit.server'
import { db } from '../../shared/db.server'
import { notFound } from '../../shared/http.server'
import { assertCan } from '../../shared/permissions/permissions.server'
import { endAllSessionsOf } from '../accounts/index.server'
import { refreshAllPairs } from '../overlap/index.server'

export async function listOrganisationsForReview(actor: Actor) {
  assertCan(actor, 'platform.approve-organisation', null)
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      type: organisations.type,
      country: organisations.country,
      approvedAt: organisations.approvedAt,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .orderBy(asc(organisations.approvedAt), asc(organisations.name))
    .all()
}

export async function approveOrganisation(actor: Actor, organisationId: number) {
  assertCan(actor, 'platform.approve-organisation', organisationId)
  db.transaction((tx) => {
    const approved = tx
      .update(organisations)
      .set({ approvedAt: new Date(), approvedBy: actor.userId })
      .where(eq(organisations.id, organisationId))
      .returning({ id: organisations.id, approvedAt: organisations.approvedAt })
      .get()
    if (!approved) {
      if (!tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, organisationId)).get()) {
        notFound({ id: 'errors.no_such_organisation', defaultMessage: 'There is no such organisation.' })
      }
      return
    }
    recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId,
      action: 'organisation.approved',
      entityType: 'organisation',
      entityId: organisationId,
      before: { approved: false },
      after: { approved: true },
    })
  })
  // Its campaigns take part in overlaps from now on.
  refreshAllPairs(db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.organisationId, organisationId)).all().map((c) => c.id))
}

export async function pendingOrganisationCount(actor: Actor): Promise<number> {
  assertCan(actor, 'platform.approve-organisation', null)
  return db.select({ id: organisations.id }).from(organisations).where(isNull(organisations.approvedAt)).all().length
}

export async function listUsersWithRoles(actor: Actor) {
  assertCan(actor, 'platform.grant-role', null)
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      isPlatformAdmin: users.isPlatformAdmin,
      membershipId: memberships.id,
      role: memberships.role,
      organisationName: organisations.name,
      organisationType: organisations.type,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
    .orderBy(asc(organisations.name), asc(users.name))
    .all()
}

/** Platform admins grant any role, coordinator and donor among them; the member's sessions end. */
export async function grantRole(actor: Actor, membershipId: number, role: MembershipRole) {
  db.transaction((tx) => {
    const member = tx
      .select({ userId: memberships.userId, organisationId: memberships.organisationId, role: memberships.role, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.id, membershipId))
      .get()
    if (!member) notFound({ id: 'errors.no_such_membership', defaultMessage: 'There is no such membership.' })
    assertCan(actor, 'platform.grant-role', member.organisationId)
    if (member.role === role) return
    tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId)).run()
    endAllSessionsOf(member.userId, tx)
    recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: member.organisationId,
      action: 'member.role-granted',
      entityType: 'membership',
      entityId: membershipId,
      before: { email: member.email, role: member.role },
      after: { email: member.email, role },
    })
  })
}
