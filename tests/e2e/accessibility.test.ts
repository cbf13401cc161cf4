import { beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, logIn, openPage, sharedBrowser } from './browser'
import { scene, type Scene } from './scene'

const browser = sharedBrowser()
let s: Scene
beforeAll(async () => {
  s = await scene()
})

describe('axe finds no violations', () => {
  for (const path of ['/login', '/signup', '/']) {
    it(`on ${path}, logged out`, async () => {
      const page = await openPage(browser())
      await page.goto(path)
      expect(await axeViolations(page)).toEqual([])
      await page.context().close()
    })
  }

  it('on the sign-up form showing its errors', async () => {
    const page = await openPage(browser())
    // After hydration, as the keyboard tests below: a click that lands while React 18 hydrates can be lost.
    await page.goto('/signup', { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByText('There is a problem').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  })

  for (const [who, path] of [
    ['orgadmin', '/'],
    ['orgadmin', 'members'],
    ['admin', '/admin'],
    ['admin', '/admin/users'],
    ['coordinator', '/coordination'],
    ['coordinator', '/coordination?country=UA'],
    ['member', '/notifications'],
    ['donor', '/standard-indicators'],
    ['donor', '/standard-indicators/knows_hotline_pct'],
    ['coordinator', '/standard-indicators/new'],
  ] as const) {
    it(`on ${path} for the ${who}`, async () => {
      const page = await openPage(browser())
      await logIn(page, s.people[who])
      if (path === 'members') {
        const href = await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).getAttribute('href')
        await page.goto(`${href}/members`)
      } else {
        await page.goto(path)
      }
      expect(await axeViolations(page)).toEqual([])
      await page.context().close()
    })
  }
})

describe('keyboard', () => {
  it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const page = await openPage(browser())
    // After hydration: React 18 cannot take key presses that arrive while it
    // is still hydrating the document (the page then stays server-rendered).
    await page.goto('/login', { waitUntil: 'networkidle' })
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content')
    await page.context().close()
  })

  it('a form error summary takes focus and links to the field', async () => {
    const page = await openPage(browser())
    // After hydration, as above: it is the hydrated page that moves focus to the summary.
    await page.goto('/login', { waitUntil: 'networkidle' })
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByText('There is a problem').waitFor()
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary')
    await page.getByRole('link', { name: 'Enter your email address' }).click()
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('email')
    await page.context().close()
  })
})
