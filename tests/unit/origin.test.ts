import { describe, expect, it } from 'vitest'
import { isSameOrigin } from '../../app/shared/origin'

const SITE = 'http://localhost:3000'

describe('isSameOrigin', () => {
  it('accepts this site’s Origin', () => expect(isSameOrigin(SITE, SITE, null)).toBe(true))
  it('refuses another site’s Origin even with a matching Referer', () =>
    expect(isSameOrigin(SITE, 'https://evil.example', `${SITE}/login`)).toBe(false))
  it('refuses a different port or scheme', () => {
    expect(isSameOrigin(SITE, 'http://localhost:3001', null)).toBe(false)
    expect(isSameOrigin(SITE, 'https://localhost:3000', null)).toBe(false)
  })
  it('falls back to the Referer when Origin is missing', () => {
    expect(isSameOrigin(SITE, null, `${SITE}/organisations/1/edit`)).toBe(true)
    expect(isSameOrigin(SITE, null, 'https://evil.example/page')).toBe(false)
  })
  it('refuses an Origin of "null" (a sandboxed frame, a file, a cross-site redirect), whatever the Referer says', () => {
    expect(isSameOrigin(SITE, 'null', `${SITE}/x`)).toBe(false)
  })
  it('refuses a request with neither header, or a malformed Referer', () => {
    expect(isSameOrigin(SITE, null, null)).toBe(false)
    expect(isSameOrigin(SITE, null, 'not a url')).toBe(false)
  })
  it('is not fooled by a look-alike host', () => {
    expect(isSameOrigin(SITE, null, 'http://localhost:3000.evil.example/')).toBe(false)
  })
})
