import { readFileSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, surveyQuestions } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import * as languages from '../../app/routes/campaigns.$campaignId.surveys.languages'
import * as editQuestion from '../../app/routes/campaigns.$campaignId.surveys.questions.$questionId'
import * as newQuestion from '../../app/routes/campaigns.$campaignId.surveys.questions.new'
import * as surveyPage from '../../app/routes/campaigns.$campaignId.surveys._index'
import * as results from '../../app/routes/campaigns.$campaignId.results'
import { campaignWithInstrument, createPerson, loginAs } from '../factories'
import { fieldErrors, get, invoke, post, SITE } from './helpers'

// A survey asked in several languages: each question's words per language,
// read from the XLSForm a form was built with (KoboToolbox and ODK) or given
// by hand, shown to each reader in theirs. Codes never change.

const form = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/xlsform/${name}`)) as Uint8Array<ArrayBuffer>

function upload(campaignId: number, bytes: Uint8Array<ArrayBuffer>, cookie: string, name = 'form.xlsx') {
  const body = new FormData()
  body.set('form', new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
  return new Request(`${SITE}/campaigns/${campaignId}/surveys/languages`, { method: 'POST', headers: { Origin: SITE, Cookie: cookie }, body })
}

const inLanguage = (request: Request, language: string) => {
  const next = new Request(request)
  next.headers.set('Accept-Language', language)
  return next
}

// The questions of pyxform's own spec-test form, as a Lantern survey names them.
const ADDRESS = { code: 'address', text: 'Where do you live?', type: 'free_text' as const, desired: null, options: [], min: null, max: null, indicatorId: null }
const SKIP = { code: 'skip_to_end', text: 'Skip to the end?', type: 'single_choice' as const, desired: 'yes', options: [{ code: 'yes', label: 'Yes' }, { code: 'no', label: 'No' }], min: null, max: null, indicatorId: null }

const stored = (campaignId: number) => Object.fromEntries(db.select().from(surveyQuestions).where(eq(surveyQuestions.campaignId, campaignId)).all().map((q) => [q.code, q]))

describe('a survey in several languages', () => {
  it('reads every label column of an XLSForm for the questions of the same code, and leaves all else as it was', async () => {
    const c = await campaignWithInstrument([ADDRESS, SKIP])
    const before = stored(c.id)
    const read = await invoke(languages.action, upload(c.id, form('xlsform_spec_test.xlsx'), c.cookie), { campaignId: String(c.id) })
    expect(read.status).toBe(200)
    expect(read.data).toMatchObject({ ok: true, questions: 2, languages: ['en', 'zh'] })
    // The form's other questions are named, so a planner can add them; its groups, notes and metadata are not questions.
    const unmatched = (read.data as { unmatched: string[] }).unmatched
    expect(unmatched).toEqual(expect.arrayContaining(['my_name', 'a_integer', 'select_multiple_test', 'launch']))
    expect(unmatched).not.toEqual(expect.arrayContaining(['everything']))
    expect(unmatched).not.toContain('email_note')
    expect(unmatched).not.toContain('start')

    const after = stored(c.id)
    expect(after.address!.translations).toEqual({ en: { text: 'Enter an address' }, zh: { text: '您好' } })
    // The choices' plain label is in no language the form names: only the Chinese labels are read.
    expect(after.skip_to_end!.translations).toEqual({ en: { text: 'Skip to end' }, zh: { options: { yes: '是', no: '没有' } } })
    // Codes, types, the desired answer and the labels as written are untouched.
    for (const code of ['address', 'skip_to_end']) expect({ ...after[code]!, translations: null }).toEqual({ ...before[code]!, translations: null })
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.translations-imported')).all()).toHaveLength(1)
  })

  it('refuses, saying why, a form whose languages cannot be told, a workbook that is no form, and no file; and stores nothing', async () => {
    const c = await campaignWithInstrument([ADDRESS])
    const params = { campaignId: String(c.id) }
    const oneLanguage = await invoke(languages.action, upload(c.id, form('or_other.xlsx'), c.cookie), params)
    expect(oneLanguage).toMatchObject({ status: 400, data: { ok: false, message: expect.stringMatching(/do not say their language/) } })
    const csv = await invoke(languages.action, upload(c.id, new TextEncoder().encode('type,name,label\ntext,address,Address\n'), c.cookie, 'form.csv'), params)
    expect(csv).toMatchObject({ status: 400, data: { ok: false, message: expect.stringMatching(/cannot be read/) } })
    const empty = await invoke(languages.action, upload(c.id, new Uint8Array(), c.cookie), params)
    expect(empty).toMatchObject({ status: 400, data: { ok: false, message: expect.stringMatching(/Choose the form’s XLSForm file/) } })
    expect(stored(c.id).address!.translations).toEqual({})
  })

  it('lets only the campaign’s own organisation give its questions’ words', async () => {
    const c = await campaignWithInstrument([ADDRESS])
    const other = await createPerson('member')
    const refused = await invoke(languages.action, upload(c.id, form('xlsform_spec_test.xlsx'), await loginAs(other.user)), { campaignId: String(c.id) })
    expect(refused.status).toBeGreaterThanOrEqual(403)
    expect(stored(c.id).address!.translations).toEqual({})
  })

  it('takes a question’s words by hand, and shows each reader the question in theirs where it has it', async () => {
    const c = await campaignWithInstrument([SKIP])
    const q = stored(c.id).skip_to_end!
    const params = { campaignId: String(c.id), questionId: String(q.id) }
    const fields = { code: 'skip_to_end', text: 'Skip to the end?', type: 'single_choice', desired: 'yes', options: 'yes = Yes\nno = No', min: '', max: '', indicatorId: '' }
    // An option code the question does not have is named at its field, and nothing is stored.
    const wrong = await invoke(editQuestion.action, post(`/campaigns/${c.id}/surveys/questions/${q.id}`, { ...fields, text_uk: 'Перейти до кінця?', options_uk: 'yes = Так\nmaybe = Можливо' }, { cookie: c.cookie }), params)
    expect(fieldErrors(wrong)).toEqual({ options_uk: ['maybe is not an option code of this question: write the codes as in the options above'] })
    expect(stored(c.id).skip_to_end!.translations).toEqual({})

    const saved = await invoke(editQuestion.action, post(`/campaigns/${c.id}/surveys/questions/${q.id}`, { ...fields, text_uk: 'Перейти до кінця?', options_uk: 'yes = Так\nno = Ні', text_ne: 'अन्त्यमा जाने?' }, { cookie: c.cookie }), params)
    expect(saved.status).toBe(302)
    expect(stored(c.id).skip_to_end!.translations).toEqual({ uk: { text: 'Перейти до кінця?', options: { yes: 'Так', no: 'Ні' } }, ne: { text: 'अन्त्यमा जाने?' } })
    // The form shows them again to change.
    const form = await invoke(editQuestion.loader, get(`/campaigns/${c.id}/surveys/questions/${q.id}`, c.cookie), params)
    expect((form.data as { defaults: Record<string, string> }).defaults).toMatchObject({ text_uk: 'Перейти до кінця?', options_uk: 'yes = Так\nno = Ні', text_ne: 'अन्त्यमा जाने?', options_ne: '' })

    // The results page words each question in its reader's language; the code is the same.
    const resultsIn = async (language: string) => ((await invoke(results.loader, inLanguage(get(`/campaigns/${c.id}/results`, c.cookie), language), { campaignId: String(c.id) })).data as { questions: { code: string; text: string; lang: string | null }[] }).questions
    expect(await resultsIn('uk')).toEqual([expect.objectContaining({ code: 'skip_to_end', text: 'Перейти до кінця?', lang: 'uk' })])
    expect(await resultsIn('fr')).toEqual([expect.objectContaining({ code: 'skip_to_end', text: 'Skip to the end?', lang: null })])
    // The survey page carries the words for the page to show in its reader's language.
    const page = await invoke(surveyPage.loader, get(`/campaigns/${c.id}/surveys`, c.cookie), { campaignId: String(c.id) })
    expect((page.data as { questions: { translations: unknown }[] }).questions[0]!.translations).toMatchObject({ uk: { text: 'Перейти до кінця?' } })
  })

  it('words a new five-point scale in its planner’s language, and keeps it so whoever edits the question', async () => {
    const c = await campaignWithInstrument([ADDRESS])
    const ukrainian = JSON.parse(readFileSync('app/locales/uk.json', 'utf8')) as Record<string, string>
    const fields = { code: 'trust_recruiters', text: 'Посередникам можна довіряти', type: 'likert', desired: '', options: '', min: '', max: '', indicatorId: '' }
    const added = await invoke(newQuestion.action, inLanguage(post(`/campaigns/${c.id}/surveys/questions/new`, fields, { cookie: c.cookie }), 'uk'), { campaignId: String(c.id) })
    expect(added.status).toBe(302)
    const scale = stored(c.id).trust_recruiters!.options
    expect(scale).toEqual(['1', '2', '3', '4', '5'].map((code) => ({ code, label: ukrainian[`surveys.likert.${code}`] })))
    expect(scale[0]!.label).not.toBe('Strongly disagree')
    // Edited in English, its text changes and its scale stays in the words it was written with.
    const params = { campaignId: String(c.id), questionId: String(stored(c.id).trust_recruiters!.id) }
    const edited = await invoke(editQuestion.action, inLanguage(post(`/campaigns/${c.id}/surveys/questions/${params.questionId}`, { ...fields, text: 'Посередникам, які пропонують роботу, можна довіряти' }, { cookie: c.cookie }), 'en'), params)
    expect(edited.status).toBe(302)
    expect(stored(c.id).trust_recruiters).toMatchObject({ text: 'Посередникам, які пропонують роботу, можна довіряти', options: scale })
    // Its points can be given words in another language, by their numbers; a sixth point is not one of them.
    const words = { ...fields, text_fr: 'On peut faire confiance aux recruteurs', options_fr: '1 = Pas du tout d’accord\n5 = Tout à fait d’accord' }
    const sixth = await invoke(editQuestion.action, post(`/campaigns/${c.id}/surveys/questions/${params.questionId}`, { ...words, options_fr: '6 = Absolument' }, { cookie: c.cookie }), params)
    expect(fieldErrors(sixth)).toEqual({ options_fr: [expect.stringMatching(/^6 is not an option code/)] })
    expect((await invoke(editQuestion.action, post(`/campaigns/${c.id}/surveys/questions/${params.questionId}`, words, { cookie: c.cookie }), params)).status).toBe(302)
    expect(stored(c.id).trust_recruiters!.translations).toEqual({ fr: { text: 'On peut faire confiance aux recruteurs', options: { 1: 'Pas du tout d’accord', 5: 'Tout à fait d’accord' } } })
  })
})
