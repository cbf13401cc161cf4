import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest'

export const baseUrl = inject('baseUrl')
export const DEMO_PASSWORD = 'lantern-demo-2026'

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

export async function logIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/login')
  await page.getByLabel('Email address').fill(email)
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
