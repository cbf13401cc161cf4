import { describe, expect, it } from 'vitest'
import { CODE_SET_FINGERPRINT, codesOf, MASKED, maskOf, sizeOf } from '../../app/shared/taxonomy/code-sets'
import { AUDIENCES, CHANNELS } from '../../app/shared/taxonomy/taxonomy'

describe('code sets as bitmasks', () => {
  it('fit every masked list in a 31-bit integer', () => {
    for (const list of Object.values(MASKED)) expect(list.codes.length).toBeLessThanOrEqual(31)
  })

  it('round-trip in list order, whatever order the codes came in', () => {
    const mask = maskOf(AUDIENCES, ['returnees', 'migrant_workers', 'children'])
    expect(sizeOf(mask)).toBe(3)
    expect(codesOf(AUDIENCES, mask)).toEqual(AUDIENCES.codes.filter((c) => ['returnees', 'migrant_workers', 'children'].includes(c)))
    expect(codesOf(CHANNELS, 0)).toEqual([])
    expect(maskOf(CHANNELS, [])).toBe(0)
  })

  it('intersect with one AND', () => {
    const a = maskOf(CHANNELS, ['radio', 'social_media', 'posters_billboards'])
    const b = maskOf(CHANNELS, ['social_media', 'radio', 'tv'])
    expect(codesOf(CHANNELS, a & b)).toEqual(CHANNELS.codes.filter((c) => c === 'radio' || c === 'social_media'))
  })

  it('name the code order the stored masks depend on', () => {
    expect(JSON.parse(CODE_SET_FINGERPRINT)).toEqual(Object.values(MASKED).map((l) => l.codes))
  })
})
