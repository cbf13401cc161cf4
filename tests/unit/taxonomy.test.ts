import { describe, expect, it } from 'vitest'
import { COUNTRIES, countryName, subdivision, subdivisionsOf } from '../../app/shared/taxonomy/countries'
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
    it(`${name}: unique snake_case codes, each with a label and a description`, () => {
      const codes = l.terms.map((t) => t.code)
      expect(new Set(codes).size).toBe(codes.length)
      for (const t of l.terms) {
        expect(t.code).toMatch(/^[a-z][a-z0-9_]*$/)
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
