import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import * as dashboardCsv from '../../app/routes/dashboards[.]csv'
import * as dashboard from '../../app/routes/dashboards._index'
import { problemWords, type DashboardProblem } from '../../app/features/dashboards/problem-words'
import { db } from '../../app/shared/db.server'
import * as actuals from '../../app/routes/campaigns.$campaignId.indicators.$indicatorId'
import { createCampaign, createOrganisation, createPerson, createSurveyedCampaign, createUser, HOTLINE_INDICATOR, indicatorsOf, REACH_INDICATOR, loginAs, standardIndicator, WITH_COMPARISON, type User } from '../factories'
import { get, invoke, post } from './helpers'

// The outcome dashboard: who sees which campaigns, the filters in the URL,
// the summaries kept in step with new results, the CSVs.

/**
 * Three NGOs whose surveyed campaigns (two published, one private) adopt the
 * hotline standard indicator and count people reached; a donor that funds
 * the private one; a draft and an unpublished active campaign; and the people
 * who read the dashboard.
 */
async function portfolio() {
  const hotline = standardIndicator('knows_hotline_pct')
  const reach = standardIndicator('people_reached', 'count')
  const donor = await createPerson('donor')
  const ngos = [createOrganisation(), createOrganisation({ country: 'MD' }), createOrganisation({ country: 'NP' })]
  const indicators = [
    { ...HOTLINE_INDICATOR, standardIndicatorId: hotline.id },
    { ...REACH_INDICATOR, standardIndicatorId: reach.id },
  ]
  const campaigns = [
    createSurveyedCampaign(ngos[0]!, { indicators, visibility: 'published' }),
    createSurveyedCampaign(ngos[1]!, { indicators, plan: WITH_COMPARISON, country: 'MD', subdivisions: ['MD-CU'], visibility: 'private', funderIds: [donor.organisation.id] }),
    createSurveyedCampaign(ngos[2]!, { indicators, country: 'NP', subdivisions: ['NP-P3'], visibility: 'published' }),
  ]
  createCampaign(ngos[0]!, { status: 'draft' })
  createCampaign(ngos[2]!, { status: 'active', country: 'NP', subdivisions: ['NP-P3'] })
  return {
    campaigns,
    funder: donor.organisation.id,
    donor: donor.user,
    coordinator: (await createPerson('coordinator')).user,
    member: await createUser({ organisation: ngos[0], role: 'member' }),
    reachOf: (campaignId: number) => indicatorsOf(campaignId).find((i) => i.name === 'People reached')!.id,
  }
}

type Dash = {
  problems: DashboardProblem[]
  headline: { campaigns: number; organisations: number; reached: number | null; respondents: number }
  forest: { rows: { campaignId: number; change: number }[]; rollup: { organisations: number } } | null
}
const load = async (who: User, query = '') => (await invoke(dashboard.loader, get(`/dashboards${query}`, await loginAs(who)))).data as Dash
const sql = (text: string, ...params: unknown[]) => db.$client.prepare(text).pluck().get(...params)

describe('the outcome dashboard', () => {
  it('shows a donor the campaigns it funds and the published ones; a coordinator every one past draft', async () => {
    const p = await portfolio()
    const northlight = p.funder
    const donor = await load(p.donor)
    const visible = db.$client
      .prepare(
        `select count(*) from campaigns c join organisations o on o.id = c.organisation_id where c.status <> 'draft' and o.approved_at is not null
         and (c.visibility = 'published' or exists (select 1 from campaign_funders f where f.campaign_id = c.id and f.organisation_id = ?))`,
      )
      .pluck()
      .get(northlight)
    expect(donor.headline.campaigns).toBe(visible)
    const coordinator = await load(p.coordinator)
    expect(coordinator.headline.campaigns).toBe(sql("select count(*) from campaigns c join organisations o on o.id = c.organisation_id where c.status <> 'draft' and o.approved_at is not null"))
    expect(coordinator.headline.campaigns).toBeGreaterThan(donor.headline.campaigns)
    const funded = await load(p.donor, `?funder=${northlight}`)
    expect(funded.headline.campaigns).toBe(sql('select count(*) from campaign_funders f join campaigns c on c.id = f.campaign_id where f.organisation_id = ? and c.status <> ?', northlight, 'draft'))
    // A platform admin without an organisation has no dashboard.
    expect((await invoke(dashboard.loader, get('/dashboards', await loginAs(await createUser({ platformAdmin: true }))))).status).toBe(403)
  })

  it('plots the change of a standard indicator across at least three organisations, largest first', async () => {
    const p = await portfolio()
    // Two published, one funded: three organisations.
    const d = await load(p.donor, '?standard=knows_hotline_pct')
    expect(d.forest!.rollup.organisations).toBeGreaterThanOrEqual(3)
    const changes = d.forest!.rows.map((r) => r.change)
    expect(changes).toEqual([...changes].sort((a, b) => b - a))
  })

  it('explains an empty dashboard for unknown codes and impossible years, never fails', async () => {
    const p = await portfolio()
    const d = await load(p.donor, '?audience=aliens&year=20x6&country=ZZ&standard=nope_pct')
    expect(d.headline.campaigns).toBe(0)
    expect(d.problems.map(problemWords)).toEqual([
      '“ZZ” is not a country code Lantern knows',
      '“20x6” is not a year Lantern knows',
      '“aliens” is not an audience code Lantern knows',
      '“nope_pct” is not a standard indicator Lantern knows',
    ])
    expect((await load(p.coordinator, '?year=1995')).headline.campaigns).toBe(0)
  })

  it('reads summaries that follow new results', async () => {
    const p = await portfolio()
    const member = await loginAs(p.member)
    const campaignId = p.campaigns[0]!
    const reach = p.reachOf(campaignId)
    const before = (await load(p.coordinator)).headline.reached ?? 0
    await invoke(actuals.action, post(`/campaigns/${campaignId}/indicators/${reach}`, { onDate: '2025-06-30', value: '500' }, { cookie: member }), {
      campaignId: String(campaignId),
      indicatorId: String(reach),
    })
    expect((await load(p.coordinator)).headline.reached).toBe(before + 500)
  })

  it('downloads each chart’s numbers as CSV, with the same filters', async () => {
    const p = await portfolio()
    const cookie = await loginAs(p.donor)
    const csv = async (query: string) => {
      const response = (await dashboardCsv.loader({ request: get(`/dashboards.csv${query}`, cookie), params: {}, context: {} } as never)) as Response
      return { status: response.status, text: (await response.text()).replace(/^\uFEFF/, '') }
    }
    const forest = await csv('?chart=forest&standard=knows_hotline_pct')
    const { data, meta } = Papa.parse<Record<string, string>>(forest.text.trim(), { header: true })
    expect(meta.fields).toEqual(['standard_indicator', 'campaign_id', 'campaign', 'organisation', 'change', 'change_ci_low', 'change_ci_high', 'n', 'p_value'])
    const page = await load(p.donor, '?standard=knows_hotline_pct')
    expect(data.map((r) => Number(r.campaign_id))).toEqual(page.forest!.rows.map((r) => r.campaignId))
    expect((await csv('?chart=pie')).status).toBe(400)
    expect((await csv('?chart=reach&country=ZZ')).text.trim()).toBe('channel,people_reached,campaigns')
  })
})
