import { create } from 'xmlbuilder2'
import { describe, expect, it } from 'vitest'
import * as campaignXml from '../../app/routes/campaigns.$campaignId.iati[.]xml'
import * as dashboardXml from '../../app/routes/dashboards.iati[.]xml'
import * as resultsPage from '../../app/routes/campaigns.$campaignId.results'
import { db } from '../../app/shared/db.server'
import { createActual, createCampaign, createOrganisation, createPerson, createSurveyedCampaign, HOTLINE_INDICATOR, indicatorsOf, loginAs, PANEL_GAIN, REACH_INDICATOR } from '../factories'
import { get, invoke } from './helpers'
import { iatiRuleFailures } from '../iati-rules'
import { iatiSchemaErrors } from '../iati-schema'

// The IATI export: well-formed, valid against the official 2.03 schema
// (xmllint, ../shared/standards), and carrying what the results page says:
// baseline, target, actual, disaggregated actuals.

/** A donor and an evaluated, published campaign with a survey-measured indicator and people reached entered twice. */
async function evaluated() {
  const donor = await createPerson('donor')
  const id = createSurveyedCampaign(createOrganisation(), { visibility: 'published', indicators: [HOTLINE_INDICATOR, REACH_INDICATOR] })
  const reach = indicatorsOf(id).find((i) => i.name === 'People reached')!.id
  createActual(reach, '2025-04-01', 900)
  createActual(reach, '2025-05-31', 1100)
  return { id: String(id), donor: await loginAs(donor.user), funder: donor.organisation.id }
}

async function xmlOf(response: unknown) {
  const r = response as Response
  expect(r.status).toBe(200)
  expect(r.headers.get('Content-Type')).toMatch(/application\/xml/)
  return r.text()
}

const valid = iatiSchemaErrors

type Node = { [k: string]: unknown }
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])

describe('the IATI export', () => {
  it('of an evaluated campaign is well-formed, valid, and carries its baseline, target and actuals', async () => {
    const { id, donor } = await evaluated()
    const xml = await xmlOf(await campaignXml.loader({ request: get(`/campaigns/${id}/iati.xml`, donor), params: { campaignId: id }, context: {} } as never))
    expect(await valid(xml)).toEqual([])
    const doc = create(xml).end({ format: 'object' }) as Node
    const activity = (doc['iati-activities'] as Node)['iati-activity'] as Node
    expect(activity['iati-identifier']).toMatch(new RegExp(`-CAMPAIGN-${id}$`))
    expect(activity['activity-status']).toEqual({ '@code': '4' })
    const indicators = asArray((activity.result as Node).indicator as Node | Node[])
    const hotline = indicators.find((i) => ((i.title as Node).narrative as string).includes('hotline'))!
    expect([hotline['@measure'], hotline['@ascending']]).toEqual(['2', '1'])

    // The same figures as the results page.
    const page = (await invoke(resultsPage.loader, get(`/campaigns/${id}/results`, donor), { campaignId: id })).data as {
      records: { question: string; group: string; pre: number; post: number }[]
    }
    const record = page.records.find((r) => r.question === 'knows_hotline' && r.group === 'campaign')!
    expect(Number((hotline.baseline as Node)['@value'])).toBeCloseTo(record.pre * 100, 3)
    const period = hotline.period as Node
    expect((period.target as Node)['@value']).toBe('60')
    const actuals = asArray(period.actual as Node | Node[])
    expect(Number(actuals[0]!['@value'])).toBeCloseTo(record.post * 100, 3)
    const bySex = actuals.filter((a) => (a.dimension as Node | undefined)?.['@name'] === 'sex')
    expect(bySex.map((a) => (a.dimension as Node)['@value']).sort()).toEqual(['female', 'male'])
    const reach = indicators.find((i) => (i.title as Node).narrative === 'People reached')!
    expect(reach['@measure']).toBe('1')
    const entered = db.$client
      .prepare("select sum(value) from indicator_actuals a join indicators i on i.id = a.indicator_id join objectives o on o.id = i.objective_id where o.campaign_id = ? and i.name = 'People reached'")
      .pluck()
      .get(id)
    expect(Number(((reach.period as Node).actual as Node)['@value'])).toBe(entered)
    expect(entered).toBe(2000)
  })

  it('says on the target when it is on the wrong side of the baseline, which a reader would take for progress made', async () => {
    const donor = await createPerson('donor')
    const declining = { ...PANEL_GAIN, binary: [{ code: 'knows_hotline', pre: 0.66, post: 0.5 }] }
    const id = String(createSurveyedCampaign(createOrganisation(), { visibility: 'published', plan: declining, indicators: [HOTLINE_INDICATOR] }))
    const xml = await xmlOf(await campaignXml.loader({ request: get(`/campaigns/${id}/iati.xml`, await loginAs(donor.user)), params: { campaignId: id }, context: {} } as never))
    expect(await valid(xml)).toEqual([])
    const activity = (create(xml).end({ format: 'object' }) as Node)['iati-activities'] as Node
    const indicator = asArray(((activity['iati-activity'] as Node).result as Node).indicator as Node | Node[])[0]!
    expect(Number((indicator.baseline as Node)['@value'])).toBeGreaterThan(60)
    const target = (indicator.period as Node).target as Node
    expect(target['@value']).toBe('60')
    expect((target.comment as Node).narrative).toMatch(/wrong side of the baseline for an indicator where higher is better/)
  })

  it('of one campaign builds that campaign’s summaries alone, however many others lack theirs', async () => {
    const { id, donor } = await evaluated()
    const other = createCampaign(createOrganisation(), { visibility: 'published' })
    db.$client.prepare('delete from campaign_summaries where campaign_id in (?, ?)').run(Number(id), other)
    await xmlOf(await campaignXml.loader({ request: get(`/campaigns/${id}/iati.xml`, donor), params: { campaignId: id }, context: {} } as never))
    const summarised = (campaignId: number) => db.$client.prepare('select count(*) from campaign_summaries where campaign_id = ?').pluck().get(campaignId)
    expect(summarised(Number(id))).toBe(1)
    expect(summarised(other)).toBe(0)
  })

  it('refuses what the viewer may not see, and drafts', async () => {
    const organisation = createOrganisation()
    const draft = String(createCampaign(organisation, { status: 'draft', visibility: 'published' }))
    const hidden = await invoke(campaignXml.loader, get(`/campaigns/${draft}/iati.xml`, await loginAs((await createPerson('donor')).user)), { campaignId: draft })
    expect(hidden.status).toBe(404)
    const privateOne = String(createCampaign(organisation, { status: 'active', visibility: 'network' }))
    expect((await invoke(campaignXml.loader, get(`/campaigns/${privateOne}/iati.xml`), { campaignId: privateOne })).status).toBe(404)
  })

  it('of a dashboard’s filtered set is one reporting organisation’s publishable campaigns, and is valid', async () => {
    const { donor: cookie, funder: northlight } = await evaluated()
    const ngo = createOrganisation()
    // Campaigns it funds: two of one organisation (one of them private), one of another; and one of another funder.
    createSurveyedCampaign(ngo, { visibility: 'private', funderIds: [northlight] })
    createSurveyedCampaign(ngo, { funderIds: [northlight] })
    createSurveyedCampaign(createOrganisation(), { funderIds: [northlight] })
    createSurveyedCampaign(createOrganisation(), { visibility: 'published', funderIds: [createOrganisation({ type: 'donor' }).id] })
    const file = async (query: string) => dashboardXml.loader({ request: get(`/dashboards/iati.xml?${query}`, cookie), params: {}, context: {} } as never)

    // All it funds spans two reporting organisations: refused, with what to do.
    const refused = await invoke(dashboardXml.loader, get(`/dashboards/iati.xml?funder=${northlight}`, cookie))
    expect(refused).toMatchObject({ status: 400, data: expect.stringMatching(/^An IATI file has one reporting organisation, and this selection has 2 /) })
    const xml = await xmlOf(await file(`funder=${northlight}&organisation=${ngo.id}`))
    expect(await valid(xml)).toEqual([])
    // The private campaign is not for publishing.
    expect((xml.match(/<iati-activity /g) ?? []).length).toBe(1)
    // A whole set carries each indicator's actual; the per-cell actuals come with a single campaign's export.
    expect(xml).toMatch(/<actual value=/)
    expect(xml).not.toMatch(/<dimension /)
    // An empty selection would be an invalid file: a message instead.
    expect(await invoke(dashboardXml.loader, get('/dashboards/iati.xml?country=ZZ', cookie))).toMatchObject({ status: 404, data: expect.stringMatching(/no file to make/) })
  })

  it('dates what happened: actual dates from the status history, baselines by their survey, actuals in the endline’s period, the budget, and Cancelled for a campaign that never ran', async () => {
    const donor = await loginAs((await createPerson('donor')).user)
    const organisation = createOrganisation()
    const id = String(createSurveyedCampaign(organisation, { visibility: 'published', indicators: [HOTLINE_INDICATOR], budget: 12_000, currency: 'EUR', startDate: '2026-04-01', endDate: '2026-05-31' }))
    const dated = (kind: string, start: string, end: string) =>
      db.$client.prepare('update survey_waves set start_date = ?, end_date = ? where campaign_id = ? and kind = ? and "group" = \'campaign\'').run(start, end, id, kind)
    dated('baseline', '2026-03-20', '2026-03-28')
    dated('endline', '2026-06-02', '2026-06-12')
    const history = db.$client.prepare('select to_status, created_at as at from campaign_status_history where campaign_id = ?').all(id) as { to_status: string; at: number }[]
    const on = (status: string) => new Date(history.find((h) => h.to_status === status)!.at).toISOString().slice(0, 10)
    const xml = await xmlOf(await campaignXml.loader({ request: get(`/campaigns/${id}/iati.xml`, donor), params: { campaignId: id }, context: {} } as never))
    expect(await valid(xml)).toEqual([])
    const activity = (create(xml).end({ format: 'object' }) as Node)['iati-activities'] as Node
    const a = activity['iati-activity'] as Node
    expect(asArray(a['activity-date'] as Node[]).map((d) => [d['@type'], d['@iso-date']])).toEqual([
      ['1', '2026-04-01'],
      ['2', on('active')],
      ['3', '2026-05-31'],
      ['4', on('completed')],
    ])
    expect(a.budget).toMatchObject({ '@type': '1', '@status': '1', 'period-start': { '@iso-date': '2026-04-01' }, 'period-end': { '@iso-date': '2026-05-31' }, value: { '@currency': 'EUR', '#': '12000' } })
    const hotline = asArray((a.result as Node).indicator as Node | Node[])[0]!
    expect((hotline.baseline as Node)['@iso-date']).toBe('2026-03-20')
    expect((hotline.period as Node)['period-start']).toEqual({ '@iso-date': '2026-06-02' })
    expect((hotline.period as Node)['period-end']).toEqual({ '@iso-date': '2026-06-12' })

    const neverRan = String(createCampaign(organisation, { status: 'archived', visibility: 'published' }))
    const cancelled = await xmlOf(await campaignXml.loader({ request: get(`/campaigns/${neverRan}/iati.xml`, donor), params: { campaignId: neverRan }, context: {} } as never))
    expect(cancelled).toMatch(/<activity-status code="5"\/>/)
    expect(cancelled).not.toMatch(/<activity-date [^>]*type="2"/)
  })

  it('names the reporting organisation by its registered identifier, or says in the file that one is missing; every activity has a DAC sector', async () => {
    const donor = await loginAs((await createPerson('donor')).user)
    const organisation = createOrganisation()
    const id = String(createSurveyedCampaign(organisation, { visibility: 'published', exploitationForms: ['sexual_exploitation'], audiences: [{ code: 'youth_students', estimatedSize: 100 }] }))
    const exported = async () => xmlOf(await campaignXml.loader({ request: get(`/campaigns/${id}/iati.xml`, donor), params: { campaignId: id }, context: {} } as never))
    const missing = await exported()
    expect(missing).toMatch(new RegExp(`has no registered organisation identifier on Lantern yet: XX-LANTERN-${organisation.id} stands in for it`))
    // The default from what the campaign addresses: sexual exploitation alone, so ending violence against women and girls.
    expect(missing).toMatch(/<sector vocabulary="1" code="15180" percentage="100"\/>/)

    db.$client.prepare("update organisations set iati_identifier = 'UA-EDR-12345678' where id = ?").run(organisation.id)
    db.$client.prepare("update campaigns set dac_sector = '16070' where id = ?").run(id)
    const named = await exported()
    expect(await valid(named)).toEqual([])
    const a = ((create(named).end({ format: 'object' }) as Node)['iati-activities'] as Node)['iati-activity'] as Node
    expect(a['iati-identifier']).toBe(`UA-EDR-12345678-CAMPAIGN-${id}`)
    expect((a['reporting-org'] as Node)['@ref']).toBe('UA-EDR-12345678')
    expect(named).not.toMatch(/no registered organisation identifier/)
    expect(a.sector).toEqual({ '@vocabulary': '1', '@code': '16070', '@percentage': '100' })
  })

  it('is not made for a private campaign, which is not for publishing', async () => {
    const funder = await createPerson('donor')
    const id = String(createSurveyedCampaign(createOrganisation(), { visibility: 'private', funderIds: [funder.organisation.id] }))
    const refused = await invoke(campaignXml.loader, get(`/campaigns/${id}/iati.xml`, await loginAs(funder.user)), { campaignId: id })
    expect(refused.status).toBe(404)
    expect(refused.data).toMatch(/private campaigns are not exported/)
  })

  it('is rejected by the schema when it breaks the order IATI requires (the check can fail)', async () => {
    const { id, donor } = await evaluated()
    const xml = await xmlOf(await campaignXml.loader({ request: get(`/campaigns/${id}/iati.xml`, donor), params: { campaignId: id }, context: {} } as never))
    const swapped = xml.replace(/(<target [^>]*\/>)(\s*)(<actual [^>]*\/>)/, '$3$2$1')
    expect(swapped).not.toBe(xml)
    expect((await valid(swapped)).join()).toMatch(/target/)
  })
})

describe('the IATI Validator’s rules', () => {
  it('find the faults they exist to find (the check can fail)', async () => {
    const { id, donor } = await evaluated()
    const xml = await xmlOf(await campaignXml.loader({ request: get(`/campaigns/${id}/iati.xml`, donor), params: { campaignId: id }, context: {} } as never))
    const broken = xml.replace(/<sector [^>]*\/>/, '').replace(/(<activity-date iso-date=")[^"]+(" type="2"\/>)/, '$12999-01-01$2')
    expect(iatiRuleFailures(broken).filter((f) => f.severity === 'error').map((f) => f.id).sort()).toEqual(['11.1.3', '11.1.4', '6.2.2'])
    expect(iatiRuleFailures(xml).filter((f) => f.severity === 'error')).toEqual([])
  })
})
