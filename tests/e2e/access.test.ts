import { beforeAll, describe, expect, it } from 'vitest'
import { logIn, openPage, PASSWORD, sharedBrowser } from './browser'
import { scene, type Scene } from './scene'

const browser = sharedBrowser()
let s: Scene
beforeAll(async () => {
  s = await scene()
})

describe('access', () => {
  it('a donor gets a friendly 403 page on an edit page', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.donor)
    const organisationHref = await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).getAttribute('href')
    // The donor sees no edit link, and typing the address gets a 403 page.
    await page.goto(organisationHref!)
    expect(await page.getByRole('link', { name: 'Edit profile' }).count()).toBe(0)
    const response = await page.goto(`${organisationHref}/edit`)
    expect(response?.status()).toBe(403)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('You do not have access to this page')
    expect(await page.content()).not.toMatch(/at .*\.js:\d+/) // no stack trace
    await page.context().close()
  })

  it('an unknown page gets a friendly 404 within the shell', async () => {
    const page = await openPage(browser())
    const response = await page.goto('/no/such/page')
    expect(response?.status()).toBe(404)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Page not found')
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(true)
    await page.context().close()
  })

  it('sends the security headers with every page', async () => {
    const page = await openPage(browser())
    const response = await page.goto('/login')
    const headers = response!.headers()
    expect(headers['content-security-policy']).toMatch(/default-src 'self'/)
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/)
    expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-/)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['x-powered-by']).toBeUndefined()
    // What a signed-in person sees is never kept by a cache.
    expect(headers['cache-control'] ?? '').not.toMatch(/no-store/)
    await logIn(page, s.people.member)
    for (const path of ['/', '/account', `/campaigns?q=${encodeURIComponent(s.titles.school)}`]) {
      expect((await page.goto(path))!.headers()['cache-control'], path).toBe('private, no-store')
    }
    await page.context().close()
  })

  it('a form posted from another site is refused with 403 by the running server', async () => {
    const page = await openPage(browser())
    const response = await page.request.post('/login', {
      form: { email: s.people.member.email, password: PASSWORD },
      headers: { Origin: 'https://attacker.example' },
      maxRedirects: 0,
    })
    expect(response.status()).toBe(403)
    expect(response.headers()['set-cookie']).toBeUndefined()
    await page.context().close()
  })
})

describe('on a 320 px wide phone', () => {
  it('no page is wider than the screen (wide tables scroll inside their box)', async () => {
    const page = await openPage(browser(), { viewport: { width: 320, height: 640 } })
    const overflow = async () => page.evaluate(() => document.documentElement.scrollWidth)
    for (const path of ['/', '/login', '/signup']) {
      await page.goto(path)
      expect(await overflow(), path).toBeLessThanOrEqual(320)
    }
    await logIn(page, s.people.admin)
    for (const path of ['/', '/admin', '/admin/users', '/account']) {
      await page.goto(path)
      expect(await overflow(), path).toBeLessThanOrEqual(320)
    }
    // A campaign with its indicator table, then its results with charts and tables.
    await page.goto(`/campaigns?q=${encodeURIComponent(s.titles.school)}`)
    await page.getByRole('link', { name: s.titles.school }).click()
    await page.getByRole('link', { name: /Survey results/ }).waitFor()
    expect(await overflow(), 'campaign page').toBeLessThanOrEqual(320)
    await page.getByRole('link', { name: /Survey results/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor()
    expect(await overflow(), 'results page').toBeLessThanOrEqual(320)
    await page.context().close()
  })
})
