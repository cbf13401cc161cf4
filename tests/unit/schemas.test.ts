import { describe, expect, it } from 'vitest'
import { COUNTRIES, countryName, isCountryCode } from '../../app/shared/taxonomy/countries'
import { relatedSubdivisions, subdivisionsOf } from '../../app/shared/taxonomy/subdivisions'
import { changePasswordSchema, signUpSchema } from '../../app/features/accounts/schemas'
import { bufferSchema, parsePairFilters } from '../../app/features/coordination/schemas'
import { organisationProfileSchema } from '../../app/features/organisations/schemas'
import { riskSchema } from '../../app/features/campaigns/schemas'
import { safeRedirectPath } from '../../app/shared/http.server'
import { questionInput, questionSchema } from '../../app/features/surveys/schemas'

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
    const base = { name: 'Open Doors', type: 'ngo', country: 'UA', timeZone: 'Europe/Kyiv' }
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

  it('relate a subdivision to the regions it lies in and to what lies in it', () => {
    expect(relatedSubdivisions('PH-CEB')).toEqual(expect.arrayContaining(['PH-CEB', 'PH-07']))
    expect(relatedSubdivisions('PH-07')).toEqual(expect.arrayContaining(['PH-07', 'PH-CEB', 'PH-BOH']))
    expect(relatedSubdivisions('PH-07')).not.toContain('PH-ABR')
    expect(relatedSubdivisions('UA-46')).toEqual(['UA-46'])
    expect(subdivisionsOf('MD').every((s) => s.code.startsWith('MD-'))).toBe(true)
  })
})

describe('coordination workspace filters', () => {
  it('read the URL leniently: unknown codes and bad pages are dropped, not errors', () => {
    const f = parsePairFilters(new URLSearchParams('country=ua&subdivision=ua-46&audience=migrant_workers&page=3&level=high'))
    expect(f).toMatchObject({ country: 'UA', subdivision: 'UA-46', audience: 'migrant_workers', page: 3, level: 'high' })
    const junk = parsePairFilters(new URLSearchParams('country=Ukraine&subdivision=<script>&audience=aliens&page=-2&level=huge&from=soon'), '2026-11-22')
    // Without valid dates, the 24 months around today.
    expect(junk).toEqual({ page: 1, from: '2025-11-01', to: '2027-10-31' })
    expect(parsePairFilters(new URLSearchParams('from=2024-01-01'), '2026-11-22')).toMatchObject({ from: '2024-01-01', to: '2027-10-31' })
  })

  it('take a buffer of 0 to 90 whole days, with one message for anything else', () => {
    expect(bufferSchema.parse({ intent: 'buffer', country: 'np', bufferDays: '21' })).toEqual({ intent: 'buffer', country: 'NP', bufferDays: 21 })
    for (const bad of ['-1', '91', '1.5', 'soon']) {
      const result = bufferSchema.safeParse({ intent: 'buffer', country: 'NP', bufferDays: bad })
      expect(messages(result), bad).toEqual({ bufferDays: 'Enter a whole number of days from 0 to 90' })
    }
    expect(messages(bufferSchema.safeParse({ intent: 'buffer', country: 'XX', bufferDays: '3' }))).toEqual({ country: 'Choose a country' })
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

describe('the message-risk review', () => {
  const review = (over: Record<string, string>) => riskSchema.safeParse({ restraintImagery: 'no', antiMigration: 'no', identifiesVictim: 'no', mitigation: '', ...over })
  it('refuses a “yes” without a mitigation, at the mitigation field', () => {
    const refused = review({ antiMigration: 'yes', mitigation: '   ' })
    expect(refused.success).toBe(false)
    expect(refused.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['mitigation', 'Say how you will change the material for each “yes”, or change it and answer “no”']])
    expect(review({ antiMigration: 'yes', mitigation: 'The poster is replaced by one about safe recruitment.' }).success).toBe(true)
    expect(review({}).success).toBe(true)
  })
})

describe('a multiple-choice question on the survey page', () => {
  const base = { code: 'heard_from', text: 'Where did you hear about the hotline?', type: 'multiple_choice', options: 'radio = Radio\ntv = Television' }
  it('takes its options as a single choice does, with no correct one, and measures no indicator', () => {
    const parsed = questionSchema.safeParse(base)
    expect(parsed.success && questionInput(parsed.data)).toMatchObject({ type: 'multiple_choice', desired: null, options: [{ code: 'radio', label: 'Radio' }, { code: 'tv', label: 'Television' }] })
    const issues = (values: Record<string, unknown>) => {
      const r = questionSchema.safeParse({ ...base, ...values })
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    }
    expect(issues({ options: 'radio = Radio' })).toEqual(['options: Give at least two options, one per line, like “hotline = Call the hotline”'])
    expect(issues({ indicatorId: '3' })).toEqual(['indicatorId: A multiple-choice question cannot measure an indicator: ask a yes/no question for it'])
  })
})
