import { defineMessages, type Message } from '../i18n/messages'
// Roles and organisation types as DESIGN.md §2 and §4 name them. The codes are
// stored in the database and used in URLs, forms and tests.

export const MEMBERSHIP_ROLES = ['member', 'org_admin', 'coordinator', 'donor'] as const
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number]

/** Roles an organisation admin may hand out; coordinator and donor come from a platform admin. */
export const ORG_ASSIGNABLE_ROLES = ['member', 'org_admin'] as const satisfies readonly MembershipRole[]
export const PLATFORM_GRANTED_ROLES = ['coordinator', 'donor'] as const satisfies readonly MembershipRole[]

export const ROLE_LABELS = defineMessages({
  member: { id: 'roles.member', defaultMessage: 'Member' },
  org_admin: { id: 'roles.org_admin', defaultMessage: 'Organisation admin' },
  coordinator: { id: 'roles.coordinator', defaultMessage: 'Coordinator' },
  donor: { id: 'roles.donor', defaultMessage: 'Donor' },
  platform_admin: { id: 'roles.platform_admin', defaultMessage: 'Platform admin' },
}) satisfies Record<MembershipRole | 'platform_admin', Message>

export const ROLE_DESCRIPTIONS = defineMessages({
  member: { id: 'roles.member.description', defaultMessage: 'Creates and edits the organisation’s campaigns, surveys and results.' },
  org_admin: { id: 'roles.org_admin.description', defaultMessage: 'A member who also manages the organisation’s users and profile.' },
  coordinator: { id: 'roles.coordinator.description', defaultMessage: 'Reads every campaign that is not a draft, reviews overlaps, exports who-does-what-where.' },
  donor: { id: 'roles.donor.description', defaultMessage: 'Reads outcome dashboards of funded campaigns and published results; never edits.' },
}) satisfies Record<MembershipRole, Message>

export const ORGANISATION_TYPES = [
  'ngo',
  'government_agency',
  'international_organisation',
  'donor',
  'coordinating_body',
  'private_sector',
  'faith_based',
  'media',
] as const
export type OrganisationType = (typeof ORGANISATION_TYPES)[number]

export const ORGANISATION_TYPE_LABELS = defineMessages({
  ngo: { id: 'organisation_types.ngo', defaultMessage: 'NGO' },
  government_agency: { id: 'organisation_types.government_agency', defaultMessage: 'Government agency' },
  international_organisation: { id: 'organisation_types.international_organisation', defaultMessage: 'International organisation' },
  donor: { id: 'organisation_types.donor', defaultMessage: 'Donor' },
  coordinating_body: { id: 'organisation_types.coordinating_body', defaultMessage: 'Coordinating body' },
  private_sector: { id: 'organisation_types.private_sector', defaultMessage: 'Private sector' },
  faith_based: { id: 'organisation_types.faith_based', defaultMessage: 'Faith-based organisation' },
  media: { id: 'organisation_types.media', defaultMessage: 'Media' },
}) satisfies Record<OrganisationType, Message>
