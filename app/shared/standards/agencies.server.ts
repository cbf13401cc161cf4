import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { create } from 'xmlbuilder2'

// The organisation registration agencies IATI approves (the prefixes of
// org-id.guide identifiers, such as GB-CHC or UA-EDR), read from a verbatim
// copy of IATI's OrganisationRegistrationAgency codelist. A test keeps the
// copy identical to the official file in ../shared/standards.

export const AGENCIES_FILE = resolve(process.cwd(), 'app/shared/standards/OrganisationRegistrationAgency.xml')

type Item = { '@status'?: string; code: string }
let active: Set<string> | undefined

/** The codes of agencies in use (withdrawn ones are not). */
export function registrationAgencies(): Set<string> {
  if (!active) {
    const doc = create(readFileSync(AGENCIES_FILE, 'utf8')).end({ format: 'object' }) as { codelist: { 'codelist-items': { 'codelist-item': Item[] } } }
    active = new Set(doc.codelist['codelist-items']['codelist-item'].filter((i) => i['@status'] !== 'withdrawn').map((i) => i.code))
  }
  return active
}

/** The agency an identifier names: the two parts before its second hyphen, as in GB-CHC-1234567. */
export const agencyOf = (identifier: string) => identifier.split('-').slice(0, 2).join('-')
