import { readFileSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, surveyQuestions } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import * as fromForm from '../../app/routes/campaigns.$campaignId.surveys.questions.from-form'
import { campaignWithInstrument, createPerson, loginAs } from '../factories'
import { get, invoke, SITE } from './helpers'

// A survey's questions taken from the XLSForm the form was built with: each
// question the survey lacks offered with its type, words and options, the
// person choosing which to add and what the form cannot say.

const KNOWS = { code: 'knows_hotline', text: 'Do you know the hotline number?', type: 'binary' as const, desired: '1', options: [], min: null, max: null, indicatorId: null }

function upload(campaignId: number, name: string, cookie: string) {
  const body = new FormData()
  body.set('intent', 'read')
  body.set('form', new File([new Uint8Array(readFileSync(`tests/fixtures/xlsform/${name}`))], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
  return new Request(`${SITE}/campaigns/${campaignId}/surveys/questions/from-form`, { method: 'POST', headers: { Origin: SITE, Cookie: cookie }, body })
}

type Offer = { stage: 'offer'; rows: { code: string; text: string; type: string; options: { code: string; label: string }[]; min: string; max: string }[]; notOffered: { code: string; why: string }[]; written: string; fieldErrors: Record<string, string[]>; formErrors: string[] }

/** The page's form as a browser sends it back: every carried field, the person's choices over them. */
function sendBack(offer: Offer, choices: Record<string, string>, ticked: number[]) {
  const fields = new URLSearchParams({ intent: 'add', written: offer.written, not_offered: JSON.stringify(offer.notOffered) })
  offer.rows.forEach((row, i) => {
    fields.set(`q${i}_code`, row.code)
    fields.set(`q${i}_text`, row.text)
    fields.set(`q${i}_type`, row.type)
    fields.set(`q${i}_options`, row.options.map((o) => `${o.code} = ${o.label}`).join('\n'))
    fields.set(`q${i}_words`, JSON.stringify((row as unknown as { translations: unknown }).translations))
    if (row.type === 'score') {
      fields.set(`q${i}_min`, row.min)
      fields.set(`q${i}_max`, row.max)
    }
  })
  for (const [name, value] of Object.entries(choices)) fields.set(name, value)
  for (const i of ticked) fields.append('add', String(i))
  return fields
}

/** The form sent back, its ticks repeated as a browser repeats a field. */
const postBack = (campaignId: number, cookie: string, body: URLSearchParams) =>
  invoke(fromForm.action, new Request(`${SITE}/campaigns/${campaignId}/surveys/questions/from-form`, { method: 'POST', headers: { Origin: SITE, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body }), { campaignId: String(campaignId) })

const stored = (campaignId: number) => Object.fromEntries(db.select().from(surveyQuestions).where(eq(surveyQuestions.campaignId, campaignId)).all().map((q) => [q.code, q]))

describe('questions from an XLSForm', () => {
  it('offers the form’s questions the survey lacks, and adds those ticked with their words in every language', async () => {
    const c = await campaignWithInstrument([KNOWS])
    const params = { campaignId: String(c.id) }
    const read = await invoke(fromForm.action, upload(c.id, 'know-your-rights.xlsx', c.cookie), params)
    expect(read.status).toBe(200)
    const offer = read.data as Offer
    expect(offer.rows.map((r) => [r.code, r.type])).toEqual([
      ['job_offer_check', 'single_choice'],
      ['heard_from', 'multiple_choice'],
      ['trust_recruiters', 'likert'],
      ['knowledge_score', 'score'],
      ['comments', 'free_text'],
    ])
    expect(offer.notOffered).toEqual([{ code: 'respondent_code', why: 'field' }, { code: 'wave', why: 'field' }, { code: 'interview_date', why: 'type' }])
    // Reading stores nothing.
    expect(Object.keys(stored(c.id))).toEqual(['knows_hotline'])

    // The single choice needs its correct option: refused at its field, nothing added, the page's choices kept.
    const all = [0, 1, 2, 3, 4]
    const refused = await postBack(c.id, c.cookie, sendBack(offer, {}, all))
    expect(refused.status).toBe(400)
    expect((refused.data as Offer).fieldErrors).toEqual({ q0_desired: ['Write the code of the correct option'] })
    expect((refused.data as Offer).rows.map((r) => r.code)).toEqual(offer.rows.map((r) => r.code))
    expect(Object.keys(stored(c.id))).toEqual(['knows_hotline'])

    // Ticked with the correct option chosen, the free-text question left out, one code renamed.
    const added = await postBack(c.id, c.cookie, sendBack(offer, { q0_desired: 'check_agency', q3_code: 'rights_score' }, [0, 1, 2, 3]))
    expect(added.status).toBe(302)
    const after = stored(c.id)
    expect(Object.keys(after).sort()).toEqual(['heard_from', 'job_offer_check', 'knows_hotline', 'rights_score', 'trust_recruiters'])
    expect(after.job_offer_check).toMatchObject({
      text: 'Що слід зробити перед тим, як прийняти пропозицію роботи за кордоном?',
      type: 'single_choice',
      desired: 'check_agency',
      translations: { en: { text: 'What should you do before accepting a job offer abroad?', options: { check_agency: 'Check the agency in the state register', pay_fee: 'Pay a fee in advance', give_passport: 'Hand the passport to the employer' } } },
    })
    // The five-point scale keeps the form's words; the score its range from the form's constraint.
    expect(after.trust_recruiters!.options.map((o) => o.label)).toEqual(['Зовсім не згоден', 'Не згоден', 'Ні те, ні інше', 'Згоден', 'Цілком згоден'])
    expect(after.rights_score).toMatchObject({ type: 'score', min: 0, max: 10, text: 'Бал за тест знань (0–10)' })
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.questions-added')).all().at(-1)!.after).toEqual(['job_offer_check', 'heard_from', 'trust_recruiters', 'rights_score'])
  })

  it('refuses a workbook that is no form, no file, a form with nothing new, and a damaged page, storing nothing', async () => {
    const c = await campaignWithInstrument([KNOWS])
    const params = { campaignId: String(c.id) }
    const empty = new FormData()
    empty.set('intent', 'read')
    const none = await invoke(fromForm.action, new Request(`${SITE}/campaigns/${c.id}/surveys/questions/from-form`, { method: 'POST', headers: { Origin: SITE, Cookie: c.cookie }, body: empty }), params)
    expect(none).toMatchObject({ status: 400, data: { stage: 'upload', message: 'Choose the form’s XLSForm file (.xlsx).' } })
    const notForm = await invoke(fromForm.action, upload(c.id, '../kobo-hotline-survey.xlsx', c.cookie), params)
    expect(notForm).toMatchObject({ status: 400, data: { stage: 'upload', message: expect.stringMatching(/no “survey” sheet/) } })

    const offer = (await invoke(fromForm.action, upload(c.id, 'know-your-rights.xlsx', c.cookie), params)).data as Offer
    const refused = await postBack(c.id, c.cookie, sendBack(offer, { q1_words: '{not json', q1_type: 'essay' }, [1]))
    expect(refused).toMatchObject({ status: 400, data: { formErrors: ['The page’s copy of the form could not be read. Upload the form again.'] } })
    const carriedBroken = await postBack(c.id, c.cookie, sendBack(offer, { not_offered: '[{"code":1}]', q0_desired: 'check_agency' }, [0]))
    expect(carriedBroken).toMatchObject({ status: 400, data: { formErrors: ['The page’s copy of the form could not be read. Upload the form again.'] } })
    const nothingTicked = await postBack(c.id, c.cookie, sendBack(offer, {}, []))
    expect(nothingTicked).toMatchObject({ status: 400, data: { formErrors: ['Tick at least one question to add.'] } })
    expect(Object.keys(stored(c.id))).toEqual(['knows_hotline'])

    // Once all are added, the form offers nothing more.
    const full = await campaignWithInstrument([KNOWS])
    const fullOffer = (await invoke(fromForm.action, upload(full.id, 'know-your-rights.xlsx', full.cookie), { campaignId: String(full.id) })).data as Offer
    const choices = { q0_desired: 'check_agency' }
    expect((await postBack(full.id, full.cookie, sendBack(fullOffer, choices, [0, 1, 2, 3, 4]))).status).toBe(302)
    const again = await invoke(fromForm.action, upload(full.id, 'know-your-rights.xlsx', full.cookie), { campaignId: String(full.id) })
    expect(again).toMatchObject({ status: 400, data: { stage: 'upload', message: expect.stringMatching(/asks nothing this survey does not have/) } })
  })

  it('is only for those who may change the campaign', async () => {
    const c = await campaignWithInstrument([KNOWS])
    const { user } = await createPerson('member')
    const outsider = await loginAs(user)
    const page = await invoke(fromForm.loader, get(`/campaigns/${c.id}/surveys/questions/from-form`, outsider), { campaignId: String(c.id) })
    expect(page.status).toBe(403)
    const sent = await invoke(fromForm.action, upload(c.id, 'know-your-rights.xlsx', outsider), { campaignId: String(c.id) })
    expect(sent.status).toBe(403)
    expect(Object.keys(stored(c.id))).toEqual(['knows_hotline'])
  })
})
