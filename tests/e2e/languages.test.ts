import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, openPage, paintedPixels, PASSWORD, sharedBrowser } from './browser'
import { createCampaign, unique } from '../factories'
import { scene, type Scene } from './scene'

// Lantern in its users' languages, in a real browser: each person's browser
// asks for their language, and every word they act on is in it.

const SHOTS = join(__dirname, '../../test-results')
const browser = sharedBrowser()
let s: Scene
beforeAll(async () => {
  s = await scene()
  mkdirSync(SHOTS, { recursive: true })
})

const LOG_IN = {
  uk: { email: 'Електронна пошта', password: 'Пароль', submit: 'Увійти', out: 'Вийти' },
  ne: { email: 'इमेल ठेगाना', password: 'पासवर्ड', submit: 'लगइन गर्नुहोस्', out: 'लगआउट' },
  fr: { email: 'Adresse e-mail', password: 'Mot de passe', submit: 'Se connecter', out: 'Se déconnecter' },
} as const

async function logInAs(page: Page, locale: keyof typeof LOG_IN, who: { email: string }) {
  const words = LOG_IN[locale]
  await page.goto('/login')
  expect(await page.locator('html').getAttribute('lang')).toBe(locale)
  await page.getByLabel(words.email).fill(who.email)
  await page.getByLabel(words.password, { exact: true }).fill(PASSWORD)
  await page.getByRole('button', { name: words.submit }).click()
  await page.getByRole('banner').getByRole('button', { name: words.out }).waitFor()
}

describe('Lantern in its users’ languages', () => {
  it('a Ukrainian member registers a campaign, from empty to planned', async () => {
    const page = await openPage(browser(), { locale: 'uk-UA' })
    await logInAs(page, 'uk', s.people.member)
    const title = unique('Безпечна робота за кордоном — Львів')
    await page.goto('/campaigns')
    await page.getByRole('link', { name: 'Зареєструвати кампанію' }).click()
    await page.getByLabel('Назва кампанії').fill(title)
    await page.getByRole('button', { name: 'Створити чернетку' }).click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    const findings = () => page.locator('.findings li strong').allTextContents()
    expect(await findings()).toContain('Немає індикатора результату')
    expect(await axeViolations(page)).toEqual([])

    const save = async () => {
      await page.getByRole('button', { name: 'Зберегти й повернутися' }).click()
      await page.getByRole('heading', { level: 2, name: 'Перевірка якості' }).waitFor()
    }
    await page.getByRole('link', { name: 'Цільові аудиторії' }).click()
    await page.getByLabel('Потенційні та чинні трудові мігранти', { exact: true }).check()
    await save()

    await page.getByRole('link', { name: 'Де й коли' }).click()
    await page.getByLabel('Країна', { exact: true }).selectOption('UA')
    await page.getByRole('button', { name: 'Продовжити' }).click()
    // The oblasts by their Ukrainian names (CLDR), the code beside each.
    await page.getByLabel('Львівська область (UA-46)').check()
    await page.getByLabel('Дата початку').fill('2026-04-01')
    await page.getByLabel('Дата завершення').fill('2026-05-31')
    // The live check says in Ukrainian who else works there and then.
    const live = page.locator('.live-overlaps .overlap', { hasText: s.titles.rights })
    await live.waitFor()
    expect(await live.locator('.overlap__reasons li').first().textContent()).toMatch(/^Обидві спрямовані на .*Львівська область \(UA-46\).*травень 2026/)
    expect(await axeViolations(page)).toEqual([])
    await save()

    await page.getByRole('link', { name: 'Цілі та індикатори' }).click()
    await page.getByLabel('Ціль', { exact: true }).fill('Більше потенційних мігрантів у Львівській області знають гарячу лінію')
    await page.getByRole('button', { name: 'Додати ціль' }).click()
    await page.getByRole('link', { name: /Додати індикатор/ }).click()
    await page.getByLabel('Індикатор', { exact: true }).fill('% тих, хто знає номер національної гарячої лінії')
    await page.getByLabel('Буде виміряно базовим опитуванням').check()
    await page.getByLabel('Цільове значення', { exact: true }).fill('60')
    await page.getByLabel('Засоби перевірки').fill('Базове й підсумкове опитування')
    expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Зберегти й повернутися' }).click()
    await page.getByRole('link', { name: 'Повернутися до кампанії' }).click()
    await page.getByRole('heading', { level: 2, name: 'Перевірка якості' }).waitFor()
    expect(await findings()).toEqual(['Перевірку ризиків повідомлень не завершено'])

    await page.getByRole('button', { name: 'Зареєструвати як заплановану' }).click()
    await page.getByRole('heading', { level: 2, name: 'Історія статусів' }).waitFor()
    expect(await page.locator('.history li').last().textContent()).toMatch(/^Запланована — \d+ /)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'uk-campaign-planned.png'), fullPage: true })
    await page.context().close()
  })

  it('a Ukrainian member takes a survey’s questions from its KoboToolbox form', async () => {
    const campaign = createCampaign({ id: s.people.member.organisationId! }, { title: unique('Знай свої права'), status: 'active' })
    const page = await openPage(browser(), { locale: 'uk-UA', viewport: { width: 1000, height: 900 } })
    await logInAs(page, 'uk', s.people.member)
    await page.goto(`/campaigns/${campaign}/surveys`)
    await page.getByRole('link', { name: 'Додати запитання з форми KoboToolbox чи ODK' }).click()
    // Its form is sent once the page has hydrated: a click that lands while React 18 hydrates can be lost.
    await page.waitForLoadState('networkidle')
    await page.getByLabel('XLSForm (.xlsx)').setInputFiles(join(__dirname, '../fixtures/xlsform/know-your-rights.xlsx'))
    await page.getByRole('button', { name: 'Прочитати форму' }).click()
    // Each question in the form's Ukrainian, its type in the reader's words.
    const question = (text: string) => page.getByRole('group', { name: text })
    const check = question('Що слід зробити перед тим, як прийняти пропозицію роботи за кордоном?')
    await check.waitFor()
    expect(await check.getByText('Один варіант').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await question('Чи знаєте ви номер гарячої лінії з протидії торгівлі людьми?').getByLabel('Бажана або правильна відповідь').selectOption('1')
    await question('Що б ви порадили другові, якому пропонують роботу за кордоном?').getByLabel('Додати це запитання').uncheck()
    // The correct option left unchosen: refused at its question, the other choices kept.
    await page.getByRole('button', { name: 'Додати позначені запитання' }).click()
    await page.getByRole('alert').waitFor()
    expect(await check.locator('.field__error').textContent()).toMatch(/^\S+: Напишіть код правильного варіанта$/)
    expect(await question('Що б ви порадили другові, якому пропонують роботу за кордоном?').getByLabel('Додати це запитання').isChecked()).toBe(false)
    expect(await axeViolations(page)).toEqual([])
    await check.getByLabel('Бажана або правильна відповідь').selectOption('check_agency')
    await page.screenshot({ path: join(SHOTS, 'uk-questions-from-form.png'), fullPage: true })
    await page.getByRole('button', { name: 'Додати позначені запитання' }).click()
    await page.waitForURL(new RegExp(`/campaigns/${campaign}/surveys$`))
    // The URL changes before the survey page has rendered: its list of questions shows it has, with the five added.
    const asked = page.locator('ol li')
    await asked.filter({ hasText: 'Посередникам, які пропонують роботу за кордоном, можна довіряти' }).waitFor()
    expect(await asked.count()).toBe(5)
    expect((await asked.allTextContents()).join('\n')).not.toContain('Що б ви порадили другові')
    await page.context().close()
  })

  it('a Nepali coordinator reviews an overlap', async () => {
    const title = unique('Radio for migrant workers in Lviv')
    createCampaign({ id: s.people.member.organisationId! }, { title, subdivisions: ['UA-46'], startDate: '2026-05-01', endDate: '2026-06-30' })
    const page = await openPage(browser(), { locale: 'ne-NP' })
    await logInAs(page, 'ne', s.people.coordinator)
    await page.getByRole('navigation', { name: 'मुख्य' }).getByRole('link', { name: 'समन्वय' }).click()
    await page.getByRole('heading', { level: 1, name: 'समन्वय' }).waitFor()
    await page.getByLabel('देश', { exact: true }).selectOption('UA')
    await page.getByRole('button', { name: 'फिल्टर लागू गर्नुहोस्' }).click()
    await page.waitForURL(/country=UA/)
    const pair = page.locator('.overlap', { hasText: title }).filter({ hasText: s.titles.rights })
    // Why they overlap, in Nepali, with the month in Devanagari digits.
    expect(await pair.locator('.overlap__reasons li').first().textContent()).toMatch(/^दुवैले .*२०२६.* मा .* लक्षित गर्छन्।$/)
    await pair.getByLabel('निर्णय').selectOption('duplicate')
    await pair.getByLabel('टिप्पणी').fill('दुवै संस्थासँग कुरा भइसक्यो')
    await pair.getByRole('button', { name: /समीक्षा सुरक्षित गर्नुहोस्/ }).click()
    await page.getByText('समीक्षा सुरक्षित भयो।').waitFor()
    const reviewed = page.locator('.overlap', { hasText: title }).filter({ hasText: s.titles.rights })
    expect(await reviewed.locator('.tag').allTextContents()).toContain('दोहोरोपन')
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'ne-coordination.png'), fullPage: true })
    await page.context().close()
  })

  it('a French donor reads a dashboard and a results page', async () => {
    const page = await openPage(browser(), { locale: 'fr-FR', viewport: { width: 1280, height: 900 } })
    await logInAs(page, 'fr', s.people.donor)
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Tableaux de bord' }).click()
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord des résultats' }).waitFor()
    await page.getByLabel('Bailleur').selectOption({ label: s.organisations.funder })
    await page.getByRole('button', { name: 'Afficher' }).click()
    await page.waitForURL(/funder=\d+/)
    await page.waitForLoadState('networkidle')
    for (let i = 0; i < (await page.locator('canvas').count()); i++) await expect.poll(() => paintedPixels(page, i)).toBeGreaterThan(1500)
    const rollup = (await page.locator('#forest').locator('xpath=..').locator('p').first().textContent())!
    expect(rollup).toMatch(/^Sur \d+ campagnes de \d+ organisations/)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'fr-dashboard.png'), fullPage: true })

    await page.goto(`/campaigns?q=${encodeURIComponent(s.titles.school)}`)
    await page.getByRole('link', { name: s.titles.school }).click()
    await page.getByRole('link', { name: /^Résultats d’enquête/ }).click()
    await page.getByRole('heading', { level: 1, name: 'Résultats' }).waitFor()
    await page.waitForLoadState('networkidle')
    const card = page.locator('section.result').first()
    const sentence = (await card.locator('.result__sentence').first().textContent())!
    // French numbers: a decimal comma and a space before the percent sign.
    const [, from, to] = sentence.match(/a augmenté de ([\d,]+\s%) à ([\d,]+\s%)/)!
    const cells = await card.getByRole('table').locator('td').allTextContents()
    expect(cells, sentence).toContain(from)
    expect(cells, sentence).toContain(to)
    expect(sentence).toMatch(/IC à 95 % de [+−][\d,]+ à [+−][\d,]+/)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: join(SHOTS, 'fr-results.png'), fullPage: true })
    await page.context().close()
  })

  it('keeps axe clean in every language', { timeout: 180_000 }, async () => {
    for (const locale of ['en', 'uk', 'ro', 'ne', 'fr', 'es']) {
      const page = await openPage(browser(), { locale })
      for (const path of ['/campaigns', '/signup']) {
        await page.goto(path)
        expect(await page.locator('html').getAttribute('lang')).toBe(locale)
        expect(await axeViolations(page), `${locale} ${path}`).toEqual([])
      }
      await page.context().close()
    }
  })

  it('switches language with the switcher, without JavaScript, and stays on the page', async () => {
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await page.goto('/campaigns?status=planned')
    await page.getByLabel('Language').selectOption('uk')
    await page.getByRole('button', { name: 'Change' }).click()
    await page.getByRole('heading', { level: 1, name: 'Кампанії' }).waitFor()
    expect(new URL(page.url()).search).toBe('?status=planned')
    await page.getByLabel('Мова').selectOption('es')
    await page.getByRole('button', { name: 'Змінити' }).click()
    await page.getByRole('heading', { level: 1, name: 'Campañas' }).waitFor()
    await page.context().close()
  })
})
