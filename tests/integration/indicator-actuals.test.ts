import { describe, expect, it } from 'vitest'
import * as campaignPage from '../../app/routes/campaigns.$campaignId._index'
import * as actualsPage from '../../app/routes/campaigns.$campaignId.indicators.$indicatorId'
import { db } from '../../app/shared/db.server'
import { get, invoke, post, sessionFor } from './helpers'

// Indicators fed by surveys and by values entered by date, and the step to "evaluated".

const ODESA = 'Odesa port workers: forced labour at sea'
const idOf = (title: string) => String(db.$client.prepare('select id from campaigns where title = ?').pluck().get(title))
const indicatorOf = (campaignId: string, name: string) =>
  String(db.$client.prepare('select i.id from indicators i join objectives o on o.id = i.objective_id where o.campaign_id = ? and i.name = ?').pluck().get(campaignId, name))
const statusOf = (campaignId: string) => db.$client.prepare('select status from campaigns where id = ?').pluck().get(campaignId)
type PageIndicator = { name: string; question: { code: string } | null; result: { baseline: number | null; actual: number | null; actualFrom: string | null; significant: boolean | null; progress: number | null } }

describe('indicator results on the campaign page', () => {
  it('shows a survey-measured indicator’s baseline and actual from the waves, and an entered one’s sum of counts', async () => {
    const id = idOf('School talks on online recruitment (2025)')
    const page = (await invoke(campaignPage.loader, get(`/campaigns/${id}`, await sessionFor('donor@lantern.example')), { campaignId: id })).data as { indicators: PageIndicator[] }
    const hotline = page.indicators.find((i) => i.question?.code === 'knows_hotline')!
    expect(hotline.result).toMatchObject({ actualFrom: 'survey', significant: true })
    expect(hotline.result.actual!).toBeGreaterThan(hotline.result.baseline!)
    const reach = page.indicators.find((i) => i.name === 'People reached')!
    const entered = db.$client.prepare('select sum(value) from indicator_actuals a join indicators i on i.id = a.indicator_id join objectives o on o.id = i.objective_id where o.campaign_id = ?').pluck().get(id)
    expect(reach.result).toMatchObject({ actual: entered, actualFrom: 'entered' })
  })
})

describe('entering actuals', () => {
  it('refuses "evaluated" while an outcome indicator has no actual, then moves there once one is entered', async () => {
    const id = idOf(ODESA)
    const cookie = await sessionFor('member@lantern.example')
    // The hotline indicator is measured by no survey question here: it waits for an entered value.
    db.$client.prepare('update survey_questions set indicator_id = null where campaign_id = ?').run(id)
    const refused = await invoke(campaignPage.action, post(`/campaigns/${id}`, { intent: 'transition', to: 'evaluated' }, { cookie }), { campaignId: id })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toMatch(/has no actual yet: enter one, or import the endline survey of its question/)
    expect(statusOf(id)).toBe('completed')

    const hotline = indicatorOf(id, '% of the audience who know the national hotline number')
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
    expect(db.$client.prepare("select count(*) from audit_events where action = 'indicator.actual-added'").pluck().get()).toBe(1)

    const shown = (await invoke(actualsPage.loader, get(path, cookie), params)).data as { indicator: { actuals: { id: number; value: number }[]; result: { actual: number } } }
    expect(shown.indicator.result.actual).toBe(48.5)
    await invoke(actualsPage.action, post(path, { intent: 'remove', actualId: String(shown.indicator.actuals[0]!.id) }, { cookie }), params)
    expect(((await invoke(actualsPage.loader, get(path, cookie), params)).data as typeof shown).indicator.actuals).toEqual([])
  })

  it('is for the owning organisation only', async () => {
    const id = idOf(ODESA)
    const reach = indicatorOf(id, 'People reached')
    for (const email of ['casa@lantern.example', 'donor@lantern.example', 'coordinator@lantern.example']) {
      const cookie = await sessionFor(email)
      const result = await invoke(actualsPage.action, post(`/campaigns/${id}/indicators/${reach}`, { onDate: '2026-03-31', value: '10' }, { cookie }), { campaignId: id, indicatorId: reach })
      expect(result.status, email).toBe(403)
    }
    const other = indicatorOf(idOf('School talks on online recruitment (2025)'), 'People reached')
    const elsewhere = await invoke(actualsPage.action, post(`/campaigns/${id}/indicators/${other}`, { onDate: '2026-03-31', value: '10' }, { cookie: await sessionFor('member@lantern.example') }), {
      campaignId: id,
      indicatorId: other,
    })
    expect(elsewhere.status).toBe(404)
  })
})
