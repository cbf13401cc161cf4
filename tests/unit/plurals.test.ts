import { describe, expect, it } from 'vitest'
import { serverTranslator } from '../../app/shared/i18n/index.server'

// Each language's plural forms, with the numbers that select each one: a
// count reads as a person of that language would write it.

const campaigns = { id: 'campaigns.list.count', defaultMessage: '{total, plural, one {# campaign} other {# campaigns}}.' }
const count = (locale: Parameters<typeof serverTranslator>[0], total: number) => serverTranslator(locale).t(campaigns, { total })

describe('plural forms', () => {
  it('Ukrainian: one (1, 21), few (2, 22), many (5, 25, 11)', () => {
    expect([1, 2, 5, 21, 22, 25, 11].map((n) => count('uk', n))).toEqual([
      '1 кампанія.',
      '2 кампанії.',
      '5 кампаній.',
      '21 кампанія.',
      '22 кампанії.',
      '25 кампаній.',
      '11 кампаній.',
    ])
  })

  it('Romanian: one (1), few (0, 2, 19, 101), other with “de” (20, 120)', () => {
    expect([1, 0, 2, 19, 101, 20, 120].map((n) => count('ro', n))).toEqual([
      '1 campanie.',
      '0 campanii.',
      '2 campanii.',
      '19 campanii.',
      '101 campanii.',
      '20 de campanii.',
      '120 de campanii.',
    ])
  })

  it('French: one for 0 and 1, other from 2', () => {
    // French groups thousands with a narrow no-break space.
    expect([0, 1, 2, 1000].map((n) => count('fr', n))).toEqual(['0 campagne.', '1 campagne.', '2 campagnes.', '1\u202f000 campagnes.'])
  })

  it('Spanish: one for 1 only', () => {
    expect([0, 1, 2].map((n) => count('es', n))).toEqual(['0 campañas.', '1 campaña.', '2 campañas.'])
  })

  it('Nepali: in Devanagari digits, one for 1', () => {
    expect([1, 2, 25].map((n) => count('ne', n))).toEqual(['१ अभियान।', '२ अभियान।', '२५ अभियान।'])
  })

  it('English: one for 1 only', () => {
    expect([0, 1, 2].map((n) => count('en', n))).toEqual(['0 campaigns.', '1 campaign.', '2 campaigns.'])
  })
})
