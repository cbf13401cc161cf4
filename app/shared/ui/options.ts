import type { Term } from '../taxonomy/taxonomy'
import { COUNTRIES } from '../taxonomy/countries'
import { ORG_ASSIGNABLE_ROLES, ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES, ROLE_LABELS, type MembershipRole } from '../permissions/roles'
import type { Message, Translator } from '../i18n'

// Select options built from the domain lists, so forms never spell codes
// twice, in the reader's language and in the reader's alphabetical order.

const byLabel = (t: Translator) => {
  const collator = new Intl.Collator(t.locale)
  return (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label)
}

export const organisationTypeOptions = (t: Translator['t']) => ORGANISATION_TYPES.map((value) => ({ value, label: t(ORGANISATION_TYPE_LABELS[value]) }))

export const countryOptions = (t: Translator) =>
  COUNTRIES.map((c) => ({ value: c.code, label: `${t.country(c.code)} (${c.code})` })).sort(byLabel(t))

export const roleOptions = (t: Translator['t'], roles: readonly MembershipRole[] = ORG_ASSIGNABLE_ROLES) => roles.map((value) => ({ value, label: t(ROLE_LABELS[value]) }))

type TermList = { terms: readonly Term[]; message: (code: string) => Message; hint: (code: string) => Message }

/** Choices from a taxonomy list, translated; with hints, each shows its one-line description. */
export const termChoices = (t: Translator['t'], list: TermList, withHints = false) =>
  list.terms.map((term) => ({ value: term.code, label: t(list.message(term.code)), hint: withHints ? t(list.hint(term.code)) : undefined }))
