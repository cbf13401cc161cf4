import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { addQuestions, addWave, importPlan, runImport, storeUpload, surveyResponsesCsv } from '../../app/features/surveys/index.server'
import { changeResults } from '../../app/features/results/flow.server'
import type { ImpactRecord } from '../../app/features/results/impact'
import * as resultsPage from '../../app/routes/campaigns.$campaignId.results'
import * as newResponse from '../../app/routes/campaigns.$campaignId.surveys.responses.new'
import { db } from '../../app/shared/db.server'
import { actorOf, createCampaign, createPerson, loginAs } from '../factories'
import { get, invoke, post } from './helpers'

// A "select all that apply" question as KoboToolbox and ODK export it: the
// chosen options in one cell, one 0/1 column per option, or both; analysed as
// one yes/no item per option; exported back in the import layout.

const OPTIONS = [
  { code: 'radio', label: 'Radio' },
  { code: 'tv', label: 'Television' },
  { code: 'social_media', label: 'Social media' },
  { code: 'friends', label: 'Friends or family' },
]

async function campaign() {
  const { organisation, user } = await createPerson('member')
  const actor = await actorOf(user)
  const id = createCampaign(organisation, { status: 'completed', visibility: 'published', indicators: [] })
  const added = await changeResults(actor, id, (change) =>
    addQuestions(change, [{ code: 'heard_from', text: 'Where did you hear about the hotline?', type: 'multiple_choice', desired: null, options: OPTIONS, min: null, max: null, indicatorId: null }]),
  )
  expect(added.ok).toBe(true)
  for (const kind of ['baseline', 'endline'] as const) await addWave(actor, id, { kind, group: 'campaign', design: 'cross_section', samplingNotes: '' })
  return { actor, id, cookie: await loginAs(user) }
}

/** 40 respondents a wave: at baseline 10 heard it on the radio, at endline 30; television 8 then 9; social media 0 then 20; the others from friends. */
function kobo({ combined = true, options = true } = {}) {
  const rows: string[][] = []
  for (const [wave, radio, tv, social] of [['pre', 10, 8, 0], ['post', 30, 9, 20]] as const) {
    for (let i = 0; i < 40; i++) {
      const media = [i < radio ? 'radio' : null, i >= 40 - tv ? 'tv' : null, i < social ? 'social_media' : null].filter(Boolean) as string[]
      const chosen = media.length ? media : ['friends']
      rows.push([`${wave}-${i}`, wave, ...(combined ? [chosen.join(' ')] : []), ...(options ? OPTIONS.map((o) => (chosen.includes(o.code) ? '1' : '0')) : [])])
    }
  }
  const header = ['group_id/respondent_code', 'wave', ...(combined ? ['group_media/heard_from'] : []), ...(options ? OPTIONS.map((o) => `group_media/heard_from/${o.code}`) : [])]
  return Papa.unparse({ fields: header, data: rows }, { delimiter: ';' })
}

const shares = async (id: number) =>
  ((await invoke(resultsPage.loader, get(`/campaigns/${id}/results`), { campaignId: String(id) })).data as { records: ImpactRecord[]; questions: { code: string; text: string }[] })

describe('a multiple-choice question', () => {
  it.each([
    ['the list and a 0/1 column per option (Kobo’s default)', { combined: true, options: true }],
    ['a 0/1 column per option only', { combined: false, options: true }],
    ['the list only (ODK)', { combined: true, options: false }],
  ])('imports from %s with no hand decision, and is analysed one option at a time', async (_, layout) => {
    const { actor, id } = await campaign()
    const upload = await storeUpload(actor, id, 'kobo.csv', kobo(layout))
    const plan = await importPlan(actor, id, upload)
    expect(plan.mapping).not.toContain('choose')
    expect(plan.problems).toEqual([])
    expect(await changeResults(actor, id, (change) => runImport(change, upload, {}))).toMatchObject({ ok: true, created: 80 })
    const page = await shares(id)
    expect(page.questions.map((q) => q.code)).toEqual(['heard_from/radio', 'heard_from/tv', 'heard_from/social_media', 'heard_from/friends'])
    expect(page.questions[1]!.text).toBe('Where did you hear about the hotline? — Television')
    const campaignGroup = page.records.filter((r) => r.group === 'campaign').map((r) => [r.question, r.type, r.pre, r.post])
    expect(campaignGroup).toEqual([
      ['heard_from/radio', 'binary', 0.25, 0.75],
      ['heard_from/tv', 'binary', 0.2, 0.225],
      ['heard_from/social_media', 'binary', 0, 0.5],
      ['heard_from/friends', 'binary', 0.55, 0.025],
    ])
    // Exported back in the import layout, as Kobo writes it: the chosen options, space-separated, then a 0/1 column per option.
    const exported = await surveyResponsesCsv(actor, id)
    expect(exported.fields).toEqual(['respondent_code', 'wave', 'group', 'heard_from', 'heard_from/radio', 'heard_from/tv', 'heard_from/social_media', 'heard_from/friends'])
    expect(exported.rows.find((r) => r[0] === 'post-0')).toEqual(['post-0', 'endline', 'campaign', 'radio social_media', '1', '0', '1', '0'])
  })

  it('names the row and column where the list and the option columns disagree, or an option is unknown, and stores nothing', async () => {
    const { actor, id } = await campaign()
    const text = kobo().split('\n')
    // Line 3 lists radio but its radio column says 0; line 4 names an option the question does not have.
    text[2] = text[2]!.replace(/;radio;1;/, ';radio;0;')
    text[3] = text[3]!.replace(/;radio;1;/, ';radio cinema;1;')
    expect(text[2]).toMatch(/;radio;0;/)
    const refused = await changeResults(actor, id, async (change) => runImport(change, await storeUpload(actor, id, 'bad.csv', text.join('\n')), {}))
    expect(refused).toMatchObject({
      ok: false,
      problems: [
        { line: 3, column: 'group_media/heard_from', message: 'heard_from lists “radio”, but its option columns say “none”' },
        { line: 4, column: 'group_media/heard_from', message: '“cinema” is not one of the options: radio, tv, social_media, friends' },
      ],
    })
    expect(db.$client.prepare('select count(*) from survey_responses r join survey_waves w on w.id = r.wave_id where w.campaign_id = ?').pluck().get(id)).toBe(0)
  })

  it('is typed in as one checkbox per option', async () => {
    const { id, cookie } = await campaign()
    const baseline = db.$client.prepare("select id from survey_waves where campaign_id = ? and kind = 'baseline'").pluck().get(id) as number
    const sent = await invoke(newResponse.action, post(`/campaigns/${id}/surveys/responses/new?wave=${baseline}`, { wave: String(baseline), respondentCode: 'T-1', 'q_heard_from.tv': '1', 'q_heard_from.radio': '1' }, { cookie }), { campaignId: String(id) })
    expect(sent.status).toBe(302)
    expect(db.$client.prepare("select a.value from survey_answers a join survey_responses r on r.id = a.response_id where r.respondent_code = 'T-1' and r.wave_id = ?").pluck().get(baseline)).toBe('radio tv')
  })

  it('says “answered, none chosen” through its option columns, and keeps it through an export and import', async () => {
    const first = await campaign()
    const text = ['respondent_code;wave;heard_from/radio;heard_from/tv;heard_from/social_media;heard_from/friends', 'N-1;pre;0;0;0;0', 'N-2;pre;1;0;0;0', 'N-3;pre;;;;'].join('\n')
    expect(await importFile(first, text)).toMatchObject({ ok: true, created: 3 })
    const exported = await surveyResponsesCsv(first.actor, first.id)
    expect(exported.rows.map((r) => r.slice(3))).toEqual([['', '0', '0', '0', '0'], ['radio', '1', '0', '0', '0'], ['', '', '', '', '']])
    const second = await campaign()
    expect(await importFile(second, Papa.unparse({ fields: exported.fields, data: exported.rows }))).toMatchObject({ ok: true, created: 3 })
    const stored = (id: number) => db.$client.prepare("select r.respondent_code as code, a.value from survey_responses r join survey_waves w on w.id = r.wave_id left join survey_answers a on a.response_id = r.id where w.campaign_id = ? order by r.respondent_code").all(id)
    expect(stored(second.id)).toEqual(stored(first.id))
    expect(stored(first.id)).toEqual([{ code: 'N-1', value: '' }, { code: 'N-2', value: 'radio' }, { code: 'N-3', value: null }])
  })
})

const importFile = (c: Awaited<ReturnType<typeof campaign>>, text: string) => changeResults(c.actor, c.id, async (change) => runImport(change, await storeUpload(c.actor, c.id, 'file.csv', text), {}))
