import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest'
import { PASSWORD } from '../factories/users'

export const baseUrl = inject('baseUrl')
export { PASSWORD }

/** One browser per test file: Debian's Chromium (playwright cannot download browsers here). */
export function sharedBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('the browser is not running')
    return browser
  }
}

const problems: string[] = []
// Any console error or uncaught exception in the browser (CSP violations among them) fails the test.
afterEach(() => {
  expect(problems.splice(0).join(' | '), 'browser console errors').toBe('')
})

export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ baseURL: baseUrl, ...options })
  const page = await context.newPage()
  page.on('console', (message) => {
    // The 400/403 answers the tests ask for are logged as failed resources; those are expected.
    if (message.type() === 'error' && !/status of (400|403|404|410)/.test(message.text())) problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return page
}

/** Logs a person in through the log-in form, as they would. */
export async function logIn(page: Page, who: string | { email: string }, password = PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('Email address').fill(typeof who === 'string' ? who : who.email)
  await page.getByLabel('Password').fill(password)
  await page.getByRole('button', { name: 'Log in' }).click()
  // The URL changes before the new page has rendered; the shell's log-out button shows it has.
  await page.getByRole('banner').getByRole('button', { name: 'Log out' }).waitFor()
}

export async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click()
  await page.getByRole('banner').getByRole('link', { name: 'Log in' }).waitFor()
  expect(new URL(page.url()).pathname).toBe('/')
}

/** axe's violations of WCAG 2.1 A/AA and best practice on the page, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const { default: AxeBuilder } = await import('@axe-core/playwright')
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/** How many pixels of the page's n-th canvas are painted: a chart that drew has thousands. */
export function paintedPixels(page: Page, index: number): Promise<number> {
  return page
    .locator('canvas')
    .nth(index)
    .evaluate((c) => {
      const canvas = c as HTMLCanvasElement
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
      let painted = 0
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++
      return painted
    })
}
