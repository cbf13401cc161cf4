import AxeBuilder from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { logIn, openPage, sharedBrowser } from './browser'
import { createCampaign, indicatorsOf } from '../factories'
import { scene, type Scene } from './scene'

const browser = sharedBrowser()
let s: Scene
beforeAll(async () => {
  s = await scene()
})

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze()
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save and return' }).click()
  await page.getByRole('heading', { level: 2, name: 'Quality check' }).waitFor()
}

async function register(page: Page, title: string, checkAxe: boolean, overlapping: string) {
  await page.goto('/campaigns')
  await page.getByRole('link', { name: 'Register a campaign' }).click()
  await page.getByLabel('Campaign title').fill(title)
  await page.getByRole('button', { name: 'Create draft' }).click()
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
  const findings = async () => page.locator('.findings li strong').allTextContents()
  expect(await findings()).toContain('No outcome indicator')
  if (checkAxe) expect(await axe(page)).toEqual([])

  await page.getByRole('link', { name: 'Target audiences' }).click()
  await page.getByLabel('Prospective and current migrant workers', { exact: true }).check()
  if (checkAxe) expect(await axe(page)).toEqual([])
  await save(page)

  await page.getByRole('link', { name: 'Where and when' }).click()
  await page.getByLabel('Country', { exact: true }).selectOption('UA')
  await page.getByRole('button', { name: 'Continue' }).click()
  if (checkAxe) {
    // With JavaScript, a search box narrows the 27 oblasts.
    await page.getByLabel('Search Subdivisions of Ukraine').fill('lviv')
    await page.getByText('1 of 27 shown').waitFor()
    expect(await page.locator('.choice:visible').count()).toBe(1)
  }
  await page.getByLabel('Lvivska oblast (UA-46)').check()
  await page.getByLabel('Start date').fill('2026-04-01')
  await page.getByLabel('End date').fill('2026-05-31')
  if (checkAxe) {
    // With JavaScript the check runs while the form is filled, before saving.
    await page.locator('.live-overlaps .overlap', { hasText: overlapping }).waitFor()
    expect(await axe(page)).toEqual([])
  } else {
    expect(await page.locator('.live-overlaps').count()).toBe(0)
  }
  await save(page)
  // The saved draft already shows who else works there and then.
  const overlap = page.locator('.overlap', { hasText: overlapping })
  expect(await overlap.locator('.overlap__reasons li').first().textContent()).toBe(
    'Both target prospective and current migrant workers in Lvivska oblast (UA-46) in May 2026.',
  )

  await page.getByRole('link', { name: 'Objectives and indicators' }).click()
  await page.getByLabel('Objective', { exact: true }).fill('More prospective migrants in Lviv oblast know the hotline')
  await page.getByRole('button', { name: 'Add objective' }).click()
  await page.getByRole('link', { name: /Add an indicator/ }).click()
  await page.getByLabel('Indicator', { exact: true }).fill('% who know the national hotline number')
  await page.getByLabel('To be measured at baseline').check()
  await page.getByLabel('Target', { exact: true }).fill('60')
  await page.getByLabel('Means of verification').fill('Baseline and endline survey')
  if (checkAxe) expect(await axe(page)).toEqual([])
  await page.getByRole('button', { name: 'Save and return' }).click()
  await page.getByRole('link', { name: 'Return to the campaign' }).click()
  await page.getByRole('heading', { level: 2, name: 'Quality check' }).waitFor()
  // Fixing the findings changed the quality check.
  expect(await findings()).toEqual(['Message-risk review not finished'])

  await page.getByRole('button', { name: 'Register as planned' }).click()
  await page.getByRole('heading', { level: 2, name: 'Status history' }).waitFor()
  expect(await page.locator('.history li').allTextContents()).toHaveLength(2)
  if (checkAxe) expect(await axe(page)).toEqual([])
}

describe('registering a campaign in the browser', () => {
  it('with JavaScript: from empty to planned, then found in the filtered list', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.member)
    await register(page, 'Safe jobs abroad — Lviv 2026', true, s.titles.rights)
    await page.goto('/campaigns?audience=migrant_workers&subdivision=UA-46&status=planned')
    expect(await page.getByRole('link', { name: 'Safe jobs abroad — Lviv 2026' }).count()).toBe(1)
    expect(await axe(page)).toEqual([])
    await page.goto('/campaigns?q=no-such-campaign-anywhere')
    expect(await page.getByText('No campaigns match.').isVisible()).toBe(true)
    await page.context().close()
  })

  it('keeps what is typed: a field left empty never moves focus while the form is being filled', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.member)
    const id = createCampaign({ id: s.people.member.organisationId! }, { status: 'draft' })
    const [indicator] = indicatorsOf(id)
    await page.goto(`/campaigns/${id}/edit/objectives/${indicator!.objectiveId}/indicator`, { waitUntil: 'networkidle' })
    await page.getByLabel('Indicator', { exact: true }).click()
    await page.getByLabel('Target', { exact: true }).click()
    await page.keyboard.type('55')
    expect(await page.getByLabel('Target', { exact: true }).inputValue()).toBe('55')
    // The empty name is named beside its field; the summary waits until the form is sent, then takes focus.
    expect(await page.locator('.error-summary').count()).toBe(0)
    await page.getByLabel('Indicator', { exact: true }).fill('')
    await page.getByRole('button', { name: 'Save and return' }).click()
    // Focus moves once the summary has rendered: wait for it there, not for the summary alone.
    await page.locator('.error-summary:focus').waitFor({ timeout: 5000 })
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('error-summary')
    await page.context().close()
  })

  it('without JavaScript: the same journey works', async () => {
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await logIn(page, s.people.orgadmin)
    await register(page, 'No-script campaign for Lviv', false, s.titles.rights)
    await page.context().close()
  })
})
