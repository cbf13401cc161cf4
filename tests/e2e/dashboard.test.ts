import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, logIn, openPage, paintedPixels, sharedBrowser } from './browser'
import { scene, type Scene } from './scene'

const browser = sharedBrowser()
let s: Scene
beforeAll(async () => {
  s = await scene()
})
const SHOTS = join(__dirname, '../../test-results')

describe('a donor’s outcome dashboard', () => {
  it('shows the portfolio with target lines, the forest plot and the roll-up across organisations; a campaign opens its results', async () => {
    const page = await openPage(browser(), { viewport: { width: 1280, height: 900 } })
    await logIn(page, s.people.donor)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboards' }).click()
    await page.getByRole('heading', { level: 1, name: 'Outcome dashboard' }).waitFor()
    await page.getByLabel('Funder').selectOption({ label: s.organisations.funder })
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForURL(/funder=\d+/)
    await page.waitForLoadState('networkidle')
    const canvases = await page.locator('canvas').count()
    expect(canvases).toBe(4)
    for (let i = 0; i < canvases; i++) await expect.poll(() => paintedPixels(page, i)).toBeGreaterThan(1500)
    const rollup = (await page.locator('#forest').locator('xpath=..').locator('p').first().textContent())!
    expect(rollup).toMatch(/Across \d+ campaigns of [3-9] organisations/)
    expect(await axeViolations(page)).toEqual([])
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: join(SHOTS, 'dashboard-donor.png'), fullPage: true })

    await page.getByRole('region', { name: /Change with its 95% confidence interval/ }).getByRole('link').first().click()
    await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor()
    await page.context().close()
  })

  it('keeps working without JavaScript, and explains an unknown filter', async () => {
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await logIn(page, s.people.donor)
    await page.goto('/dashboards?audience=aliens')
    await page.getByText('“aliens” is not an audience code Lantern knows').waitFor()
    await page.goto('/dashboards')
    expect(await page.getByRole('region', { name: 'Outcome indicators with a target and an actual' }).getByRole('row').count()).toBeGreaterThan(3)
    await page.context().close()
  })

  it('prints to A4: no navigation or filters, a header with the filters and the date, tables and charts kept', async () => {
    const page = await openPage(browser(), { viewport: { width: 1280, height: 900 } })
    await logIn(page, s.people.donor)
    await page.goto('/dashboards')
    await page.getByLabel('Funder').selectOption({ label: s.organisations.funder })
    await page.getByRole('button', { name: 'Show' }).click()
    await page.waitForURL(/funder=\d+/)
    await page.waitForLoadState('networkidle')
    for (let i = 0; i < 4; i++) await expect.poll(() => paintedPixels(page, i)).toBeGreaterThan(1500)
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false)
    expect(await page.locator('form.filters').isVisible()).toBe(false)
    const header = page.locator('.print-header')
    expect(await header.isVisible()).toBe(true)
    expect(await header.textContent()).toMatch(new RegExp(`Outcome dashboard · funder: ${s.organisations.funder}.*printed [A-Z][a-z]{2} \\d{1,2}, \\d{4}`))
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length
    expect(pages).toBeGreaterThanOrEqual(2)
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: join(SHOTS, 'dashboard-print.png'), fullPage: true })
    await page.context().close()
  })
})
