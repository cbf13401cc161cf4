import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import * as campaignsCsv from '../../app/routes/campaigns[.]csv'
import * as templateCsv from '../../app/routes/campaigns.template[.]csv'
import * as resultsCsv from '../../app/routes/campaigns.$campaignId.results[.]csv'
import * as problemsCsv from '../../app/routes/campaigns.$campaignId.surveys.import[.]csv'
import * as surveysCsv from '../../app/routes/campaigns.$campaignId.surveys[.]csv'
import * as coordinationCsv from '../../app/routes/coordination[.]csv'
import * as dashboardsCsv from '../../app/routes/dashboards[.]csv'
import { storeUpload } from '../../app/features/surveys/index.server'
import { db } from '../../app/shared/db.server'
import { actorOf, createCampaign, createOrganisation, createPerson, createSurveyedCampaign, loginAs } from '../factories'
import { get } from './helpers'

// Every CSV Lantern hands out is opened in spreadsheets: text that starts
// like a formula must arrive as text (OWASP's CSV injection rule), while
// numbers stay numbers, on every CSV route.

const FORMULA = '=HYPERLINK("http://evil.example","Click me")'
const DANGEROUS = /^[=+\-@\t\r]/
const NUMBER = /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i

type Loader = (args: never) => unknown
async function cells(loader: Loader, path: string, params: Record<string, string>, cookie?: string) {
  const response = (await loader({ request: get(path, cookie), params, context: { clientIp: '', cspNonce: '' } } as never)) as Response
  expect(response.headers.get('Content-Type'), path).toBe('text/csv; charset=utf-8')
  const text = (await response.text()).replace(/^\uFEFF/, '')
  return { text, cells: Papa.parse<string[]>(text, { skipEmptyLines: true }).data.flat() }
}

function expectSafe(found: { cells: string[] }, path: string) {
  const live = found.cells.filter((c) => DANGEROUS.test(c) && !NUMBER.test(c))
  expect(live, path).toEqual([])
}

describe('formula-safe CSV', () => {
  it('neutralises formula-like text on every CSV route, and leaves numbers as numbers', async () => {
    // Text people typed, each beginning like a formula.
    const { organisation, user } = await createPerson('org_admin')
    const owner = await loginAs(user)
    db.$client.prepare('update organisations set name = ? where id = ?').run('@SUM(1+1) NGO', organisation.id)
    const funder = await createPerson('donor')
    const surveyed = createSurveyedCampaign(organisation, { title: FORMULA, visibility: 'published', funderIds: [funder.organisation.id], locality: '+380 district' })
    db.$client.prepare("update survey_responses set locality = '-1+2 village', respondent_code = '=1+1' || id where id in (select r.id from survey_responses r join survey_waves w on w.id = r.wave_id where w.campaign_id = ? limit 20)").run(surveyed)
    createCampaign(createOrganisation(), { title: '\tTabbed title', subdivisions: ['UA-46'], startDate: '2025-03-01', endDate: '2025-05-31' })
    const upload = await storeUpload(await actorOf(user), surveyed, 'bad.csv', 'respondent_code,wave,=cmd|calc\r\nR1,pre,=2+3\r\n')
    const coordinator = await loginAs((await createPerson('coordinator')).user)
    const donor = await loginAs(funder.user)
    const id = String(surveyed)

    const routes: [Loader, string, Record<string, string>, string | undefined][] = [
      [campaignsCsv.loader, '/campaigns.csv', {}, coordinator],
      [coordinationCsv.loader, '/coordination.csv?from=2025-01-01&to=2025-12-31', {}, coordinator],
      [resultsCsv.loader, `/campaigns/${id}/results.csv`, { campaignId: id }, owner],
      [surveysCsv.loader, `/campaigns/${id}/surveys.csv`, { campaignId: id }, owner],
      [problemsCsv.loader, `/campaigns/${id}/surveys/import.csv?upload=${upload}`, { campaignId: id }, owner],
      [dashboardsCsv.loader, '/dashboards.csv?chart=target-actual', {}, donor],
      [templateCsv.loader, '/campaigns/template.csv', {}, undefined],
    ]
    const texts: Record<string, string> = {}
    for (const [loader, path, params, cookie] of routes) {
      const found = await cells(loader, path, params, cookie)
      expectSafe(found, path)
      texts[path] = found.text
    }
    // The text arrived, kept as text.
    expect(texts['/campaigns.csv']).toContain(`'${FORMULA.replaceAll('"', '""')}`)
    expect(texts['/campaigns.csv']).toContain("'@SUM(1+1) NGO")
    expect(texts['/coordination.csv?from=2025-01-01&to=2025-12-31']).toContain("'\tTabbed title")
    expect(texts[`/campaigns/${id}/surveys.csv`]).toContain("'=1+1")
    expect(texts[`/campaigns/${id}/results.csv`]).toContain("'-1+2 village")
    expect(texts['/dashboards.csv?chart=target-actual']).toContain("'=HYPERLINK")
    // Numbers are data: a negative change or answer is not a formula.
    const results = Papa.parse<Record<string, string>>(texts[`/campaigns/${id}/results.csv`]!, { header: true }).data
    expect(results.some((r) => r.change !== undefined && NUMBER.test(r.change))).toBe(true)
  })
})
