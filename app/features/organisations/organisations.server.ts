import { and, asc, eq } from 'drizzle-orm'
import { memberships, organisations, users } from '../../../db/schema'
import { scopeOf, type Actor } from '../../shared/permissions/permissions'
import type { MembershipRole } from '../../shared/permissions/roles'
import type { OrganisationProfile } from './schemas'
import { recordAudit } from '../../shared/audit.server'
import { db, type Tx } from '../../shared/db.server'
import { notFound } from '../../shared/http.server'
import { assertCan } from '../../shared/permissions/permissions.server'
import { agencyOf, registrationAgencies } from '../../shared/standards/agencies.server'
import { endAllSessionsOf } from '../accounts/index.server'
import { tr } from '../../shared/i18n'
import type { Outcome } from '../../shared/outcome'

export async function getOrganisation(actor: Actor, organisationId: number) {
  assertCan(actor, 'organisation.view', organisationId)
  const organisation = db.select().from(organisations).where(eq(organisations.id, organisationId)).get()
  if (!organisation) notFound({ id: 'errors.no_such_organisation', defaultMessage: 'There is no such organisation.' })
  // Until a platform admin approves it, an organisation is visible only to its own members.
  const hidden = organisation.approvedAt === null && scopeOf(actor, organisationId) === 'other' && !actor.isPlatformAdmin
  if (hidden) notFound({ id: 'errors.no_such_organisation', defaultMessage: 'There is no such organisation.' })
  return organisation
}

function profileOf(o: typeof organisations.$inferSelect) {
  return {
    name: o.name,
    type: o.type,
    country: o.country,
    contactName: o.contactName,
    contactEmail: o.contactEmail,
    website: o.website,
    iatiIdentifier: o.iatiIdentifier,
    timeZone: o.timeZone,
  }
}

/** Saves the profile; an IATI identifier must start with a registration agency IATI approves. */
export async function updateOrganisationProfile(actor: Actor, organisationId: number, input: OrganisationProfile): Promise<Outcome<null>> {
  assertCan(actor, 'organisation.edit', organisationId)
  if (input.iatiIdentifier && !registrationAgencies().has(agencyOf(input.iatiIdentifier))) {
    return { ok: false, fieldErrors: { iatiIdentifier: [tr({ id: 'organisations.not_an_agency', defaultMessage: '{prefix} is not a registration agency IATI approves. Find your organisation’s identifier on org-id.guide.' }, { prefix: agencyOf(input.iatiIdentifier) })] } }
  }
  db.transaction((tx) => {
    const before = tx.select().from(organisations).where(eq(organisations.id, organisationId)).get()
    if (!before) notFound({ id: 'errors.no_such_organisation', defaultMessage: 'There is no such organisation.' })
    const after = tx
      .update(organisations)
      .set({
        name: input.name,
        type: input.type,
        country: input.country,
        contactName: input.contactName ?? null,
        contactEmail: input.contactEmail ?? null,
        website: input.website ?? null,
        iatiIdentifier: input.iatiIdentifier ?? null,
        timeZone: input.timeZone,
      })
      .where(eq(organisations.id, organisationId))
      .returning()
      .get()
    recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId,
      action: 'organisation.updated',
      entityType: 'organisation',
      entityId: organisationId,
      before: profileOf(before),
      after: profileOf(after),
    })
  })
  return { ok: true, value: null }
}

export async function listMembers(actor: Actor, organisationId: number) {
  assertCan(actor, 'members.manage', organisationId)
  return db
    .select({
      membershipId: memberships.id,
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      since: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(asc(users.name))
    .all()
}


function membershipInOrganisation(tx: Tx, membershipId: number, organisationId: number) {
  const row = tx
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, organisationId)))
    .get()
  if (!row) notFound({ id: 'errors.not_a_member', defaultMessage: 'That person is not a member of this organisation.' })
  return row
}

function countAdmins(tx: Tx, organisationId: number): number {
  return tx
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'org_admin')))
    .all().length
}

const lastAdmin = () => tr({ id: 'organisations.last_admin', defaultMessage: 'An organisation needs at least one organisation admin. Make someone else an admin first.' })

/** A role change ends the member's sessions, so the new role applies at once. */
export async function changeMemberRole(
  actor: Actor,
  organisationId: number,
  membershipId: number,
  role: MembershipRole,
): Promise<Outcome<null>> {
  assertCan(actor, 'members.manage', organisationId)
  return db.transaction((tx) => {
    const member = membershipInOrganisation(tx, membershipId, organisationId)
    if (member.role === role) return { ok: true, value: null }
    if (member.role === 'org_admin' && countAdmins(tx, organisationId) === 1) return { ok: false, formErrors: [lastAdmin()] }
    tx.update(memberships).set({ role }).where(eq(memberships.id, membershipId)).run()
    endAllSessionsOf(member.userId, tx)
    recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId,
      action: 'member.role-changed',
      entityType: 'membership',
      entityId: membershipId,
      before: { email: member.email, role: member.role },
      after: { email: member.email, role },
    })
    return { ok: true, value: null }
  })
}

export async function removeMember(actor: Actor, organisationId: number, membershipId: number): Promise<Outcome<null>> {
  assertCan(actor, 'members.manage', organisationId)
  return db.transaction((tx) => {
    const member = membershipInOrganisation(tx, membershipId, organisationId)
    if (member.role === 'org_admin' && countAdmins(tx, organisationId) === 1) return { ok: false, formErrors: [lastAdmin()] }
    tx.delete(memberships).where(eq(memberships.id, membershipId)).run()
    endAllSessionsOf(member.userId, tx)
    recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId,
      action: 'member.removed',
      entityType: 'membership',
      entityId: membershipId,
      before: { email: member.email, role: member.role },
    })
    return { ok: true, value: null }
  })
}
