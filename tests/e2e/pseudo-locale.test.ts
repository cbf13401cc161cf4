import { iso31661, iso31662 } from 'iso-3166'
import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '../../app/shared/db.server'
import { baseUrl, openPage, PASSWORD, sharedBrowser } from './browser'
import { createCampaign, indicatorsOf } from '../factories'
import { scene, type Scene } from './scene'

// Every page in the pseudo-language (accented, a third longer, each message
// in ⟦ ⟧): any other text with Latin words is a sentence that escaped the
// catalogue, unless it is data — what people typed (read back from the
// database), and names and dates the runtime's Intl writes. And nothing may
// be wider than a 320 px phone.

const browser = sharedBrowser()
let s: Scene
let draft: number
let known: string[]
beforeAll(async () => {
  s = await scene()
  draft = createCampaign({ id: s.people.member.organisationId! }, { status: 'draft', title: 'Draft for the walk' })
  known = peopleTyped()
})

/** Everything people typed or a file brought, longest first: it is shown as it was written, in any language. */
function peopleTyped(): string[] {
  const columns: [string, string[]][] = [
    ['organisations', ['name', 'contact_name', 'contact_email', 'website']],
    ['users', ['name', 'email']],
    ['campaigns', ['title', 'summary', 'key_messages', 'locality', 'audience_other', 'channel_other']],
    ['objectives', ['statement']],
    ['indicators', ['name', 'means_of_verification']],
    ['standard_indicators', ['name', 'code', 'guidance']],
    ['survey_questions', ['code', 'text', 'options']],
    ['survey_waves', ['sampling_notes', 'cluster_unit']],
    ['indicator_actuals', ['note']],
  ]
  const found = new Set<string>()
  for (const [table, names] of columns) {
    for (const name of names) {
      for (const row of db.$client.prepare(`select ${name} as v from ${table} where ${name} is not null and ${name} != ''`).all() as { v: string }[]) {
        if (name === 'options') for (const o of JSON.parse(row.v) as { code: string; label: string }[]) found.add(o.label).add(o.code)
        else for (const line of row.v.split('\n')) found.add(line.trim())
      }
    }
  }
  const english = new Intl.DisplayNames('en', { type: 'region' })
  for (const c of iso31661) found.add(c.name).add(english.of(c.alpha2) ?? c.alpha2)
  for (const d of iso31662) found.add(d.name)
  const languages = new Intl.DisplayNames('en', { type: 'language' })
  for (const row of db.$client.prepare('select distinct language from campaign_languages').all() as { language: string }[]) {
    found.add(languages.of(row.language) ?? row.language)
  }
  return [...found].filter((v) => v.length > 1).sort((a, b) => b.length - a.length)
}

/** Month and day names as Intl writes English dates, and the words of its lists. */
const INTL_WORDS = /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|and|or|AM|PM)\b/g

async function escapes(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // The language menu names each language in itself; a <select>'s options are codes' names or data;
      // <code> is a code (stable in every language); an element with its own lang is content in that language.
      if (!n.parentElement || n.parentElement.closest('script, style, option, .language-switcher, code, body [lang]')) continue
      out.push(n.textContent ?? '')
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')) {
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) if (el.getAttribute(attr)) out.push(el.getAttribute(attr)!)
    }
    out.push(document.title)
    return out
  })
  const left: string[] = []
  for (const text of texts) {
    let rest = text.replace(/⟦[^⟦⟧]*⟧/g, ' ')
    // Nested messages leave their closing marks: what is inside a message is the message's.
    rest = rest.replace(/[^⟦]*⟧/g, ' ')
    for (const value of known) if (rest.includes(value)) rest = rest.split(value).join(' ')
    rest = rest.replace(INTL_WORDS, ' ').replace(/\b(Lantern|CSV|XLSX|IATI|XML|HXL|UTF-8|KoboToolbox|ODK|OECD|DAC|ISO|df|n|p)\b/g, ' ')
    if (/[A-Za-z]{3,}/.test(rest)) left.push(text.trim().slice(0, 100))
  }
  return [...new Set(left)]
}

async function pseudoPage(b: Browser, who?: { email: string }): Promise<Page> {
  const page = await openPage(b, { viewport: { width: 320, height: 640 } })
  await page.context().addCookies([{ name: 'lantern_lang', value: 'en-XA', url: baseUrl }])
  if (who) {
    await page.goto('/login')
    await page.locator('input[type=email]').fill(who.email)
    await page.locator('input[type=password]').fill(PASSWORD)
    await page.locator('main form button[type=submit]').click()
    await page.getByRole('banner').locator('form[action="/logout"] button').waitFor()
  }
  return page
}

async function walk(page: Page, paths: string[]) {
  const found: string[] = []
  for (const path of paths) {
    await page.goto(path)
    expect(await page.locator('html').getAttribute('lang'), path).toBe('en-XA')
    for (const e of await escapes(page)) found.push(`${path}: ${e}`)
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    if (width > 320) found.push(`${path}: ${width} px wide at 320 px`)
  }
  return found
}

describe('the pseudo-language, on every page', () => {
  it('finds no uncatalogued text and no page wider than 320 px: a member’s pages', { timeout: 180_000 }, async () => {
    const page = await pseudoPage(browser(), s.people.member)
    const school = Number(new URL(await (async () => {
      await page.goto(`/campaigns?q=${encodeURIComponent(s.titles.school)}`)
      return page.locator('tbody a').first().evaluate((a) => (a as HTMLAnchorElement).href)
    })()).pathname.split('/')[2])
    const indicator = indicatorsOf(school)[1]!.id
    const question = (db.$client.prepare('select id from survey_questions where campaign_id = ? order by position limit 1').get(school) as { id: number }).id
    const pages = [
      '/',
      '/campaigns',
      `/campaigns/${school}`,
      `/campaigns/${school}/results`,
      `/campaigns/${school}/surveys`,
      `/campaigns/${school}/surveys/questions/new`,
      `/campaigns/${school}/surveys/questions/${question}`,
      `/campaigns/${school}/surveys/languages`,
      `/campaigns/${school}/surveys/questions/from-form`,
      `/campaigns/${school}/surveys/import`,
      `/campaigns/${school}/indicators/${indicator}`,
      `/campaigns/${draft}/edit`,
      `/campaigns/${draft}/edit/basics`,
      `/campaigns/${draft}/edit/audiences`,
      `/campaigns/${draft}/edit/channels`,
      `/campaigns/${draft}/edit/where`,
      `/campaigns/${draft}/edit/where?country=UA`,
      `/campaigns/${draft}/edit/objectives`,
      `/campaigns/${draft}/edit/budget`,
      `/campaigns/${draft}/edit/risk`,
      '/campaigns/new',
      '/campaigns/import',
      '/dashboards',
      '/standard-indicators',
      '/notifications',
      '/account',
      `/organisations/${s.people.member.organisationId}`,
      '/no-such-page',
    ]
    expect(await walk(page, pages)).toEqual([])
    // The questions a form offers, after its XLSForm is read.
    await page.goto(`/campaigns/${school}/surveys/questions/from-form`)
    await page.locator('input[type=file]').setInputFiles('tests/fixtures/xlsform/know-your-rights.xlsx')
    await page.locator('main form button[type=submit]').click()
    await page.locator('input[name="add"]').first().waitFor()
    expect(await escapes(page)).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320)
    await page.context().close()
  })

  it('finds no uncatalogued text and no page wider than 320 px: coordinator, donor, admin and visitor', { timeout: 180_000 }, async () => {
    for (const [who, pages] of [
      [s.people.coordinator, ['/coordination', '/coordination?country=UA']],
      [s.people.donor, ['/dashboards']],
      [s.people.orgadmin, [`/organisations/${s.people.orgadmin.organisationId}/members`, `/organisations/${s.people.orgadmin.organisationId}/edit`, `/organisations/${s.people.orgadmin.organisationId}/audit`]],
      [s.people.admin, ['/admin', '/admin/users']],
      [undefined, ['/', '/login', '/signup', '/campaigns']],
    ] as const) {
      const page = await pseudoPage(browser(), who)
      expect(await walk(page, [...pages])).toEqual([])
      await page.context().close()
    }
  })
})
