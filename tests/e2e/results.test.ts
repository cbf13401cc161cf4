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

describe('a donor reads what a campaign changed', () => {
  it('opens an evaluated campaign, sees its indicators met or not, and reads the results: sentences, bars with intervals, the same numbers in the table', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.donor)
    await page.goto(`/campaigns?q=${encodeURIComponent(s.titles.school)}`)
    await page.getByRole('link', { name: s.titles.school }).click()
    await page.getByRole('heading', { level: 1, name: s.titles.school }).waitFor()
    const hotline = page.getByRole('row', { name: /know the national hotline number/ })
    await expect.poll(() => hotline.textContent()).toMatch(/baseline survey.*endline survey.*of the way.*Yes, p < 0.001/)

    await page.getByRole('link', { name: /Survey results/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor()
    await page.waitForLoadState('networkidle')
    const cards = page.locator('section.result')
    expect(await cards.count()).toBe(4)

    // Each card's sentence quotes the numbers its table holds.
    for (let i = 0; i < 4; i++) {
      const card = cards.nth(i)
      const sentence = (await card.locator('.result__sentence').first().textContent())!
      const [, from, to] = sentence.match(/from ([\d.]+%?) to ([\d.]+%?)/)!
      const cells = await card.getByRole('table').locator('td').allTextContents()
      expect(cells, sentence).toContain(from)
      expect(cells, sentence).toContain(to)
      expect(sentence).toMatch(/\(95% CI [+−][\d.]+ to [+−][\d.]+\); (McNemar|paired t-test).*, \d+ matched respondents/)
    }
    // Followed up: whether the change lasted, in words.
    expect(await cards.first().getByText(/^Did it last\? Baseline to follow-up:/).isVisible()).toBe(true)
    // The charts drew: bars and error bars in every canvas.
    for (let i = 0; i < 4; i++) await expect.poll(() => paintedPixels(page, i)).toBeGreaterThan(2000)
    expect(await axeViolations(page)).toEqual([])
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: join(SHOTS, 'results-donor.png'), fullPage: true })
    // On paper: the header says what and when; navigation and downloads are gone.
    await page.emulateMedia({ media: 'print' })
    expect(await page.locator('.print-header').textContent()).toMatch(new RegExp(`Results: ${s.titles.school} · ${s.organisations.safePassage} · printed [A-Z][a-z]{2} \\d{1,2}, \\d{4}`))
    expect(await page.getByRole('link', { name: 'Download these results as CSV' }).isVisible()).toBe(false)
    await page.emulateMedia({ media: 'screen' })

    // The breakdown by sex is there for a donor; no cell under ten respondents is shown.
    await cards.first().locator('summary', { hasText: 'Breakdown' }).click()
    const sexes = cards.first().getByRole('region', { name: /Sex breakdown/ })
    const ns = (await sexes.locator('tbody tr td:last-child').allTextContents()).map(Number)
    expect(ns.length).toBeGreaterThan(1)
    expect(ns.every((n) => n >= 10)).toBe(true)
    await page.context().close()
  })

  it('reads a cluster sample’s results, told what the clustering does to certainty', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.donor)
    await page.goto(`/campaigns?q=${encodeURIComponent(s.titles.returnees)}`)
    await page.getByRole('link', { name: s.titles.returnees }).click()
    await page.getByRole('link', { name: /Survey results/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Results' }).waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.getByRole('cell', { name: 'Cluster sample (village)' }).count()).toBe(4)
    const first = page.locator('section.result').first()
    expect(await first.locator('.result__sentence').first().textContent()).toMatch(/design-based t-test \(survey regression\), p [=<] [\d.]+, 150 respondents before and 150 after/)
    expect(await first.locator('.result__design').textContent()).toMatch(/^Accounts for clustering by village \(15 clusters at baseline, 15 at endline\): design effect \d+\.\d, so the change is only as certain as it would be from about \d+ respondents drawn at random, not 300\.$/)
    expect(await page.getByText('How the respondents were drawn is not stated').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: join(SHOTS, 'results-cluster-donor.png'), fullPage: true })
    await page.context().close()
  })

  it('reads the same results without JavaScript, as tables and sentences', async () => {
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await logIn(page, s.people.donor)
    await page.goto(`/campaigns?q=${encodeURIComponent(s.titles.returnees)}`)
    await page.getByRole('link', { name: s.titles.returnees }).click()
    await page.getByRole('link', { name: /Survey results/ }).click()
    const first = page.locator('section.result').first()
    await expect.poll(() => first.locator('.result__sentence').nth(1).textContent()).toMatch(/^Compared with the comparison group, the campaign group’s change differed by/)
    expect(await first.getByRole('row', { name: /Difference in differences/ }).count()).toBe(1)
    expect(await page.getByRole('link', { name: 'Download these results as CSV' }).count()).toBe(1)
    await page.context().close()
  })
})

describe('entering an actual', () => {
  it('adds people reached by date, shown on the campaign page as the sum', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.member)
    await page.goto(`/campaigns?q=${encodeURIComponent(s.titles.school)}`)
    await page.getByRole('link', { name: s.titles.school }).click()
    const reach = page.getByRole('row', { name: /People reached/ })
    const before = Number((await reach.locator('td').nth(2).textContent())!.match(/^[\d,]+/)![0].replace(/,/g, ''))
    await page.getByRole('link', { name: 'Enter actuals for People reached' }).click()
    await page.getByRole('heading', { level: 1, name: 'People reached' }).waitFor()
    await page.waitForLoadState('networkidle')
    expect(await axeViolations(page)).toEqual([])
    // Nothing filled in: each field says what it needs, and nothing is stored.
    await page.getByRole('button', { name: 'Save the value' }).click()
    await page.getByRole('alert').getByText(/Enter the date the value is for/).waitFor()
    await page.getByLabel('Date', { exact: true }).fill('2025-06-15')
    await page.getByLabel('Value', { exact: true }).fill('120')
    await page.getByRole('button', { name: 'Save the value' }).click()
    await page.getByRole('cell', { name: '2025-06-15', exact: true }).waitFor()
    await page.getByRole('link', { name: s.titles.school }).click()
    await expect.poll(async () => (await page.getByRole('row', { name: /People reached/ }).locator('td').nth(2).textContent())!).toMatch(new RegExp(`^${(before + 120).toLocaleString('en')}`))
    await page.context().close()
  })
})

describe('the sample-size planner', () => {
  it('recomputes as the fields change, and names a wrong field', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.member)
    await page.goto(`/campaigns?q=${encodeURIComponent(s.titles.school)}`)
    await page.getByRole('link', { name: s.titles.school }).click()
    await page.getByRole('link', { name: 'Survey: questions, waves and answers' }).click()
    await page.waitForLoadState('networkidle')
    const status = page.locator('#planner').getByRole('status')
    await expect.poll(() => status.textContent()).toMatch(/you need 388 respondents/)
    // power.prop.test(p1 = 0.4, p2 = 0.6, power = 0.8): n = 96.7 → 97.
    await page.getByLabel('Change worth detecting (points)').fill('20')
    await expect.poll(() => status.textContent()).toMatch(/from 40% to 60% you need 97 respondents.*approach 108 per wave/)
    expect(await status.textContent()).toMatch(/Baseline, campaign group: target 240 is enough/)
    await page.getByLabel('Power (%)').fill('30')
    await page.getByText('Power must be at least 50').waitFor()
    expect(await axeViolations(page)).toEqual([])
    await page.context().close()
  })

  it('works without JavaScript', async () => {
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await logIn(page, s.people.member)
    await page.goto(`/campaigns?q=${encodeURIComponent(s.titles.school)}`)
    await page.getByRole('link', { name: s.titles.school }).click()
    await page.getByRole('link', { name: 'Survey: questions, waves and answers' }).click()
    await page.getByLabel('Change worth detecting (points)').fill('20')
    await page.getByRole('button', { name: 'Work it out' }).click()
    await page.locator('#planner').getByText(/you need 97 respondents/).waitFor()
    expect(new URL(page.url()).searchParams.get('change')).toBe('20')
    await page.context().close()
  })
})
