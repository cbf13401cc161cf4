import type { MembershipRole } from './roles'

// The single place that says who may do what (DESIGN.md §2). Services call
// `can` (through permissions.server.ts) before they read private data or write
// anything; routes never decide on their own.

export type Actor = {
  userId: number
  isPlatformAdmin: boolean
  /** null for a platform admin who belongs to no organisation. */
  membership: { organisationId: number; role: MembershipRole; organisationApproved: boolean } | null
}

export const ACTIONS = [
  'organisation.view', // read an organisation's profile
  'organisation.edit', // change its profile
  'members.manage', // invite, change roles, remove members
  'audit.view', // read an organisation's audit log
  'campaign.edit', // create and edit campaigns, surveys and results
  'survey.clear-personal-data', // say that a column flagged as personal data in an upload is not, with a reason
  'campaign.view-unpublished', // read campaigns that are not drafts, whatever their visibility
  'overlap.review', // review overlapping pairs in the coordination workspace
  'registry.export', // export who-does-what-where
  'dashboard.view', // outcome dashboards
  'standards.manage', // the shared library of standard indicators
  'platform.approve-organisation',
  'platform.grant-role',
] as const
export type Action = (typeof ACTIONS)[number]

/** Whether the target belongs to the actor's own organisation. */
export type Scope = 'own' | 'other'

type Rule = { own: boolean; other: boolean }
const both: Rule = { own: true, other: true }
const ownOnly: Rule = { own: true, other: false }
const never: Rule = { own: false, other: false }

type RoleKey = MembershipRole | 'platform_admin'

const RULES: Record<RoleKey, Record<Action, Rule>> = {
  member: {
    'organisation.view': both,
    'organisation.edit': never,
    'members.manage': never,
    'audit.view': never,
    'campaign.edit': ownOnly,
    'survey.clear-personal-data': never,
    'campaign.view-unpublished': ownOnly,
    'overlap.review': never,
    'registry.export': never,
    'dashboard.view': ownOnly,
    'standards.manage': never,
    'platform.approve-organisation': never,
    'platform.grant-role': never,
  },
  org_admin: {
    'organisation.view': both,
    'organisation.edit': ownOnly,
    'members.manage': ownOnly,
    'audit.view': ownOnly,
    'campaign.edit': ownOnly,
    'survey.clear-personal-data': ownOnly,
    'campaign.view-unpublished': ownOnly,
    'overlap.review': never,
    'registry.export': never,
    'dashboard.view': ownOnly,
    'standards.manage': never,
    'platform.approve-organisation': never,
    'platform.grant-role': never,
  },
  coordinator: {
    'organisation.view': both,
    'organisation.edit': never,
    'members.manage': never,
    'audit.view': never,
    'campaign.edit': never,
    'survey.clear-personal-data': never,
    'campaign.view-unpublished': both,
    'overlap.review': both,
    'registry.export': both,
    'dashboard.view': both,
    'standards.manage': both,
    'platform.approve-organisation': never,
    'platform.grant-role': never,
  },
  donor: {
    'organisation.view': both,
    'organisation.edit': never,
    'members.manage': never,
    'audit.view': never,
    'campaign.edit': never,
    'survey.clear-personal-data': never,
    'campaign.view-unpublished': never,
    'overlap.review': never,
    'registry.export': never,
    // Which campaigns a donor funds is decided by the dashboard service.
    'dashboard.view': both,
    'standards.manage': never,
    'platform.approve-organisation': never,
    'platform.grant-role': never,
  },
  platform_admin: {
    'organisation.view': both,
    'organisation.edit': never,
    'members.manage': never,
    'audit.view': never,
    'campaign.edit': never,
    'survey.clear-personal-data': never,
    'campaign.view-unpublished': never,
    // Platform admins run the platform; coordinating is a role given to people of a coordinating body.
    'overlap.review': never,
    'registry.export': never,
    'dashboard.view': never,
    'standards.manage': both,
    'platform.approve-organisation': both,
    'platform.grant-role': both,
  },
}

/** The roles an actor holds: its membership role and, separately, platform admin. */
export function rolesOf(actor: Actor): RoleKey[] {
  const roles: RoleKey[] = []
  if (actor.membership) roles.push(actor.membership.role)
  if (actor.isPlatformAdmin) roles.push('platform_admin')
  return roles
}

export function scopeOf(actor: Actor, organisationId: number | null): Scope {
  return actor.membership !== null && actor.membership.organisationId === organisationId ? 'own' : 'other'
}

/**
 * May `actor` perform `action` on something belonging to `organisationId`?
 * Pass null for platform-wide actions that belong to no organisation.
 */
export function can(actor: Actor, action: Action, organisationId: number | null): boolean {
  const scope = scopeOf(actor, organisationId)
  return rolesOf(actor).some((role) => RULES[role][action][scope])
}
