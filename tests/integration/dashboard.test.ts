import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import * as dashboardCsv from '../../app/routes/dashboards[.]csv'
import * as dashboard from '../../app/routes/dashboards._index'
import { db } from '../../app/shared/db.server'
import * as actuals from '../../app/routes/campaigns.$campaignId.indicators.$indicatorId'
import { get, invoke, post, sessionFor } from './helpers'

// The outcome dashboard on the demo database: who sees which campaigns, the
// filters in the URL, the summaries kept in step with new results, the CSVs.

type Dash = {
  problems: string[]
  headline: { campaigns: number; organisations: number; reached: number | null; respondents: number }
  forest: { rows: { campaignId: number; change: number }[]; rollup: { organisations: number } } | null
}
const load = async (email: string, query = '') => (await invoke(dashboard.loader, get(`/dashboards${query}`, await sessionFor(email)))).data as Dash
const sql = (text: string, ...params: unknown[]) => db.$client.prepare(text).pluck().get(...params)

describe('the outcome dashboard', () => {
  it('shows a donor the campaigns it funds and the published ones; a coordinator every one past draft', async () => {
    const northlight = sql("select id from organisations where name = 'Northlight Foundation'") as number
    const donor = await load('donor@lantern.example')
    const visible = db.$client
      .prepare(
        `select count(*) from campaigns c join organisations o on o.id = c.organisation_id where c.status <> 'draft' and o.approved_at is not null
         and (c.visibility = 'published' or exists (select 1 from campaign_funders f where f.campaign_id = c.id and f.organisation_id = ?))`,
      )
      .pluck()
      .get(northlight)
    expect(donor.headline.campaigns).toBe(visible)
    const coordinator = await load('coordinator@lantern.example')
    expect(coordinator.headline.campaigns).toBe(sql("select count(*) from campaigns c join organisations o on o.id = c.organisation_id where c.status <> 'draft' and o.approved_at is not null"))
    expect(coordinator.headline.campaigns).toBeGreaterThan(donor.headline.campaigns)
    const funded = await load('donor@lantern.example', `?funder=${northlight}`)
    expect(funded.headline.campaigns).toBe(sql('select count(*) from campaign_funders f join campaigns c on c.id = f.campaign_id where f.organisation_id = ? and c.status <> ?', northlight, 'draft'))
    // A platform admin without an organisation has no dashboard.
    expect((await invoke(dashboard.loader, get('/dashboards', await sessionFor('admin@lantern.example')))).status).toBe(403)
  })

  it('plots the change of a standard indicator across at least three organisations, largest first', async () => {
    const d = await load('donor@lantern.example', '?standard=knows_hotline_pct')
    expect(d.forest!.rollup.organisations).toBeGreaterThanOrEqual(3)
    const changes = d.forest!.rows.map((r) => r.change)
    expect(changes).toEqual([...changes].sort((a, b) => b - a))
  })

  it('explains an empty dashboard for unknown codes and impossible years, never fails', async () => {
    const d = await load('donor@lantern.example', '?audience=aliens&year=20x6&country=ZZ&standard=nope_pct')
    expect(d.headline.campaigns).toBe(0)
    expect(d.problems).toEqual([
      '“ZZ” is not a country code Lantern knows',
      '“20x6” is not a year Lantern knows',
      '“aliens” is not an audience code Lantern knows',
      '“nope_pct” is not a standard indicator Lantern knows',
    ])
    expect((await load('coordinator@lantern.example', '?year=1995')).headline.campaigns).toBe(0)
  })

  it('reads summaries that follow new results', async () => {
    const member = await sessionFor('member@lantern.example')
    const campaignId = sql("select id from campaigns where title = 'School talks on online recruitment (2025)'") as number
    const reach = sql(
      "select i.id from indicators i join objectives o on o.id = i.objective_id where o.campaign_id = ? and i.name = 'People reached'",
      campaignId,
    ) as number
    const before = (await load('coordinator@lantern.example')).headline.reached!
    await invoke(actuals.action, post(`/campaigns/${campaignId}/indicators/${reach}`, { onDate: '2025-06-30', value: '500' }, { cookie: member }), {
      campaignId: String(campaignId),
      indicatorId: String(reach),
    })
    expect((await load('coordinator@lantern.example')).headline.reached).toBe(before + 500)
  })

  it('downloads each chart’s numbers as CSV, with the same filters', async () => {
    const cookie = await sessionFor('donor@lantern.example')
    const csv = async (query: string) => {
      const response = (await dashboardCsv.loader({ request: get(`/dashboards.csv${query}`, cookie), params: {}, context: {} } as never)) as Response
      return { status: response.status, text: (await response.text()).replace(/^\uFEFF/, '') }
    }
    const forest = await csv('?chart=forest&standard=knows_hotline_pct')
    const { data, meta } = Papa.parse<Record<string, string>>(forest.text.trim(), { header: true })
    expect(meta.fields).toEqual(['standard_indicator', 'campaign_id', 'campaign', 'organisation', 'change', 'change_ci_low', 'change_ci_high', 'n', 'p_value'])
    const page = await load('donor@lantern.example', '?standard=knows_hotline_pct')
    expect(data.map((r) => Number(r.campaign_id))).toEqual(page.forest!.rows.map((r) => r.campaignId))
    expect((await csv('?chart=pie')).status).toBe(400)
    expect((await csv('?chart=reach&country=ZZ')).text.trim()).toBe('channel,people_reached,campaigns')
  })
})
