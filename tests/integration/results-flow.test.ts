import { describe, expect, it } from 'vitest'
import { indicatorDefaults } from '../../app/features/campaigns'
import { questionDefaults } from '../../app/features/surveys'
import * as editIndicator from '../../app/routes/campaigns.$campaignId.edit.indicators.$indicatorId'
import * as audiences from '../../app/routes/campaigns.$campaignId.edit.audiences'
import * as risk from '../../app/routes/campaigns.$campaignId.edit.risk'
import * as actuals from '../../app/routes/campaigns.$campaignId.indicators.$indicatorId'
import * as importPage from '../../app/routes/campaigns.$campaignId.surveys.import'
import * as question from '../../app/routes/campaigns.$campaignId.surveys.questions.$questionId'
import * as changeResponse from '../../app/routes/campaigns.$campaignId.surveys.responses.$responseId'
import * as newResponse from '../../app/routes/campaigns.$campaignId.surveys.responses.new'
import { db } from '../../app/shared/db.server'
import { ensureSummariesOf } from '../../app/features/results/index.server'
import { createActual, createCampaign, createPerson, createSurvey, HOTLINE_INDICATOR, indicatorsOf, loginAs, type SurveyPlan } from '../factories'
import { invoke, post, SITE } from './helpers'

// Every change that can alter a campaign's results goes through one owner
// (changeResults): on each path, the campaign's summaries — what pages and
// dashboards read — and its lifecycle move together. Each campaign starts
// completed with data written outside the app (as an import or a migration
// would leave it), so the rule "every outcome indicator has an actual →
// evaluated" is seen to be applied by the path itself.

const CROSS_SECTION: SurveyPlan = { prefix: 'XS', design: 'cross_section', n: 60, binary: [{ code: 'knows_hotline', pre: 0.3, post: 0.55 }] }
const CALLS = { ...HOTLINE_INDICATOR, name: 'Calls to the hotline', unit: 'count' as const, baselineAtSurvey: false, baseline: 0, target: 500, meansOfVerification: 'Hotline log' }

type Summary = { indicatorId: number; level: string; actual: number | null; nActual: number | null; method: string | null; actualFrom: string | null }
const summaries = (campaignId: number) =>
  db.$client
    .prepare('select indicator_id as indicatorId, level, actual, n_actual as nActual, method, actual_from as actualFrom from indicator_summaries where campaign_id = ? order by indicator_id')
    .all(campaignId) as Summary[]
const statusOf = (campaignId: number) => db.$client.prepare('select status from campaigns where id = ?').pluck().get(campaignId)
const endline = (campaignId: number) => db.$client.prepare("select id from survey_waves where campaign_id = ? and kind = 'endline'").pluck().get(campaignId) as number
const endlineResponses = (campaignId: number) => db.$client.prepare('select id from survey_responses where wave_id = ? order by id').pluck().all(endline(campaignId)) as number[]
const questionId = (campaignId: number, code: string) => db.$client.prepare('select id from survey_questions where campaign_id = ? and code = ?').pluck().get(campaignId, code) as number

/** A completed campaign of an NGO with the given indicators (and survey, if any), and its member's session. */
async function completed(indicators = [HOTLINE_INDICATOR], survey: { linked: boolean } | null = { linked: true }) {
  const { organisation, user } = await createPerson('member')
  const id = createCampaign(organisation, { status: 'completed', indicators, startDate: '2025-03-01', endDate: '2025-05-31' })
  if (survey) createSurvey(id, CROSS_SECTION, survey)
  return { id, params: { campaignId: String(id) }, cookie: await loginAs(user) }
}

const send = (path: string, fields: Record<string, string>, cookie: string) => post(path, fields, { cookie })

describe('one owner for the results flow', () => {
  it('typing in the endline answer that was missing gives the indicator its actual and makes the campaign evaluated', async () => {
    const { id, params, cookie } = await completed()
    db.$client.prepare('delete from survey_responses where wave_id = ?').run(endline(id))
    const wave = endline(id)
    const path = `/campaigns/${id}/surveys/responses/new?wave=${wave}`
    const typed = await invoke(newResponse.action, send(path, { wave: String(wave), respondentCode: 'PAPER-1', q_knows_hotline: '1' }, cookie), params)
    expect(typed.status).toBe(302)
    expect(summaries(id)).toEqual([expect.objectContaining({ actual: 100, nActual: 1, actualFrom: 'survey' })])
    expect(statusOf(id)).toBe('evaluated')
  })

  it('importing the endline file does the same', async () => {
    const { id, params, cookie } = await completed()
    db.$client.prepare('delete from survey_responses where wave_id = ?').run(endline(id))
    const form = new FormData()
    const rows = Array.from({ length: 40 }, (_, i) => `E-${i},endline,campaign,${i % 4 ? 1 : 0}`)
    form.set('file', new File([['respondent_code,wave,group,knows_hotline', ...rows].join('\n')], 'endline.csv', { type: 'text/csv' }))
    const uploaded = await invoke(importPage.action, new Request(`${SITE}/campaigns/${id}/surveys/import`, { method: 'POST', headers: { Origin: SITE, Cookie: cookie }, body: form }), params)
    const upload = new URL(uploaded.location!, SITE).searchParams.get('upload')!
    const imported = await invoke(importPage.action, send(`/campaigns/${id}/surveys/import`, { upload }, cookie), params)
    expect(imported.location).toMatch(/\/surveys\?imported=\d+$/)
    expect(summaries(id)).toEqual([expect.objectContaining({ actual: 75, nActual: 40, actualFrom: 'survey' })])
    expect(statusOf(id)).toBe('evaluated')
  })

  it('changing a response to add the answer does the same', async () => {
    const { id, params, cookie } = await completed()
    const [first] = endlineResponses(id)
    db.$client.prepare('delete from survey_answers where question_id = ? and response_id in (select id from survey_responses where wave_id = ?)').run(questionId(id, 'knows_hotline'), endline(id))
    const changed = await invoke(changeResponse.action, send(`/campaigns/${id}/surveys/responses/${first}`, { respondentCode: 'XS-TE-001', q_knows_hotline: '0' }, cookie), { ...params, responseId: String(first) })
    expect(changed.status).toBe(302)
    expect(summaries(id)).toEqual([expect.objectContaining({ actual: 0, nActual: 1 })])
    expect(statusOf(id)).toBe('evaluated')
  })

  it('deleting a response refreshes the summaries and applies the rule too', async () => {
    const { id, params, cookie } = await completed()
    const responses = endlineResponses(id)
    const deleted = await invoke(changeResponse.action, send(`/campaigns/${id}/surveys/responses/${responses[0]}`, { intent: 'delete' }, cookie), { ...params, responseId: String(responses[0]) })
    expect(deleted.status).toBe(302)
    expect(summaries(id)).toEqual([expect.objectContaining({ nActual: responses.length - 1, actualFrom: 'survey' })])
    expect(statusOf(id)).toBe('evaluated')
  })

  it('entering an actual for an indicator no survey measures does the same', async () => {
    const { id, params, cookie } = await completed([CALLS], null)
    const [calls] = indicatorsOf(id)
    const path = `/campaigns/${id}/indicators/${calls!.id}`
    expect((await invoke(actuals.action, send(path, { onDate: '2025-06-01', value: '320' }, cookie), { ...params, indicatorId: String(calls!.id) })).status).toBe(302)
    expect(summaries(id)).toEqual([expect.objectContaining({ actual: 320, actualFrom: 'entered' })])
    expect(statusOf(id)).toBe('evaluated')
  })

  it('removing an actual refreshes the summaries and applies the rule too', async () => {
    const { id, params, cookie } = await completed([CALLS], null)
    const [calls] = indicatorsOf(id)
    createActual(calls!.id, '2025-04-01', 120)
    createActual(calls!.id, '2025-05-01', 200)
    const first = db.$client.prepare('select id from indicator_actuals where indicator_id = ? order by on_date').pluck().get(calls!.id) as number
    const path = `/campaigns/${id}/indicators/${calls!.id}`
    expect((await invoke(actuals.action, send(path, { intent: 'remove', actualId: String(first) }, cookie), { ...params, indicatorId: String(calls!.id) })).status).toBe(302)
    expect(summaries(id)).toEqual([expect.objectContaining({ actual: 200, actualFrom: 'entered' })])
    expect(statusOf(id)).toBe('evaluated')
  })

  it('linking the question to the indicator gives it the survey’s actual and makes the campaign evaluated', async () => {
    const { id, params, cookie } = await completed([HOTLINE_INDICATOR], { linked: false })
    const q = db.$client.prepare("select * from survey_questions where campaign_id = ? and code = 'knows_hotline'").get(id) as Record<string, unknown>
    const [hotline] = indicatorsOf(id)
    const fields = questionDefaults({ ...(q as Parameters<typeof questionDefaults>[0] & object), options: JSON.parse(q.options as string), indicatorId: hotline!.id })
    const linked = await invoke(question.action, send(`/campaigns/${id}/surveys/questions/${q.id}`, fields, cookie), { ...params, questionId: String(q.id) })
    expect(linked.status).toBe(302)
    expect(summaries(id)).toEqual([expect.objectContaining({ actualFrom: 'survey', nActual: 60 })])
    expect(statusOf(id)).toBe('evaluated')
  })

  it('changing an indicator’s definition does the same: the last outcome without an actual becomes an output', async () => {
    const { id, params, cookie } = await completed([HOTLINE_INDICATOR, CALLS])
    const [, calls] = indicatorsOf(id)
    const stored = db.$client.prepare('select * from indicators where id = ?').get(calls!.id) as Record<string, unknown>
    const fields = Object.fromEntries(
      Object.entries(indicatorDefaults({ name: stored.name as string, level: 'output', unit: 'count', direction: 'increase', baseline: 0, baselineAtSurvey: false, target: 500, meansOfVerification: 'Hotline log' } as never)).map(([k, v]) => [k, String(v)]),
    )
    const edited = await invoke(editIndicator.action, send(`/campaigns/${id}/edit/indicators/${calls!.id}`, fields, cookie), { ...params, indicatorId: String(calls!.id) })
    expect(edited.status).toBe(302)
    expect(summaries(id).map((s) => s.level)).toEqual(['outcome', 'output'])
    expect(statusOf(id)).toBe('evaluated')
  })

  it('writes that cannot change results leave them alone; audiences change only the campaign’s totals', async () => {
    const { id, params, cookie } = await completed()
    // A marker only a recomputation of the indicators would wipe out.
    await ensureSummariesOf(id)
    db.$client.prepare("update indicator_summaries set method = 'untouched' where campaign_id = ?").run(id)
    const refreshed = () => db.$client.prepare('select refreshed_at from campaign_summaries where campaign_id = ?').pluck().get(id)
    const before = refreshed()

    const riskFields = { restraintImagery: 'no', antiMigration: 'no', identifiesVictim: 'no', mitigation: '' }
    expect((await invoke(risk.action, send(`/campaigns/${id}/edit/risk`, riskFields, cookie), params)).status).toBe(302)
    expect(refreshed()).toBe(before)
    expect(summaries(id)[0]!.method).toBe('untouched')

    const request = new Request(`${SITE}/campaigns/${id}/edit/audiences`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: SITE, Cookie: cookie },
      body: new URLSearchParams([['audiences', 'migrant_workers'], ['sizes.migrant_workers', '45000']]),
    })
    expect((await invoke(audiences.action, request, params)).status).toBe(302)
    expect(db.$client.prepare('select targeted from campaign_summaries where campaign_id = ?').pluck().get(id)).toBe(45000)
    expect(summaries(id)[0]!.method).toBe('untouched')
    // A change of results recomputes them.
    const [first] = endlineResponses(id)
    await invoke(changeResponse.action, send(`/campaigns/${id}/surveys/responses/${first}`, { intent: 'delete' }, cookie), { ...params, responseId: String(first) })
    expect(summaries(id)[0]!.method).not.toBe('untouched')
  })
})
