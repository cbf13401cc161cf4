import { beforeAll, describe, expect, it } from 'vitest'
import { logIn, openPage, sharedBrowser } from './browser'
import { scene, type Scene } from './scene'

const browser = sharedBrowser()
let s: Scene
beforeAll(async () => {
  s = await scene()
})

describe('the coordination workspace in the browser', () => {
  it('draws the heat map, and a cell leads to the campaigns it counts', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.coordinator)
    await page.goto('/coordination?country=UA&from=2026-05-01&to=2026-05-31', { waitUntil: 'networkidle' })
    // Chart.js drew into the canvas (its pixels are not all blank).
    const drawn = await page.locator('.chart canvas').evaluate((c: HTMLCanvasElement) => {
      const pixels = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true
      return false
    })
    expect(drawn).toBe(true)
    const cell = page.getByRole('link', { name: /campaigns in UA-46, May 2026/ })
    const count = Number((await cell.textContent())!.match(/^\d+/)![0])
    await cell.click()
    await page.waitForURL(/\/campaigns\?/)
    expect(new URL(page.url()).searchParams.get('month')).toBe('2026-05')
    await page.getByRole('heading', { level: 1, name: 'Campaigns' }).waitFor()
    const statuses = await page.locator('tbody tr td:last-child').allTextContents()
    expect(statuses.filter((s) => s !== 'Draft' && s !== 'Archived')).toHaveLength(count)
    await page.context().close()
  })
})
