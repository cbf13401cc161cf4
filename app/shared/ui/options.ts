import type { Term } from '../taxonomy/taxonomy'
import { COUNTRIES } from '../taxonomy/countries'
import { ORG_ASSIGNABLE_ROLES, ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, ROLE_LABELS, type MembershipRole } from '../permissions/roles'

// Select options built from the domain lists, so forms never spell codes twice.

export const ORGANISATION_TYPE_OPTIONS = ORGANISATION_TYPES.map((value) => ({ value, label: ORGANISATION_TYPE_LABELS[value] }))

export const COUNTRY_OPTIONS = COUNTRIES.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))

export const roleOptions = (roles: readonly MembershipRole[]) => roles.map((value) => ({ value, label: ROLE_LABELS[value].label }))

export const ORG_ROLE_OPTIONS = roleOptions(ORG_ASSIGNABLE_ROLES)

/** Choices from a taxonomy list; with hints, each shows its one-line description. */
export const termChoices = (terms: readonly Term[], withHints = false) =>
  terms.map((t) => ({ value: t.code, label: t.label, hint: withHints ? t.description : undefined }))
