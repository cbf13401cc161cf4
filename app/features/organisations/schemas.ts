import { z } from 'zod'
import { MEMBERSHIP_ROLES, ORG_ASSIGNABLE_ROLES, ORGANISATION_TYPES, PLATFORM_GRANTED_ROLES } from '../../shared/permissions/roles'
import { countryField, idField, optionalUrlField } from '../../shared/ui/fields'

export const organisationProfileSchema = z.object({
  name: z
    .string({ error: 'Enter the organisation’s name' })
    .trim()
    .min(2, 'Organisation name must be at least 2 characters')
    .max(160, 'Organisation name must be 160 characters or fewer'),
  type: z.enum(ORGANISATION_TYPES, { error: 'Choose the type of organisation' }),
  country: countryField,
  contactName: z.string().trim().max(120, 'Contact name must be 120 characters or fewer').optional(),
  contactEmail: z
    .email({ error: 'Enter a contact email in the correct format, like name@example.org' })
    .max(254)
    .optional(),
  website: optionalUrlField,
  iatiIdentifier: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2}-[A-Z0-9]+-\S+$/, 'Enter the identifier as org-id.guide gives it: the agency prefix, a hyphen, then the number, like GB-CHC-1234567')
    .max(100, 'The identifier must be 100 characters or fewer')
    .optional(),
})
export type OrganisationProfile = z.infer<typeof organisationProfileSchema>

export const createInviteSchema = z.object({
  intent: z.literal('create-invite'),
  role: z.enum(ORG_ASSIGNABLE_ROLES, { error: 'Choose the role the new member will have' }),
})

export const changeRoleSchema = z.object({
  intent: z.literal('change-role'),
  membershipId: idField,
  role: z.enum(ORG_ASSIGNABLE_ROLES, { error: 'Choose a role' }),
})

export const removeMemberSchema = z.object({
  intent: z.literal('remove-member'),
  membershipId: idField,
})

export const memberActionSchema = z.discriminatedUnion('intent', [createInviteSchema, changeRoleSchema, removeMemberSchema], {
  error: 'Unknown action',
})

export const approveOrganisationSchema = z.object({
  intent: z.literal('approve'),
  organisationId: idField,
})

export const grantRoleSchema = z.object({
  membershipId: idField,
  role: z.enum(MEMBERSHIP_ROLES, { error: 'Choose a role' }),
})
export const PLATFORM_ROLE_CHOICES = [...ORG_ASSIGNABLE_ROLES, ...PLATFORM_GRANTED_ROLES]
