import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from '../../app/shared/http.server'

// Where log-in may send a person next: a path on this site, never another
// host, however the target is disguised.

describe('the redirect after log-in', () => {
  it.each([
    ['/coordination', '/coordination'],
    ['/campaigns?country=UA&page=2', '/campaigns?country=UA&page=2'],
    ['/campaigns/5#results', '/campaigns/5#results'],
    ['/campaigns/../account', '/account'],
    ['/kampanii/Кампанія', '/kampanii/%D0%9A%D0%B0%D0%BC%D0%BF%D0%B0%D0%BD%D1%96%D1%8F'],
    ['/a。b', '/a%E3%80%82b'],
    ['/x\u0000y', '/x%00y'],
  ])('keeps the same-site path %j as %j', (to, kept) => {
    expect(safeRedirectPath(to)).toBe(kept)
  })

  it.each([
    '//evil.example',
    '/\t/evil.example',
    '/%09/evil.example'.replace('%09', '\t'),
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '///evil.example',
    '/\u0009\u000a/evil.example',
    'evil.example',
    '',
  ])('refuses %j and falls back to the home page', (to) => {
    expect(safeRedirectPath(to)).toBe('/')
  })

  it('answers with a path a Location header can carry for any input', () => {
    for (let code = 0; code < 0x3100; code++) {
      const path = safeRedirectPath(`/${String.fromCharCode(code)}/x`)
      expect(path, `U+${code.toString(16)}`).toMatch(/^\/[\x21-\x7e]*$/)
    }
  })
})
