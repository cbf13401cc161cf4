import { describe, expect, it } from 'vitest'
import * as campaignPage from '../../app/routes/campaigns.$campaignId._index'
import * as actualsPage from '../../app/routes/campaigns.$campaignId.indicators.$indicatorId'
import { db } from '../../app/shared/db.server'
import { createActual, createPerson, createSurveyedCampaign, createUser, HOTLINE_INDICATOR, loginAs, PANEL_GAIN, REACH_INDICATOR, type SurveyPlan } from '../factories'
import { get, invoke, post } from './helpers'

// Indicators fed by surveys and by values entered by date, and the step to "evaluated".

const CROSS_SECTION: SurveyPlan = { prefix: 'ODS', design: 'cross_section', n: 180, binary: [{ code: 'knows_hotline', pre: 0.3, post: 0.44 }] }

/** A campaign with a survey-measured indicator and people reached, with its member. */
async function measured(status: 'completed' | 'evaluated' = 'evaluated', plan: SurveyPlan = CROSS_SECTION) {
  const { organisation, user } = await createPerson('member')
  const id = String(createSurveyedCampaign(organisation, { status, plan, indicators: [HOTLINE_INDICATOR, REACH_INDICATOR] }))
  return { id, organisation, cookie: await loginAs(user) }
}
const indicatorOf = (campaignId: string, name: string) =>
  String(db.$client.prepare('select i.id from indicators i join objectives o on o.id = i.objective_id where o.campaign_id = ? and i.name = ?').pluck().get(campaignId, name))
const statusOf = (campaignId: string) => db.$client.prepare('select status from campaigns where id = ?').pluck().get(campaignId)
type PageIndicator = { name: string; question: { code: string } | null; result: { baseline: number | null; actual: number | null; actualFrom: string | null; significant: boolean | null; progress: number | null } }

describe('indicator results on the campaign page', () => {
  it('shows a survey-measured indicator’s baseline and actual from the waves, and an entered one’s sum of counts', async () => {
    const { id } = await measured('evaluated', PANEL_GAIN)
    createActual(Number(indicatorOf(id, 'People reached')), '2025-04-15', 700)
    createActual(Number(indicatorOf(id, 'People reached')), '2025-05-31', 800)
    const page = (await invoke(campaignPage.loader, get(`/campaigns/${id}`, await loginAs((await createPerson('coordinator')).user)), { campaignId: id })).data as { indicators: PageIndicator[] }
    const hotline = page.indicators.find((i) => i.question?.code === 'knows_hotline')!
    expect(hotline.result).toMatchObject({ actualFrom: 'survey', significant: true })
    expect(hotline.result.actual!).toBeGreaterThan(hotline.result.baseline!)
    const reach = page.indicators.find((i) => i.name === 'People reached')!
    const entered = db.$client.prepare('select sum(value) from indicator_actuals a join indicators i on i.id = a.indicator_id join objectives o on o.id = i.objective_id where o.campaign_id = ?').pluck().get(id)
    expect(reach.result).toMatchObject({ actual: entered, actualFrom: 'entered' })
    expect(entered).toBe(1500)
  })
})

describe('entering actuals', () => {
  it('refuses "evaluated" while an outcome indicator has no actual, then moves there once one is entered', async () => {
    const { id, cookie } = await measured('completed')
    // The hotline indicator is measured by no survey question here: it waits for an entered value.
    db.$client.prepare('update survey_questions set indicator_id = null where campaign_id = ?').run(id)
    const refused = await invoke(campaignPage.action, post(`/campaigns/${id}`, { intent: 'transition', to: 'evaluated' }, { cookie }), { campaignId: id })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toMatch(/has no actual yet: enter one, or import the endline survey of its question/)
    expect(statusOf(id)).toBe('completed')

    const hotline = indicatorOf(id, HOTLINE_INDICATOR.name)
    const path = `/campaigns/${id}/indicators/${hotline}`
    const params = { campaignId: id, indicatorId: hotline }
    const wrong = await invoke(actualsPage.action, post(path, { onDate: '2026-02-30', value: 'lots' }, { cookie }), params)
    expect(wrong.status).toBe(400)
    expect(wrong.data).toMatchObject({ error: { onDate: [expect.stringMatching(/real|date/i)], value: ['Enter the value as a number, like 1250 or 42.5'] } })
    expect(statusOf(id)).toBe('completed')

    const saved = await invoke(actualsPage.action, post(path, { onDate: '2026-03-31', value: '48.5', note: 'Exit survey at the port' }, { cookie }), params)
    expect(saved.location).toBe(path)
    expect(statusOf(id)).toBe('evaluated')
    const history = db.$client.prepare("select count(*) from campaign_status_history where campaign_id = ? and to_status = 'evaluated'").pluck().get(id)
    expect(history).toBe(1)
    expect(db.$client.prepare("select count(*) from audit_events where action = 'indicator.actual-added' and entity_id = ?").pluck().get(id)).toBe(1)

    const shown = (await invoke(actualsPage.loader, get(path, cookie), params)).data as { indicator: { actuals: { id: number; value: number }[]; result: { actual: number } } }
    expect(shown.indicator.result.actual).toBe(48.5)
    await invoke(actualsPage.action, post(path, { intent: 'remove', actualId: String(shown.indicator.actuals[0]!.id) }, { cookie }), params)
    expect(((await invoke(actualsPage.loader, get(path, cookie), params)).data as typeof shown).indicator.actuals).toEqual([])
  })

  it('is for the owning organisation only', async () => {
    const { id, organisation } = await measured()
    const reach = indicatorOf(id, 'People reached')
    for (const email of ['org_admin', 'donor', 'coordinator'] as const) {
      const cookie = await loginAs((await createPerson(email)).user)
      const result = await invoke(actualsPage.action, post(`/campaigns/${id}/indicators/${reach}`, { onDate: '2026-03-31', value: '10' }, { cookie }), { campaignId: id, indicatorId: reach })
      expect(result.status, email).toBe(403)
    }
    const other = indicatorOf((await measured()).id, 'People reached')
    const elsewhere = await invoke(actualsPage.action, post(`/campaigns/${id}/indicators/${other}`, { onDate: '2026-03-31', value: '10' }, { cookie: await loginAs(await createUser({ organisation, role: 'member' })) }), {
      campaignId: id,
      indicatorId: other,
    })
    expect(elsewhere.status).toBe(404)
  })
})
