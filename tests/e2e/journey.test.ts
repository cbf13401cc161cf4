import { beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, logIn, logOut, openPage, sharedBrowser } from './browser'
import { scene, type Scene } from './scene'

const browser = sharedBrowser()
let s: Scene
beforeAll(async () => {
  s = await scene()
})

describe('a new organisation, from sign-up to approval', () => {
  it('sign up → approve as platform admin → log in → see the shell → log out', async () => {
    const page = await openPage(browser())
    const email = `amina.${Date.now()}@brightpath.example`

    await page.goto('/signup')
    await page.getByLabel('Your name').fill('Amina Rai')
    await page.getByLabel('Email address').fill(email)
    await page.getByLabel('Password').fill('a passphrase for lantern')
    await page.getByLabel('Organisation name').fill('Bright Path Nepal')
    await page.getByLabel('Type of organisation').selectOption('ngo')
    await page.getByLabel('Country').selectOption('NP')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.getByRole('heading', { level: 1, name: 'Welcome, Amina Rai' }).waitFor()
    expect(await page.getByText('Waiting for approval').isVisible()).toBe(true)
    await logOut(page)

    await logIn(page, s.people.admin)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click()
    await page.waitForURL('**/admin')
    const row = page.getByRole('row', { name: /Bright Path Nepal/ })
    await row.getByRole('button', { name: /Approve/ }).click()
    await page.getByText('The organisation has been approved.').waitFor()
    await row.getByText('Approved', { exact: true }).waitFor()
    await logOut(page)

    await logIn(page, email, 'a passphrase for lantern')
    await page.getByRole('heading', { level: 1, name: 'Welcome, Amina Rai' }).waitFor()
    expect(await page.getByText('Waiting for approval').count()).toBe(0)
    const nav = page.getByRole('navigation', { name: 'Main' })
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Campaigns', 'Dashboards', 'Organisation', 'Account'])
    await nav.getByRole('link', { name: 'Organisation' }).click()
    await page.getByRole('heading', { name: 'Bright Path Nepal' }).waitFor()
    expect(await page.getByText('Awaiting approval').count()).toBe(0)
    await logOut(page)

    // Logged out for real: the account page asks for a log-in again.
    await page.goto('/account')
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.context().close()
  })

  it('an org admin invites a colleague, who joins with the link', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.casa)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Organisation' }).click()
    await page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Members' }).click()
    await page.getByLabel('Role of the new member').selectOption('member')
    await page.getByRole('button', { name: 'Create invite link' }).click()
    const link = (await page.getByTestId('invite-link').textContent())!.trim()
    expect(link.startsWith(`${baseUrl}/join/`)).toBe(true)
    await logOut(page)

    await page.goto(link)
    await page.getByRole('heading', { name: `Join ${s.organisations.casa}` }).waitFor()
    await page.getByLabel('Your name').fill('Elena Ciobanu')
    await page.getByLabel('Email address').fill(`elena.${Date.now()}@casa.example`)
    await page.getByLabel('Password').fill('a new member passphrase')
    await page.getByRole('button', { name: 'Create account and join' }).click()
    await page.getByRole('heading', { level: 1, name: 'Welcome, Elena Ciobanu' }).waitFor()
    expect(await page.getByText(/member of/).textContent()).toContain(`a member of ${s.organisations.casa}`)
    await logOut(page)

    // The link worked once.
    const again = await page.goto(link)
    expect(again?.status()).toBe(410)
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('This link no longer works')
    await page.context().close()
  })
})
