import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { create } from 'xmlbuilder2'
import { AGENCIES_FILE, registrationAgencies } from '../../app/shared/standards/agencies.server'
import { describe, expect, it } from 'vitest'
import { COUNTRIES, countryName } from '../../app/shared/taxonomy/countries'
import { subdivision, subdivisionsOf } from '../../app/shared/taxonomy/subdivisions'
import * as taxonomy from '../../app/shared/taxonomy/taxonomy'

const lists = Object.entries(taxonomy).filter(([, v]) => typeof v === 'object' && v !== null && 'terms' in v) as [
  string,
  { terms: readonly taxonomy.Term[]; has: (c: string) => boolean; label: (c: string) => string },
][]

describe('taxonomy', () => {
  it('has the lists of DESIGN.md §3 with their sizes', () => {
    const sizes = Object.fromEntries(lists.map(([name, l]) => [name, l.terms.length]))
    expect(sizes).toMatchObject({ PILLARS: 4, PURPOSES: 7, AUDIENCES: 27, CHANNELS: 21, EXPLOITATION_FORMS: 7, STATUSES: 6, VISIBILITIES: 3 })
  })

  for (const [name, l] of lists) {
    // Lantern's own lists have snake_case codes; a standard's list keeps the standard's (DAC sectors: five digits).
    const pattern = name === 'DAC_SECTORS' ? /^\d{5}$/ : /^[a-z][a-z0-9_]*$/
    it(`${name}: unique codes in its form, each with a label and a description`, () => {
      const codes = l.terms.map((t) => t.code)
      expect(new Set(codes).size).toBe(codes.length)
      for (const t of l.terms) {
        expect(t.code).toMatch(pattern)
        expect(t.label.length).toBeGreaterThan(1)
        expect(t.description.length).toBeGreaterThan(5)
        expect(l.has(t.code)).toBe(true)
        expect(l.label(t.code)).toBe(t.label)
      }
      expect(l.has('not_a_code')).toBe(false)
    })
  }
})

describe('regions', () => {
  it('countries and subdivisions come from the ISO 3166 package', () => {
    expect(COUNTRIES.length).toBeGreaterThan(240)
    expect(countryName('UA')).toBe('Ukraine')
    expect(subdivision('NP-P1')).toEqual({ code: 'NP-P1', name: 'Koshī', country: 'NP', parent: 'NP' })
    expect(subdivisionsOf('NP').map((s) => s.code).sort()).toEqual(['NP-P1', 'NP-P2', 'NP-P3', 'NP-P4', 'NP-P5', 'NP-P6', 'NP-P7'])
    expect(subdivision('UA-46')?.country).toBe('UA')
    expect(subdivision('UA-99')).toBeUndefined()
  })
})

describe('the IATI codelists Lantern uses', () => {
  const STANDARD = join(__dirname, '../../../shared/standards/iati-2.03/codelists')
  const items = (file: string) => {
    type Narrative = string | { '@xml:lang'?: string; '#': string }
    type Item = { '@status'?: string; code: string; name: { narrative: Narrative | Narrative[] } }
    const doc = create(readFileSync(join(STANDARD, file), 'utf8')).end({ format: 'object' }) as { codelist: { 'codelist-items': { 'codelist-item': Item[] } } }
    // The English name: the narrative without a language, when there are several.
    const english = (n: Narrative | Narrative[]) => [n].flat().map((x) => (typeof x === 'string' ? x : x['@xml:lang'] ? null : x['#'])).find((x) => x !== null) ?? ''
    return doc.codelist['codelist-items']['codelist-item'].map((i) => ({ code: i.code, name: english(i.name.narrative), status: i['@status'] ?? 'active' }))
  }

  it('offers DAC sectors by their codes and names in IATI’s Sector codelist, all in use', () => {
    const official = new Map(items('Sector.xml').map((i) => [i.code, i]))
    for (const t of taxonomy.DAC_SECTORS.terms) expect(official.get(t.code), t.code).toMatchObject({ name: t.label, status: 'active' })
  })

  it('reads registration agencies from a copy identical to IATI’s OrganisationRegistrationAgency codelist', () => {
    expect(readFileSync(AGENCIES_FILE, 'utf8')).toBe(readFileSync(join(STANDARD, 'OrganisationRegistrationAgency.xml'), 'utf8'))
    const inUse = items('OrganisationRegistrationAgency.xml').filter((i) => i.status !== 'withdrawn')
    expect([...registrationAgencies()].sort()).toEqual(inUse.map((i) => i.code).sort())
    expect(registrationAgencies().has('GB-CHC')).toBe(true)
  })
})
