import { eq } from 'drizzle-orm'
import { memberships, organisations, users } from '../../db/schema'
import { hashPassword } from '../../app/features/accounts/password.server'
import { createUserSession, getSession } from '../../app/features/accounts/session.server'
import type { MembershipRole, OrganisationType } from '../../app/shared/permissions/roles'
import { db } from '../../app/shared/db.server'
import { cookieFrom, get } from '../integration/helpers'
import { unique, uniqueCode } from './unique'

// Organisations and people, made directly in the test's database: each test
// makes the ones it needs instead of borrowing the demo's.

export const PASSWORD = 'a factory passphrase'
let hash: Promise<string> | undefined
// argon2 is slow on purpose: one hash per test file is enough.
const passwordHash = () => (hash ??= hashPassword(PASSWORD))

export type Organisation = { id: number; name: string; type: OrganisationType; country: string }

export function createOrganisation({ name, type = 'ngo', country = 'UA', approved = true }: { name?: string; type?: OrganisationType; country?: string; approved?: boolean } = {}): Organisation {
  const row = db
    .insert(organisations)
    .values({ name: name ?? unique('Organisation'), type, country, contactName: 'A. Contact', contactEmail: `${uniqueCode('contact')}@org.example`, approvedAt: approved ? new Date() : null })
    .returning()
    .get()
  return { id: row.id, name: row.name, type: row.type, country: row.country }
}

export type User = { id: number; email: string; name: string; organisationId: number | null; role: MembershipRole | null }

export async function createUser({ organisation, role = 'member', platformAdmin = false, email, name }: { organisation?: Pick<Organisation, 'id'> | null; role?: MembershipRole; platformAdmin?: boolean; email?: string; name?: string } = {}): Promise<User> {
  const user = db
    .insert(users)
    .values({ email: email ?? `${uniqueCode('person')}@people.example`, name: name ?? unique('Person'), passwordHash: await passwordHash(), isPlatformAdmin: platformAdmin })
    .returning()
    .get()
  if (organisation) db.insert(memberships).values({ userId: user.id, organisationId: organisation.id, role }).run()
  return { id: user.id, email: user.email, name: user.name, organisationId: organisation?.id ?? null, role: organisation ? role : null }
}

const TYPE_OF_ROLE: Record<MembershipRole, OrganisationType> = { member: 'ngo', org_admin: 'ngo', coordinator: 'coordinating_body', donor: 'donor' }

/** A person with a role in an organisation made for them (an NGO for members and admins, a coordinating body, a donor). */
export async function createPerson(role: MembershipRole = 'member', organisation?: Organisation) {
  const org = organisation ?? createOrganisation({ type: TYPE_OF_ROLE[role] })
  return { organisation: org, user: await createUser({ organisation: org, role }) }
}

/** The Cookie header of a fresh session (log-in itself has its own tests). */
export async function loginAs(user: Pick<User, 'id'>): Promise<string> {
  return cookieFrom(await createUserSession(user.id))
}

/** The actor a user is, for calling services directly. */
export async function actorOf(user: Pick<User, 'id'>) {
  return (await getSession(get('/', await loginAs(user))))!.actor
}

/** A user's membership as stored now, by id or by email. */
export const membershipOf = (user: Pick<User, 'id'> | { email: string }) =>
  db
    .select({ id: memberships.id, role: memberships.role, organisationId: memberships.organisationId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where('id' in user ? eq(users.id, user.id) : eq(users.email, user.email))
    .get()
