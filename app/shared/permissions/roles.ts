// Roles and organisation types as DESIGN.md §2 and §4 name them. The codes are
// stored in the database and used in URLs, forms and tests.

export const MEMBERSHIP_ROLES = ['member', 'org_admin', 'coordinator', 'donor'] as const
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number]

/** Roles an organisation admin may hand out; coordinator and donor come from a platform admin. */
export const ORG_ASSIGNABLE_ROLES = ['member', 'org_admin'] as const satisfies readonly MembershipRole[]
export const PLATFORM_GRANTED_ROLES = ['coordinator', 'donor'] as const satisfies readonly MembershipRole[]

export const ROLE_LABELS: Record<MembershipRole, { label: string; description: string }> = {
  member: { label: 'Member', description: 'Creates and edits the organisation’s campaigns, surveys and results.' },
  org_admin: { label: 'Organisation admin', description: 'A member who also manages the organisation’s users and profile.' },
  coordinator: {
    label: 'Coordinator',
    description: 'Reads every campaign that is not a draft, reviews overlaps, exports who-does-what-where.',
  },
  donor: { label: 'Donor', description: 'Reads outcome dashboards of funded campaigns and published results; never edits.' },
}

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

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  ngo: 'NGO',
  government_agency: 'Government agency',
  international_organisation: 'International organisation',
  donor: 'Donor',
  coordinating_body: 'Coordinating body',
  private_sector: 'Private sector',
  faith_based: 'Faith-based organisation',
  media: 'Media',
}
