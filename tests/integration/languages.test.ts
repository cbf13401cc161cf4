import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { users } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import * as root from '../../app/root'
import * as language from '../../app/routes/language'
import * as login from '../../app/routes/login'
import * as newCampaign from '../../app/routes/campaigns.new'
import * as campaignsCsv from '../../app/routes/campaigns[.]csv'
import * as resultsCsv from '../../app/routes/campaigns.$campaignId.results[.]csv'
import * as catalogueRoute from '../../app/routes/locales.$locale[.]json'
import { createPerson, createSurveyedCampaign, loginAs, PASSWORD } from '../factories'
import { fieldErrors, get, invoke, post } from './helpers'
import { inRequestScope } from '../../app/shared/i18n/index.server'

// Which language a page is in, and that it holds where words are composed
// far from the page: a form's errors, a service's refusal. Files stay English.

const withHeaders = (request: Request, headers: Record<string, string>) => {
  const next = new Request(request)
  for (const [k, v] of Object.entries(headers)) next.headers.set(k, v)
  return next
}

const localeOfPage = async (request: Request) => ((await invoke(root.loader, request)).data as { locale: string }).locale

describe('the language of a page', () => {
  it('follows the browser’s Accept-Language, down to its closest offered language, English otherwise', async () => {
    expect(await localeOfPage(withHeaders(get('/'), { 'Accept-Language': 'uk-UA,uk;q=0.9,en;q=0.5' }))).toBe('uk')
    expect(await localeOfPage(withHeaders(get('/'), { 'Accept-Language': 'fr-CA' }))).toBe('fr')
    expect(await localeOfPage(withHeaders(get('/'), { 'Accept-Language': 'de-DE, ja' }))).toBe('en')
    expect(await localeOfPage(withHeaders(get('/'), { 'Accept-Language': ';;;=garbage' }))).toBe('en')
  })

  it('follows the switcher over the browser, keeps the choice on the account, and brings it back at the next log-in', async () => {
    const { user } = await createPerson('member')
    const cookie = await loginAs(user)
    const switched = await invoke(language.action, post('/language', { locale: 'ro', returnTo: '/campaigns?page=2' }, { cookie }))
    expect(switched.status).toBe(302)
    expect(switched.location).toBe('/campaigns?page=2')
    const languageCookie = switched.headers.get('Set-Cookie')!
    expect(languageCookie).toMatch(/^lantern_lang=ro;/)
    expect(db.select({ locale: users.locale }).from(users).where(eq(users.id, user.id)).get()?.locale).toBe('ro')
    expect(await localeOfPage(withHeaders(get('/', `${cookie}; lantern_lang=ro`), { 'Accept-Language': 'uk' }))).toBe('ro')

    // A new browser, asking for English: logging in sets the account's language.
    const again = await invoke(login.action, withHeaders(post('/login', { email: user.email, password: PASSWORD }), { 'Accept-Language': 'en' }))
    expect(again.status).toBe(302)
    expect(again.headers.get('Set-Cookie')).toMatch(/lantern_lang=ro/)
  })

  it('ignores a language it does not offer, and a return address on another site', async () => {
    const result = await invoke(language.action, post('/language', { locale: 'xx', returnTo: '//attacker.example/' }))
    expect(result.status).toBe(302)
    expect(result.location).toBe('/')
    expect(result.headers.get('Set-Cookie')).toBeNull()
  })

  it('words a form’s errors in the reader’s language', async () => {
    const { user } = await createPerson('member')
    const cookie = `${await loginAs(user)}; lantern_lang=uk`
    const result = await invoke(newCampaign.action, post('/campaigns/new', { title: 'ab', pillar: 'nonsense' }, { cookie }))
    expect(result.status).toBe(400)
    expect(fieldErrors(result)).toEqual({ title: ['Назва має містити щонайменше 3 символи'], pillar: ['Виберіть напрям'] })
  })

  it('keeps exports the same in every language: column names, HXL tags, codes and words', async () => {
    const { user, organisation } = await createPerson('member')
    const id = createSurveyedCampaign(organisation, { title: 'Safe jobs abroad' })
    const session = await loginAs(user)
    // Answered as the server answers, in the scope of a request in that language.
    const file = async (module: typeof campaignsCsv | typeof resultsCsv, path: string, locale: string) => {
      const request = get(path, `${session}; lantern_lang=${locale}`)
      return inRequestScope(request, async () => (await module.loader({ request, params: { campaignId: String(id) }, context: {} } as never)).text())
    }
    for (const [module, path] of [[campaignsCsv, '/campaigns.csv'], [resultsCsv, `/campaigns/${id}/results.csv`]] as const) {
      const english = await file(module, path, 'en')
      expect(english).toMatch(/Safe jobs abroad|McNemar|test/)
      for (const locale of ['uk', 'ne', 'fr']) expect(await file(module, path, locale)).toBe(english)
    }
  })

  it('serves each language’s catalogue parsed, kept by browsers for a year at its versioned address', async () => {
    const page = await invoke(root.loader, withHeaders(get('/'), { 'Accept-Language': 'ne' }))
    const href = (page.data as { catalogue: string }).catalogue
    expect(href).toMatch(/^\/locales\/ne\.json\?v=[\w-]+$/)
    const response = (await catalogueRoute.loader({ request: get(href), params: { locale: 'ne' }, context: {} } as never)) as Response
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    const catalogue = (await response.json()) as Record<string, unknown>
    expect(catalogue['nav.campaigns']).toEqual([{ type: 0, value: 'अभियानहरू' }])
    expect((await invoke(catalogueRoute.loader, get('/locales/xx.json'), { locale: 'xx' })).status).toBe(404)
  })
})
