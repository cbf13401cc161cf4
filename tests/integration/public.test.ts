import { describe, expect, it } from 'vitest'
import type { Breakdown } from '../../app/features/results/disclosure'
import * as campaignPage from '../../app/routes/campaigns.$campaignId._index'
import * as resultsCsv from '../../app/routes/campaigns.$campaignId.results[.]csv'
import * as resultsPage from '../../app/routes/campaigns.$campaignId.results'
import * as dashboardsCsv from '../../app/routes/dashboards[.]csv'
import * as dashboards from '../../app/routes/dashboards._index'
import * as iati from '../../app/routes/campaigns.$campaignId.iati[.]xml'
import * as standard from '../../app/routes/standard-indicators.$code._index'
import * as surveysCsv from '../../app/routes/campaigns.$campaignId.surveys[.]csv'
import { db } from '../../app/shared/db.server'
import { refreshSummaries } from '../../app/features/results/index.server'
import { createCampaign, createOrganisation, createPerson, createSurveyedCampaign, loginAs, WITH_COMPARISON } from '../factories'
import { get, invoke } from './helpers'

// What an anonymous visitor may read: published campaigns and their results
// at stable URLs, with small cells withheld so that no total gives one away,
// and nothing else.

const campaigns = (where: string) => db.$client.prepare(`select c.id from campaigns c join organisations o on o.id = c.organisation_id where ${where}`).pluck().all() as number[]

/**
 * A registry with something of every kind: published campaigns with and
 * without surveys, network and private ones, drafts (one of them marked
 * published), and an unapproved organisation's published campaign.
 */
function registry() {
  const ngo = createOrganisation()
  const other = createOrganisation({ country: 'MD' })
  const unapproved = createOrganisation({ approved: false })
  createSurveyedCampaign(ngo, { visibility: 'published' })
  createSurveyedCampaign(other, { visibility: 'published', plan: WITH_COMPARISON, country: 'MD', subdivisions: ['MD-CU'] })
  createCampaign(ngo, { visibility: 'published', status: 'active' })
  createSurveyedCampaign(ngo, { visibility: 'network' })
  createSurveyedCampaign(other, { visibility: 'private', status: 'completed' })
  createCampaign(ngo, { visibility: 'published', status: 'draft' })
  createCampaign(other, { status: 'draft' })
  createCampaign(unapproved, { visibility: 'published', status: 'planned' })
}

describe('an anonymous visitor', () => {
  it('reads every published campaign and its results, without a log-in', async () => {
    registry()
    const published = campaigns("c.visibility = 'published' and c.status <> 'draft' and o.approved_at is not null")
    expect(published.length).toBeGreaterThan(0)
    for (const id of published) {
      const params = { campaignId: String(id) }
      expect((await invoke(campaignPage.loader, get(`/campaigns/${id}`), params)).status, `campaign ${id}`).toBe(200)
      expect((await invoke(resultsPage.loader, get(`/campaigns/${id}/results`), params)).status, `results ${id}`).toBe(200)
      const csv = (await resultsCsv.loader({ request: get(`/campaigns/${id}/results.csv`), params, context: {} } as never)) as Response
      expect(csv.status).toBe(200)
    }
  })

  it('reaches nothing unpublished: not the campaign, its results, its CSV, its answers, dashboards or standard indicators', async () => {
    registry()
    const hidden = campaigns("c.visibility <> 'published' or c.status = 'draft' or o.approved_at is null")
    expect(hidden.length).toBeGreaterThanOrEqual(5)
    for (const id of hidden) {
      const params = { campaignId: String(id) }
      expect((await invoke(campaignPage.loader, get(`/campaigns/${id}`), params)).status, `campaign ${id}`).toBe(404)
      expect((await invoke(resultsPage.loader, get(`/campaigns/${id}/results`), params)).status, `results ${id}`).toBe(404)
      expect((await invoke(resultsCsv.loader, get(`/campaigns/${id}/results.csv`), params)).status, `results.csv ${id}`).toBe(404)
    }
    const published = campaigns("c.visibility = 'published' and c.status <> 'draft'")[0]!
    // The answers themselves are for the organisation only, published or not: the visitor is sent to log in.
    expect((await invoke(surveysCsv.loader, get(`/campaigns/${published}/surveys.csv`), { campaignId: String(published) })).status).toBe(302)
    expect((await invoke(dashboards.loader, get('/dashboards'))).status).toBe(302)
    expect((await invoke(standard.loader, get('/standard-indicators/knows_hotline_pct'), { code: 'knows_hotline_pct' })).status).toBe(302)
  })

  it('sees no breakdown cell under ten respondents, and never a single withheld cell a total could give away', async () => {
    registry()
    const published = campaigns("c.visibility = 'published' and c.status <> 'draft' and exists (select 1 from survey_waves w where w.campaign_id = c.id)")
    expect(published.length).toBeGreaterThan(0)
    // One small village in a published survey, at both waves.
    db.$client
      .prepare("update survey_responses set locality = 'Zatoka' where id in (select r.id from survey_responses r join survey_waves w on w.id = r.wave_id where w.campaign_id = ? order by r.id limit 6)")
      .run(published[0])
    // Written outside the results flow, so the campaign's stored analysis is refreshed as the flow would.
    await refreshSummaries(published[0]!)
    for (const id of published) {
      const page = (await invoke(resultsPage.loader, get(`/campaigns/${id}/results`), { campaignId: String(id) })).data as { breakdowns: Breakdown[]; records: { nPre: number }[] }
      expect(JSON.stringify(page)).not.toMatch(/"respondentCode"|PAN-T-\d|CMP-[TC][BE]-\d/)
      for (const b of page.breakdowns) {
        const withheld = b.cells.filter((c) => c.suppressed)
        expect(withheld.length === 0 || withheld.length >= 2, `${b.dimension} of ${b.question}`).toBe(true)
        for (const c of b.cells) {
          if (c.suppressed) expect([c.n, c.record]).toEqual([null, null])
          else expect(c.n!).toBeGreaterThanOrEqual(10)
        }
      }
    }
    const first = (await invoke(resultsPage.loader, get(`/campaigns/${published[0]}/results`), { campaignId: String(published[0]) })).data as { breakdowns: Breakdown[] }
    expect(first.breakdowns.some((b) => b.dimension === 'locality' && b.cells.every((c) => c.suppressed))).toBe(true)
  })
})

describe('a donor guessing URLs', () => {
  it('gets 404 for a private campaign it does not fund — page, results, CSV and IATI — and does not find it on the dashboard', async () => {
    const { organisation: donorOrg, user } = await createPerson('donor')
    const title = 'Private outreach the donor does not fund'
    const id = createSurveyedCampaign(createOrganisation(), { title, visibility: 'private' })
    // One it does fund, so the dashboard has something to show.
    const funded = createSurveyedCampaign(createOrganisation(), { visibility: 'private', funderIds: [donorOrg.id] })
    const cookie = await loginAs(user)
    const params = { campaignId: String(id) }
    expect((await invoke(campaignPage.loader, get(`/campaigns/${id}`, cookie), params)).status).toBe(404)
    expect((await invoke(resultsPage.loader, get(`/campaigns/${id}/results`, cookie), params)).status).toBe(404)
    expect((await invoke(resultsCsv.loader, get(`/campaigns/${id}/results.csv`, cookie), params)).status).toBe(404)
    expect((await invoke(iati.loader, get(`/campaigns/${id}/iati.xml`, cookie), params)).status).toBe(404)
    const csv = (await dashboardsCsv.loader({ request: get('/dashboards.csv?chart=target-actual', cookie), params: {}, context: {} } as never)) as Response
    const text = await csv.text()
    expect(text).toMatch(/^\uFEFF?campaign_id,/)
    expect(text.split('\r\n').some((line) => line.startsWith(`${funded},`))).toBe(true)
    expect(text).not.toContain(title)
  })
})
