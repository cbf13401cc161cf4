import { z } from 'zod'
import { MEMBERSHIP_ROLES, ORG_ASSIGNABLE_ROLES, ORGANISATION_TYPES, PLATFORM_GRANTED_ROLES } from '../../shared/permissions/roles'
import { countryField, idField, optionalUrlField } from '../../shared/ui/fields'
import { isTimeZone, lazy } from '../../shared/i18n'

export const organisationProfileSchema = z.object({
  name: z
    .string({ error: lazy({ id: 'organisations.schemas.enter_the_organisation_s_name', defaultMessage: 'Enter the organisation’s name' }) })
    .trim()
    .min(2, { error: lazy({ id: 'organisations.schemas.organisation_name_must_be_at_least', defaultMessage: 'Organisation name must be at least 2 characters' }) })
    .max(160, { error: lazy({ id: 'organisations.schemas.organisation_name_must_be_160_characters', defaultMessage: 'Organisation name must be 160 characters or fewer' }) }),
  type: z.enum(ORGANISATION_TYPES, { error: lazy({ id: 'organisations.schemas.choose_the_type_of_organisation', defaultMessage: 'Choose the type of organisation' }) }),
  country: countryField,
  contactName: z.string().trim().max(120, { error: lazy({ id: 'organisations.schemas.contact_name_must_be_120_characters', defaultMessage: 'Contact name must be 120 characters or fewer' }) }).optional(),
  contactEmail: z
    .email({ error: lazy({ id: 'organisations.schemas.enter_a_contact_email_in_the', defaultMessage: 'Enter a contact email in the correct format, like name@example.org' }) })
    .max(254)
    .optional(),
  website: optionalUrlField,
  iatiIdentifier: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{2}-[A-Z0-9]+-\S+$/, { error: lazy({ id: 'organisations.schemas.enter_the_identifier_as_org_id', defaultMessage: 'Enter the identifier as org-id.guide gives it: the agency prefix, a hyphen, then the number, like GB-CHC-1234567' }) })
    .max(100, { error: lazy({ id: 'organisations.schemas.the_identifier_must_be_100_characters', defaultMessage: 'The identifier must be 100 characters or fewer' }) })
    .optional(),
  timeZone: z
    .string({ error: lazy({ id: 'organisations.schemas.choose_time_zone', defaultMessage: 'Choose the time zone your organisation works in' }) })
    .refine(isTimeZone, { error: lazy({ id: 'organisations.schemas.unknown_time_zone', defaultMessage: 'Choose a time zone from the list, like Asia/Kathmandu' }) }),
})
export type OrganisationProfile = z.infer<typeof organisationProfileSchema>

export const createInviteSchema = z.object({
  intent: z.literal('create-invite'),
  role: z.enum(ORG_ASSIGNABLE_ROLES, { error: lazy({ id: 'organisations.schemas.choose_the_role_the_new_member', defaultMessage: 'Choose the role the new member will have' }) }),
})

export const changeRoleSchema = z.object({
  intent: z.literal('change-role'),
  membershipId: idField,
  role: z.enum(ORG_ASSIGNABLE_ROLES, { error: lazy({ id: 'organisations.schemas.choose_a_role', defaultMessage: 'Choose a role' }) }),
})

export const removeMemberSchema = z.object({
  intent: z.literal('remove-member'),
  membershipId: idField,
})

export const memberActionSchema = z.discriminatedUnion('intent', [createInviteSchema, changeRoleSchema, removeMemberSchema], {
  error: lazy({ id: 'organisations.schemas.unknown_action', defaultMessage: 'Unknown action' }),
})

export const approveOrganisationSchema = z.object({
  intent: z.literal('approve'),
  organisationId: idField,
})

export const grantRoleSchema = z.object({
  membershipId: idField,
  role: z.enum(MEMBERSHIP_ROLES, { error: lazy({ id: 'organisations.schemas.choose_a_role', defaultMessage: 'Choose a role' }) }),
})
export const PLATFORM_ROLE_CHOICES = [...ORG_ASSIGNABLE_ROLES, ...PLATFORM_GRANTED_ROLES]
