import { beforeAll, describe, expect, it } from 'vitest'
import { openPage, PASSWORD, sharedBrowser } from './browser'
import { scene, type Scene } from './scene'

const browser = sharedBrowser()
let s: Scene
beforeAll(async () => {
  s = await scene()
})

describe('without JavaScript', () => {
  it('log-in shows errors from the server, then logs in and out', async () => {
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await page.goto('/login')
    await page.getByLabel('Email address').fill(s.people.member.email)
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByText('There is a problem').waitFor()
    expect(await page.getByText('The email address or password is not right').isVisible()).toBe(true)
    expect(await page.getByLabel('Email address').inputValue()).toBe(s.people.member.email)
    expect(await page.getByLabel('Password').inputValue()).toBe('')

    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByRole('heading', { name: `Welcome, ${s.people.member.name}` }).waitFor()
    await page.getByRole('button', { name: 'Log out' }).click()
    await page.getByRole('link', { name: 'Log in' }).first().waitFor()
    await page.context().close()
  })

  it('changing the password keeps this session going and ends the others', async () => {
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await page.goto('/login')
    await page.getByLabel('Email address').fill(s.people.orgadmin.email)
    await page.getByLabel('Password').fill(PASSWORD)
    await page.getByRole('button', { name: 'Log in' }).click()
    await page.getByRole('button', { name: 'Log out' }).waitFor()
    await page.goto('/account')
    await page.getByLabel('Current password').fill(PASSWORD)
    await page.getByLabel('New password', { exact: true }).fill('a brand new passphrase')
    await page.getByLabel('New password again').fill('a brand new passphrase')
    await page.getByRole('button', { name: 'Change password' }).click()
    await page.getByText('Your password has been changed').waitFor()
    // Still logged in, on the account page.
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/account/i)
    expect(await page.getByRole('button', { name: 'Log out' }).isVisible()).toBe(true)
    await page.context().close()
  })

  it('sign-up shows a message beside each wrong field', async () => {
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await page.goto('/signup')
    await page.getByLabel('Your name').fill('No Script')
    await page.getByLabel('Email address').fill(s.people.member.email)
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByText('There is a problem').waitFor()
    const summary = await page.locator('.error-summary').textContent()
    expect(summary).toContain('Password must be at least 10 characters')
    expect(summary).toContain('Enter your organisation’s name')
    expect(summary).toContain('Choose a country')
    // The message sits with its field and is announced with it.
    const password = page.getByLabel('Password')
    expect(await password.getAttribute('aria-invalid')).toBe('true')
    const describedBy = (await password.getAttribute('aria-describedby'))!.split(' ')
    const messages = await Promise.all(describedBy.map((id) => page.locator(`[id="${id}"]`).textContent()))
    expect(messages.join(' ')).toContain('Password must be at least 10 characters')
    expect(await page.getByLabel('Your name').inputValue()).toBe('No Script')
    await page.context().close()
  })
})
