import { describe, expect, it } from 'vitest'
import * as addIndicator from '../../app/routes/campaigns.$campaignId.edit.objectives_.$objectiveId.indicator'
import * as edit from '../../app/routes/standard-indicators.$code.edit'
import * as page from '../../app/routes/standard-indicators.$code._index'
import * as list from '../../app/routes/standard-indicators._index'
import * as create from '../../app/routes/standard-indicators.new'
import { db } from '../../app/shared/db.server'
import { createCampaign, createOrganisation, createPerson, createSurveyedCampaign, HOTLINE_INDICATOR, indicatorsOf, loginAs, standardIndicator, WITH_COMPARISON } from '../factories'
import { get, invoke, post } from './helpers'

const as = async (role: 'member' | 'donor' | 'coordinator') => loginAs((await createPerson(role)).user)

// The coordinators' library of standard indicators and the roll-up across organisations.

type Page = {
  rows: { campaignId: number; organisation: string; actual: number | null; nActual: number | null; status: string }[]
  rollup: { actual: number | null; campaigns: number; organisations: number; respondents: number | null; method: string }
}

describe('standard indicators', () => {
  it('are kept by coordinators; others read them and may not write', async () => {
    const form = { code: 'calls_to_hotline', name: 'Calls to the national hotline', unit: 'count', direction: 'increase', guidance: 'From the hotline’s monthly log.' }
    for (const email of ['member', 'donor'] as const) {
      expect((await invoke(create.action, post('/standard-indicators/new', form, { cookie: await as(email) }))).status, email).toBe(403)
    }
    const coordinator = await as('coordinator')
    const wrong = await invoke(create.action, post('/standard-indicators/new', { ...form, code: 'Calls to hotline' }, { cookie: coordinator }))
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(wrong.data)).toMatch(/lower-case letters, digits and _/)
    expect((await invoke(create.action, post('/standard-indicators/new', form, { cookie: coordinator }))).location).toBe('/standard-indicators/calls_to_hotline')
    const taken = await invoke(create.action, post('/standard-indicators/new', form, { cookie: coordinator }))
    expect(JSON.stringify(taken.data)).toMatch(/The code calls_to_hotline is taken/)
    const listed = (await invoke(list.loader, get('/standard-indicators', await as('donor')))).data as { indicators: { code: string }[]; canManage: boolean }
    expect(listed.indicators.map((i) => i.code)).toContain('calls_to_hotline')
    expect(listed.canManage).toBe(false)
    expect(db.$client.prepare("select count(*) from audit_events where action = 'standard-indicator.created'").pluck().get()).toBe(1)
  })

  it('keep their unit and direction while campaigns adopt them', async () => {
    const reach = standardIndicator('people_reached', 'count')
    createCampaign(createOrganisation(), { indicators: [{ ...HOTLINE_INDICATOR, name: 'People reached', level: 'output', unit: 'count', standardIndicatorId: reach.id }] })
    const coordinator = await as('coordinator')
    const changed = await invoke(
      edit.action,
      post('/standard-indicators/people_reached/edit', { code: 'people_reached', name: 'People reached', unit: 'percent', direction: 'increase' }, { cookie: coordinator }),
      { code: 'people_reached' },
    )
    expect(changed.status).toBe(400)
    expect(JSON.stringify(changed.data)).toMatch(/adopts? this standard: its unit and direction cannot change/)
    const renamed = await invoke(
      edit.action,
      post('/standard-indicators/people_reached/edit', { code: 'people_reached', name: 'People reached in person', unit: 'count', direction: 'increase' }, { cookie: coordinator }),
      { code: 'people_reached' },
    )
    expect(renamed.location).toBe('/standard-indicators/people_reached')
  })

  it('are adopted only by indicators measured the same way', async () => {
    const { organisation, user } = await createPerson('member')
    const cookie = await loginAs(user)
    const campaignId = createSurveyedCampaign(organisation)
    const objectiveId = indicatorsOf(campaignId)[0]!.objectiveId
    const standard = standardIndicator('knows_hotline_pct').id
    const params = { campaignId: String(campaignId), objectiveId: String(objectiveId) }
    const path = `/campaigns/${campaignId}/edit/objectives/${objectiveId}/indicator`
    const fields = { name: 'Teachers who know the hotline', level: 'outcome', unit: 'count', direction: 'increase', target: '200', standardIndicatorId: String(standard) }
    const refused = await invoke(addIndicator.action, post(path, fields, { cookie }), params)
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toMatch(/is measured as percent(age)?, higher is better: choose the same unit and direction/)
    const adopted = await invoke(addIndicator.action, post(path, { ...fields, unit: 'percent', target: '80' }, { cookie }), params)
    expect(adopted.status).toBe(302)
    expect(db.$client.prepare('select count(*) from indicators where name = ? and standard_indicator_id = ?').pluck().get('Teachers who know the hotline', standard)).toBe(1)
  })

  it('roll up across organisations: survey shares weighted by respondents, only what the viewer may see', async () => {
    // Three organisations' campaigns adopt it; one of them is a draft, one is private to its funder.
    const hotline = standardIndicator('knows_hotline_pct')
    const adopting = [{ ...HOTLINE_INDICATOR, standardIndicatorId: hotline.id }]
    const { organisation: funder, user: donorUser } = await createPerson('donor')
    createSurveyedCampaign(createOrganisation(), { indicators: adopting, visibility: 'published' })
    createSurveyedCampaign(createOrganisation(), { indicators: adopting, plan: WITH_COMPARISON, visibility: 'private', funderIds: [funder.id] })
    createSurveyedCampaign(createOrganisation(), { indicators: adopting, visibility: 'published' })
    createCampaign(createOrganisation(), { indicators: adopting, status: 'draft', visibility: 'published' })
    createCampaign(createOrganisation(), { indicators: adopting, status: 'planned', visibility: 'published' })
    const hidden = createSurveyedCampaign(createOrganisation(), { indicators: adopting, visibility: 'private' })
    const donorCookie = await loginAs(donorUser)
    const donor = (await invoke(page.loader, get('/standard-indicators/knows_hotline_pct', donorCookie), { code: 'knows_hotline_pct' })).data as Page
    const withResults = donor.rows.filter((r) => r.actual !== null)
    expect(donor.rollup.organisations).toBeGreaterThanOrEqual(3)
    const respondents = withResults.reduce((s, r) => s + r.nActual!, 0)
    expect(donor.rollup.respondents).toBe(respondents)
    expect(donor.rollup.actual).toBeCloseTo(withResults.reduce((s, r) => s + r.actual! * r.nActual!, 0) / respondents, 10)
    expect(donor.rows.some((r) => r.status === 'draft')).toBe(false)
    expect(donor.rows.some((r) => r.campaignId === hidden)).toBe(false)
    // Results first.
    expect(donor.rows.findIndex((r) => r.actual === null)).toBe(withResults.length)
    expect((await invoke(page.loader, get('/standard-indicators/no_such_code', donorCookie), { code: 'no_such_code' })).status).toBe(404)
    expect((await invoke(page.loader, get('/standard-indicators/Bad%20Code', donorCookie), { code: 'Bad Code' })).status).toBe(404)
    expect((await invoke(page.loader, get('/standard-indicators/knows_hotline_pct'), { code: 'knows_hotline_pct' })).status).toBe(302)
  })
})
