import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Papa from 'papaparse'
import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { readWaveKind } from '../../app/features/surveys/field-values'
import { REFERENCE_DATA, REFERENCE_FILES } from '../reference-data'
import { axeViolations, logIn, openPage, sharedBrowser } from './browser'
import { createCampaign, createInstrument, unique } from '../factories'
import { LIKERT_LABELS } from '../../app/features/surveys/answers'
import { scene, type Scene } from './scene'

/** A draft of the member's organisation with the reference files' three questions and the campaign group's waves (and the comparison group's endline), no answers yet. */
function referenceSurvey() {
  const title = unique('Hotline awareness survey, Lviv')
  const id = createCampaign({ id: s.people.member.organisationId! }, { title, status: 'draft' })
  createInstrument(
    id,
    [
      { code: 'knows_item', text: 'Do you know the hotline number?', type: 'binary', desired: '1' },
      { code: 'attitude_likert', text: 'I would call the hotline.', type: 'likert', options: LIKERT_LABELS },
      { code: 'knowledge_score', text: 'Knowledge score', type: 'score', min: 0, max: 10 },
    ],
    [
      { kind: 'baseline', group: 'campaign', design: 'cross_section' },
      { kind: 'endline', group: 'campaign', design: 'cross_section' },
      { kind: 'endline', group: 'comparison', design: 'cross_section' },
    ],
  )
  return title
}

const browser = sharedBrowser()
let s: Scene
beforeAll(async () => {
  s = await scene()
})
const KOBO = join(__dirname, '../fixtures/kobo-hotline-survey.csv')

/** From the campaign list to the campaign's survey page, as a planner finds it. */
async function openSurvey(page: Page, title: string) {
  await page.goto(`/campaigns?q=${encodeURIComponent(title)}`)
  await page.getByRole('link', { name: title }).click()
  await page.getByRole('link', { name: 'Survey: questions, waves and answers' }).click()
}

async function addQuestion(page: Page, code: string, text: string, type: string, extra: (page: Page) => Promise<void>) {
  await page.getByRole('link', { name: 'Add a question' }).click()
  await page.getByLabel('Code').fill(code)
  await page.getByLabel('Question', { exact: true }).fill(text)
  await page.getByRole('radio', { name: type }).check()
  await extra(page)
  await page.getByRole('button', { name: 'Save and return' }).click()
  await page.getByRole('heading', { level: 1, name: 'Survey' }).waitFor()
  await page.getByText(`${code} —`).waitFor()
}

async function addWave(page: Page, kind: string, group: string, design: string) {
  await page.locator('details:has(summary:text("Add a wave"))').evaluate((d) => ((d as HTMLDetailsElement).open = true))
  await page.getByLabel('Wave', { exact: true }).selectOption(kind)
  await page.getByLabel('Group', { exact: true }).selectOption(group)
  await page.getByLabel('Design', { exact: true }).selectOption(design)
  const rows = page.getByRole('region', { name: 'Waves' }).getByRole('row')
  const before = await rows.count()
  await page.getByRole('button', { name: 'Add the wave' }).click()
  // The status of the previous wave may still show; the new row is what says this one is stored.
  await rows.nth(before === 0 ? 1 : before).waitFor()
  await page.getByRole('status').filter({ hasText: 'The wave was added.' }).waitFor()
}

const content = (text: string) => {
  const [header, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').trim()).data
  return { header, rows: rows.map((r) => JSON.stringify(r.map((v, i) => (header![i] === 'wave' ? readWaveKind(v) : v)))).sort() }
}

const DATA = REFERENCE_DATA
const FILES = REFERENCE_FILES

describe('a planner’s survey in the browser', () => {
  it.each(FILES)('builds an instrument and waves, imports %s, and downloads it back with the same content', async (file) => {
    const path = join(DATA, file)
    const [header, ...rows] = Papa.parse<string[]>(readFileSync(path, 'utf8').trim()).data
    const groups = [...new Set(rows.map((r) => r[header!.indexOf('group')]!))]
    const page = await openPage(browser(), { acceptDownloads: true })
    await logIn(page, s.people.member)
    await page.goto('/campaigns/new')
    const title = `Survey ${file}`
    await page.getByLabel('Campaign title').fill(title)
    await page.getByRole('button', { name: 'Create draft' }).click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    const id = new URL(page.url()).pathname.split('/')[2]
    await page.goto(`/campaigns/${id}/surveys`)
    await page.waitForLoadState('networkidle')
    if (file === FILES[0]) expect(await axeViolations(page)).toEqual([])

    await addQuestion(page, 'knows_item', 'Do you know the hotline number?', 'Yes or no', (p) => p.getByLabel('Desired or correct answer').fill('1'))
    await addQuestion(page, 'attitude_likert', 'I would call the hotline if I needed help.', 'Agreement, 1 to 5', async () => {})
    await addQuestion(page, 'knowledge_score', 'Knowledge score out of ten', 'Numeric score', async (p) => {
      await p.getByLabel('Lowest score').fill('0')
      await p.getByLabel('Highest score').fill('10')
    })
    for (const group of groups) for (const kind of ['baseline', 'endline']) await addWave(page, kind, group, file.includes('panel') ? 'panel' : 'cross_section')

    await page.getByRole('link', { name: 'Import answers from a spreadsheet' }).click()
    await page.getByLabel('CSV or XLSX file').setInputFiles(path)
    await page.getByRole('button', { name: 'Upload and check' }).click()
    await page.getByRole('heading', { name: 'As it will be stored' }).waitFor()
    await page.waitForLoadState('networkidle')
    if (file === FILES[0]) expect(await axeViolations(page)).toEqual([])
    await page.getByRole('button', { name: 'Import the file' }).click()
    await page.getByRole('status').filter({ hasText: `${rows.length} responses were imported` }).waitFor()

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download all answers/ }).click()])
    const exported = readFileSync((await download.path())!, 'utf8')
    expect(content(exported)).toEqual(content(readFileSync(path, 'utf8')))
  })

  it('imports a KoboToolbox export only once its name and phone columns are dropped', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.member)
    const title = referenceSurvey()
    await openSurvey(page, title)
    await page.getByRole('link', { name: 'Import answers from a spreadsheet' }).click()
    await page.getByLabel('CSV or XLSX file').setInputFiles(KOBO)
    await page.getByRole('button', { name: 'Upload and check' }).click()
    await page.getByRole('heading', { name: /problems to fix/ }).waitFor()
    await page.waitForLoadState('networkidle')
    expect(await page.getByText(/Its heading suggests a name/).count()).toBe(1)
    expect(await page.getByRole('button', { name: /^Import/ }).count()).toBe(0)

    await page.getByLabel('Import group_id/respondent_name as').selectOption('drop')
    await page.getByLabel('Import group_id/phone_number as').selectOption('drop')
    await page.getByLabel('The file has no wave column: its rows belong to').selectOption('endline:comparison')
    await page.getByRole('button', { name: 'Check again with these choices' }).click()
    await page.getByRole('heading', { name: 'As it will be stored' }).waitFor()
    await page.getByRole('button', { name: 'Import the file' }).click()
    await page.getByRole('status').filter({ hasText: '6 responses were imported' }).waitFor()

    // A paper questionnaire typed in: a wrong value is named beside its field and nothing typed is lost.
    await page.getByRole('link', { name: /responses in the Endline of the Comparison group/ }).click()
    await page.getByRole('link', { name: 'Type in a response' }).click()
    await page.waitForLoadState('networkidle')
    expect(await axeViolations(page)).toEqual([])
    await page.getByLabel('Respondent code').fill('PAPER-01')
    await page.getByRole('group', { name: /knows_item/ }).getByLabel('Yes').check()
    await page.getByLabel(/knowledge_score/).fill('12')
    await page.getByRole('button', { name: 'Save the response' }).click()
    await page.getByRole('alert').getByText('12 is outside the range 0 to 10').waitFor()
    expect(await page.getByLabel('Respondent code').inputValue()).toBe('PAPER-01')
    await page.getByLabel(/knowledge_score/).fill('8')
    await page.getByRole('button', { name: 'Save the response' }).click()
    await page.getByRole('link', { name: 'Change the response of PAPER-01' }).waitFor()
  })

  it('asks a multiple-choice question: options in the form, Kobo’s columns imported, checkboxes typed in, one result per option', async () => {
    const page = await openPage(browser())
    await logIn(page, s.people.member)
    await page.goto('/campaigns/new')
    const title = unique('Where people heard of the hotline')
    await page.getByLabel('Campaign title').fill(title)
    await page.getByRole('button', { name: 'Create draft' }).click()
    await page.getByRole('heading', { level: 1, name: title }).waitFor()
    const id = new URL(page.url()).pathname.split('/')[2]
    await page.goto(`/campaigns/${id}/surveys`)
    await addQuestion(page, 'heard_from', 'Where did you hear about the hotline?', 'Multiple choice', (p) => p.getByLabel(/^Options/).fill('radio = Radio\ntv = Television\nfriends = Friends or family'))
    await page.getByText('Multiple choice: radio, tv, friends').waitFor()
    for (const kind of ['baseline', 'endline']) await addWave(page, kind, 'campaign', 'cross_section')

    // Kobo's default layout: the list of chosen options, then a 0/1 column per option, under the form's group.
    const lines = ['group_a/respondent_code;wave;group_m/heard_from;group_m/heard_from/radio;group_m/heard_from/tv;group_m/heard_from/friends']
    for (let i = 0; i < 30; i++) lines.push(`B-${i};pre;${i < 9 ? 'radio' : 'friends'};${i < 9 ? 1 : 0};0;${i < 9 ? 0 : 1}`)
    for (let i = 0; i < 30; i++) lines.push(`E-${i};post;${i < 21 ? 'radio tv' : 'friends'};${i < 21 ? 1 : 0};${i < 21 ? 1 : 0};${i < 21 ? 0 : 1}`)
    const file = join(mkdtempSync(join(tmpdir(), 'kobo-')), 'heard-from.csv')
    writeFileSync(file, lines.join('\n'))
    await page.getByRole('link', { name: 'Import answers from a spreadsheet' }).click()
    await page.getByLabel('CSV or XLSX file').setInputFiles(file)
    await page.getByRole('button', { name: 'Upload and check' }).click()
    await page.getByRole('heading', { name: 'As it will be stored' }).waitFor()
    expect(await page.getByLabel('Import group_m/heard_from/tv as').inputValue()).toBe('option:heard_from/tv')
    await page.getByRole('button', { name: 'Import the file' }).click()
    await page.getByRole('status').filter({ hasText: '60 responses were imported' }).waitFor()

    await page.getByRole('link', { name: /responses in the Endline of the Campaign group/ }).click()
    await page.getByRole('link', { name: 'Type in a response' }).click()
    await page.waitForLoadState('networkidle')
    expect(await axeViolations(page)).toEqual([])
    await page.getByLabel('Respondent code').fill('PAPER-02')
    const question = page.getByRole('group', { name: /heard_from/ })
    await question.getByLabel('Radio').check()
    await question.getByLabel('Friends or family').check()
    await page.getByRole('button', { name: 'Save the response' }).click()
    await page.getByRole('link', { name: 'Change the response of PAPER-02' }).click()
    expect(await page.getByRole('group', { name: /heard_from/ }).getByLabel('Friends or family').isChecked()).toBe(true)

    await page.goto(`/campaigns/${id}/results`)
    await page.waitForLoadState('networkidle')
    const cards = page.locator('section.result')
    expect(await cards.count()).toBe(3)
    expect(await cards.nth(0).getByRole('heading', { level: 2 }).textContent()).toMatch(/^Where did you hear about the hotline\? — Radio/)
    expect(await cards.nth(0).locator('.result__sentence').first().textContent()).toMatch(/^The share choosing “Where did you hear about the hotline\? — Radio” rose from 30\.0% to 71\.0%/)
    expect(await axeViolations(page)).toEqual([])
    await page.screenshot({ path: join(__dirname, '../../test-results/results-multiple-choice.png'), fullPage: true })
    await page.context().close()
  })

  it('works without JavaScript: upload, check, import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-e2e-'))
    const file = join(dir, 'paper-round.csv')
    writeFileSync(file, 'respondent_code,wave,group,knows_item\nNOJS-1,pre,campaign,yes\nNOJS-2,post,campaign,no\n')
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await logIn(page, s.people.member)
    const title = referenceSurvey()
    await openSurvey(page, title)
    await page.getByRole('link', { name: 'Import answers from a spreadsheet' }).click()
    await page.getByLabel('CSV or XLSX file').setInputFiles(file)
    await page.getByRole('button', { name: 'Upload and check' }).click()
    await page.getByRole('heading', { name: 'As it will be stored' }).waitFor()
    await page.getByRole('button', { name: 'Import the file' }).click()
    await page.getByRole('status').filter({ hasText: '2 responses were imported from paper-round.csv' }).waitFor()
  })

  it('shows a large file’s progress while it is imported, and the survey page once it is done, without JavaScript', async () => {
    // Over 1 MB: the progress page comes at once rather than after the wait for a small file.
    const rows = Array.from({ length: 50_000 }, (_, i) => `BIG-${i},${i % 2 ? 'post' : 'pre'},campaign,${i % 3 ? 'yes' : 'no'}`)
    const file = join(mkdtempSync(join(tmpdir(), 'lantern-e2e-')), 'big-round.csv')
    writeFileSync(file, ['respondent_code,wave,group,knows_item', ...rows].join('\n'))
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await logIn(page, s.people.member)
    await openSurvey(page, referenceSurvey())
    await page.getByRole('link', { name: 'Import answers from a spreadsheet' }).click()
    await page.getByLabel('CSV or XLSX file').setInputFiles(file)
    await page.getByRole('button', { name: 'Upload and check' }).click()
    await page.getByRole('heading', { name: 'As it will be stored' }).waitFor()
    await page.getByRole('button', { name: 'Import the file' }).click()
    await page.getByRole('heading', { name: 'Importing big-round.csv' }).waitFor()
    expect(await page.getByRole('progressbar', { name: /^Rows checked: [\d,]+ \(\d+ % of the file\)$/ }).count()).toBe(1)
    await page.screenshot({ path: join(tmpdir(), 'lantern-import-progress.png'), fullPage: true })
    // The page reloads itself until the import has ended.
    await page.getByRole('status').filter({ hasText: '50,000 responses were imported from big-round.csv' }).waitFor({ timeout: 60_000 })
    for (const wave of ['Baseline', 'Endline']) await page.getByRole('link', { name: `25,000 responses in the ${wave} of the Campaign group: see or type in` }).waitFor()
  }, 90_000)

  it('takes the week’s second Kobo download: only the new respondents added, the changed one accepted by a tick, without JavaScript', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-e2e-'))
    const header = 'start;end;respondent;grp/knows_item;grp/attitude_likert;grp/knowledge_score;_id;_uuid;_submission_time;_index'
    const week1 = ['2026-03-01T10:00:00;2026-03-01T10:09:00;KW-1;yes;Agree;7;1;u-1;2026-03-01T10:10:00;1', '2026-03-01T11:00:00;2026-03-01T11:09:00;KW-2;no;Disagree;3;2;u-2;2026-03-01T11:10:00;2']
    const week2 = [week1[0]!, week1[1]!.replace(';no;Disagree;3;', ';yes;Agree;6;'), '2026-03-08T09:00:00;2026-03-08T09:09:00;KW-3;yes;Strongly agree;9;3;u-3;2026-03-08T09:10:00;3']
    writeFileSync(join(dir, 'week-1.csv'), [header, ...week1].join('\n'))
    writeFileSync(join(dir, 'week-2.csv'), [header, ...week2].join('\n'))
    const page = await openPage(browser(), { javaScriptEnabled: false })
    await logIn(page, s.people.member)
    const title = referenceSurvey()
    await openSurvey(page, title)
    const survey = page.url()
    const upload = async (file: string) => {
      await page.goto(survey)
      await page.getByRole('link', { name: 'Import answers from a spreadsheet' }).click()
      await page.getByLabel('CSV or XLSX file').setInputFiles(join(dir, file))
      await page.getByRole('button', { name: 'Upload and check' }).click()
      await page.getByLabel('The file has no wave column: its rows belong to').selectOption('baseline:campaign')
      await page.getByRole('button', { name: 'Check again with these choices' }).click()
      await page.getByRole('heading', { name: 'As it will be stored' }).waitFor()
    }
    await upload('week-1.csv')
    await page.getByRole('button', { name: 'Import the file' }).click()
    await page.getByRole('status').filter({ hasText: '2 responses were imported from week-1.csv' }).waitFor()

    await upload('week-2.csv')
    // The first rows compared with what is stored: KW-3 is new. The whole file is compared when it is imported, and a changed row waits for a tick.
    expect(await page.getByRole('region', { name: 'Preview' }).getByRole('row').nth(1).innerText()).toMatch(/^4\s+KW-3/)
    await page.getByRole('button', { name: 'Import the file' }).click()
    await page.getByRole('alert').filter({ hasText: 'Nothing was imported yet: 1 row says something else than what is stored.' }).waitFor()
    await page.getByText('1 row is already stored as it is and will be skipped').waitFor()
    const changed = page.getByRole('region', { name: 'Changed rows' })
    expect(await changed.getByRole('row').nth(1).innerText()).toMatch(/KW-2[\s\S]*knows_item: 0 → 1[\s\S]*attitude_likert: 2 → 4[\s\S]*knowledge_score: 3 → 6/)
    // axe runs scripts: the same page, looked at with JavaScript on.
    const looked = await openPage(browser())
    await logIn(looked, s.people.member)
    await looked.goto(page.url())
    await looked.getByRole('region', { name: 'Changed rows' }).waitFor()
    expect(await axeViolations(looked)).toEqual([])
    await looked.screenshot({ path: join(tmpdir(), 'lantern-repeated-download.png'), fullPage: true })
    await page.getByLabel('Accept the change to KW-2 (line 3)').check()
    await page.getByRole('button', { name: 'Import the new rows and the changes ticked' }).click()
    const told = page.getByRole('status').filter({ hasText: '1 new response was imported from week-2.csv. 1 row was already stored as it is, and skipped.' })
    expect(await told.innerText()).toContain('Of 1 row that says something else than what is stored, 1 change was accepted')
  })
})

