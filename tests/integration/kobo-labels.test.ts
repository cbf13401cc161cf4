import { readFileSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { LIKERT_LABELS } from '../../app/features/surveys/answers'
import { importPlan, runImport, storeUpload } from '../../app/features/surveys/import.server'
import { setQuestionWords, surveyResponsesCsv } from '../../app/features/surveys/index.server'
import { changeResults } from '../../app/features/results/flow.server'
import { db } from '../../app/shared/db.server'
import { surveyQuestions } from '../../db/schema'
import * as importRoute from '../../app/routes/campaigns.$campaignId.surveys.import'
import { campaignWithInstrument } from '../factories'
import { invoke, SITE } from './helpers'

// KoboToolbox exports labels in the form's language unless asked for XML
// values: a Ukrainian form's export names its columns and answers in
// Ukrainian. Four exports of the same eight submissions, made by Kobo's own
// exporter (tests/fixtures/kobo-labels/README.md), must store the same answers.

const file = (name: string) => readFileSync(`tests/fixtures/kobo-labels/${name}`, 'utf8')

const choice = (code: string, label: string) => ({ code, label })
const QUESTIONS = [
  { code: 'knows_hotline', text: 'Do you know the anti-trafficking hotline number?', type: 'binary' as const, desired: '1', options: [], min: null, max: null, indicatorId: null },
  {
    code: 'job_offer_check',
    text: 'What should you do before accepting a job offer abroad?',
    type: 'single_choice' as const,
    desired: 'check_agency',
    options: [choice('check_agency', 'Check the agency in the state register'), choice('pay_fee', 'Pay a fee in advance'), choice('give_passport', 'Hand the passport to the employer')],
    min: null,
    max: null,
    indicatorId: null,
  },
  {
    code: 'heard_from',
    text: 'Where did you hear about the campaign?',
    type: 'multiple_choice' as const,
    desired: null,
    options: [choice('radio', 'Radio'), choice('social', 'Social media'), choice('friends', 'Friends or family'), choice('school', 'School or university')],
    min: null,
    max: null,
    indicatorId: null,
  },
  { code: 'trust_recruiters', text: 'Recruiters who offer work abroad can be trusted', type: 'likert' as const, desired: null, options: [...LIKERT_LABELS], min: null, max: null, indicatorId: null },
  { code: 'knowledge_score', text: 'Knowledge test score (0–10)', type: 'score' as const, desired: null, options: [], min: 0, max: 10, indicatorId: null },
]

// The questions' Ukrainian words, as the planner gave them on each question's form.
const UKRAINIAN = {
  knows_hotline: { text: 'Чи знаєте ви номер гарячої лінії з протидії торгівлі людьми?' },
  job_offer_check: { text: 'Що слід зробити перед тим, як прийняти пропозицію роботи за кордоном?', options: { check_agency: 'Перевірити агенцію в державному реєстрі', pay_fee: 'Заплатити внесок наперед', give_passport: 'Віддати паспорт роботодавцю' } },
  heard_from: { text: 'Де ви чули про кампанію?', options: { radio: 'Радіо', social: 'Соціальні мережі', friends: 'Друзі або родина', school: 'Школа або університет' } },
  trust_recruiters: { text: 'Посередникам, які пропонують роботу за кордоном, можна довіряти', options: { 1: 'Зовсім не згоден', 2: 'Не згоден', 3: 'Ні те, ні інше', 4: 'Згоден', 5: 'Цілком згоден' } },
  knowledge_score: { text: 'Бал за тест знань (0–10)' },
}

async function surveyedInUkrainian({ words = true } = {}) {
  const c = await campaignWithInstrument(QUESTIONS)
  if (words) for (const q of db.select().from(surveyQuestions).where(eq(surveyQuestions.campaignId, c.id)).all()) setQuestionWords(c.actor, c.id, q.id, { uk: UKRAINIAN[q.code as keyof typeof UKRAINIAN] })
  return c
}

/** An XLSX file sent to the import page as a browser sends it; the upload's id. */
async function sentAsXlsx(c: Awaited<ReturnType<typeof surveyedInUkrainian>>, name: string) {
  const body = new FormData()
  body.set('file', new File([new Uint8Array(readFileSync(`tests/fixtures/kobo-labels/${name}`))], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
  const sent = await invoke(importRoute.action, new Request(`${SITE}/campaigns/${c.id}/surveys/import`, { method: 'POST', headers: { Origin: SITE, Cookie: c.cookie }, body }), { campaignId: String(c.id) })
  expect(sent.status).toBe(302)
  return Number(new URL(sent.location!, SITE).searchParams.get('upload'))
}

/** What is stored, as the responses CSV gives it, one line per respondent; the age band kept apart (a form's label, stored as written). */
async function storedAfterImport(name: string) {
  const c = await surveyedInUkrainian()
  const upload = name.endsWith('.xlsx') ? await sentAsXlsx(c, name) : await storeUpload(c.actor, c.id, name, file(name))
  const plan = await importPlan(c.actor, c.id, upload)
  expect(plan.mapping).not.toContain('choose')
  expect(plan.problems).toEqual([])
  expect(await changeResults(c.actor, c.id, (change) => runImport(change, upload, {}))).toMatchObject({ ok: true, created: 8 })
  const { fields, rows } = await surveyResponsesCsv(c.actor, c.id)
  const ageBand = fields.indexOf('age_band')
  return { mapping: plan.mapping, rows: rows.map((r) => r.filter((_, i) => i !== ageBand).join('|')).sort(), ageBands: rows.map((r) => r[ageBand]).sort() }
}

describe('a KoboToolbox labels export in the form’s other language', () => {
  it('maps every column of the Ukrainian export by its heading, without a person choosing', async () => {
    const { mapping } = await storedAfterImport('labels-uk.csv')
    expect(mapping).toEqual([
      'drop', 'drop', 'respondent_code', 'wave', 'sex', 'age_band',
      'question:knows_hotline', 'question:job_offer_check', 'question:heard_from',
      'option:heard_from/radio', 'option:heard_from/social', 'option:heard_from/friends', 'option:heard_from/school',
      'question:trust_recruiters', 'question:knowledge_score', 'drop', 'submission_id', 'drop', 'drop',
    ])
  })

  it('stores from the Ukrainian and the English labels exports (CSV and XLSX) exactly what the XML values export stores', async () => {
    const values = await storedAfterImport('xml-values.csv')
    expect(values.rows).toHaveLength(8)
    // The XML values are the form's codes: every answer is one Lantern reads as it is.
    expect(values.rows.some((r) => r.includes('check_agency'))).toBe(true)
    for (const labels of ['labels-uk.csv', 'labels-uk.xlsx', 'labels-en.csv']) expect((await storedAfterImport(labels)).rows).toEqual(values.rows)
  })

  it('keeps the age band as the form labels it', async () => {
    expect((await storedAfterImport('labels-uk.csv')).ageBands).toEqual(['18–24', '18–24', '18–24', '18–24', '25–34', '25–34', '35 і більше', '35 і більше'])
  })

  it('leaves the questions for a person to map when the campaign has no Ukrainian words for them', async () => {
    const c = await surveyedInUkrainian({ words: false })
    const plan = await importPlan(c.actor, c.id, await storeUpload(c.actor, c.id, 'labels-uk.csv', file('labels-uk.csv')))
    // The respondent's fields are still known by their Ukrainian headings; no question is guessed.
    expect(plan.mapping.slice(2, 6)).toEqual(['respondent_code', 'wave', 'sex', 'age_band'])
    expect(plan.mapping.slice(6, 15).every((t) => t === 'choose')).toBe(true)
  })
})
