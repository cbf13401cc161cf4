import { describe, expect, it } from 'vitest'
import { COUNTRIES, countryName, isCountryCode } from '../../app/domain/countries'
import { changePasswordSchema, signUpSchema } from '../../app/schemas/auth'
import { organisationProfileSchema } from '../../app/schemas/organisation'
import { safeRedirectPath } from '../../app/services/http.server'

const valid = {
  name: 'Ana',
  email: '  Ana@Example.ORG ',
  password: 'a long enough password',
  organisationName: 'Open Doors',
  organisationType: 'ngo',
  country: 'md',
}

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]))

describe('sign-up schema', () => {
  it('normalises email to lower case and country to upper case', () => {
    const parsed = signUpSchema.parse(valid)
    expect(parsed.email).toBe('ana@example.org')
    expect(parsed.country).toBe('MD')
  })
  it('refuses a password under 10 characters with a readable message', () => {
    expect(messages(signUpSchema.safeParse({ ...valid, password: 'short1234' }))).toEqual({
      password: 'Password must be at least 10 characters',
    })
  })
  it('refuses a malformed email and an unknown country code', () => {
    const m = messages(signUpSchema.safeParse({ ...valid, email: 'ana@', country: 'XX' }))
    expect(m.email).toMatch(/correct format/)
    expect(m.country).toBe('Choose a country from the list')
  })
  it('says what is missing when fields are absent', () => {
    const m = messages(signUpSchema.safeParse({}))
    expect(m.name).toBe('Enter your name')
    expect(m.email).toBe('Enter your email address')
    expect(m.organisationType).toBe('Choose the type of organisation')
  })
})

describe('change-password schema', () => {
  it('points at the confirmation when the two new passwords differ', () => {
    const m = messages(
      changePasswordSchema.safeParse({ currentPassword: 'x', newPassword: 'abcdefghijk', confirmPassword: 'abcdefghijz' }),
    )
    expect(m).toEqual({ confirmPassword: 'The two new passwords do not match' })
  })
})

describe('organisation profile schema', () => {
  it('accepts http(s) websites only', () => {
    const base = { name: 'Open Doors', type: 'ngo', country: 'UA' }
    expect(organisationProfileSchema.safeParse({ ...base, website: 'https://open.example' }).success).toBe(true)
    expect(messages(organisationProfileSchema.safeParse({ ...base, website: 'javascript:alert(1)' })).website).toMatch(
      /http:\/\/ or https:\/\//,
    )
  })
})

describe('countries', () => {
  it('come from the ISO package, with names', () => {
    expect(COUNTRIES.length).toBeGreaterThan(240)
    expect(isCountryCode('NP')).toBe(true)
    expect(isCountryCode('XX')).toBe(false)
    expect(countryName('PH')).toBe('Philippines')
  })
})

describe('safeRedirectPath', () => {
  it('keeps same-site paths and refuses other hosts', () => {
    expect(safeRedirectPath('/organisations/3?x=1')).toBe('/organisations/3?x=1')
    expect(safeRedirectPath('//evil.example')).toBe('/')
    expect(safeRedirectPath('https://evil.example')).toBe('/')
    expect(safeRedirectPath('/\\evil.example')).toBe('/')
    expect(safeRedirectPath(null)).toBe('/')
  })
})
