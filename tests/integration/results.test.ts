import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { type ImpactRecord, analyseSurvey } from '../../app/features/results/impact'
import type { Breakdown } from '../../app/features/results/disclosure'
import { readAnalysisFile } from '../../app/features/results/impact-input'
import { IMPACT_COLUMNS } from '../../app/features/results/impact-table'
import * as resultsCsv from '../../app/routes/campaigns.$campaignId.results[.]csv'
import * as resultsPage from '../../app/routes/campaigns.$campaignId.results'
import * as resultsColumns from '../../app/routes/results-columns[.]csv'
import * as surveysCsv from '../../app/routes/campaigns.$campaignId.surveys[.]csv'
import * as surveyPage from '../../app/routes/campaigns.$campaignId.surveys._index'
import { db } from '../../app/shared/db.server'
import { actorOf, createCampaign, createPerson, createSurveyedCampaign, HOTLINE_INDICATOR, indicatorsOf, loginAs, responseCount } from '../factories'
import { changeResults } from '../../app/features/results/flow.server'
import { refreshSummaries, summarisedIndicators } from '../../app/features/results/index.server'
import { addQuestions, addWave, runImport, storeUpload } from '../../app/features/surveys/index.server'
import { get, invoke } from './helpers'

// A campaign's results page and CSV: the same figures as the command line's
// analysis of the exported answers, visible to whoever may see the campaign,
// with small cells withheld outside the organisation.

/** An NGO's published, evaluated campaign with a panel survey (a clear gain), and its member. */
async function surveyed() {
  const { organisation, user } = await createPerson('member')
  return { organisation, member: await loginAs(user), id: String(createSurveyedCampaign(organisation, { visibility: 'published' })) }
}
type Page = { records: ImpactRecord[]; breakdowns: Breakdown[]; own: boolean; waves: { kind: string; responses: number }[] }

async function resultsFor(campaignId: string, cookie?: string) {
  return invoke(resultsPage.loader, get(`/campaigns/${campaignId}/results`, cookie), { campaignId })
}

async function csvText(response: Promise<unknown>) {
  const r = (await response) as Response
  return (await r.text()).replace(/^\uFEFF/, '')
}

describe('the results page', () => {
  it('shows the analysis of the stored answers — the same as the command line’s analysis of the exported file', async () => {
    const { id, member: owner } = await surveyed()
    const page = (await resultsFor(id, owner)).data as Page
    const exported = await csvText(surveysCsv.loader({ request: get(`/campaigns/${id}/surveys.csv`, owner), params: { campaignId: id }, context: {} } as never))
    const { data } = Papa.parse<string[]>(exported.trim())
    const reading = readAnalysisFile({ headers: data[0]!, rows: data.slice(1) }, { design: 'panel' })
    expect(reading.ok).toBe(true)
    // The exported file carries no instrument: the command line infers the types the instrument states.
    expect(analyseSurvey(reading.ok ? reading.data : (null as never))).toEqual(page.records)
    const hotline = page.records.find((r) => r.question === 'knows_hotline' && r.group === 'campaign')!
    expect(hotline).toMatchObject({ design: 'panel', method: 'mcnemar_cc', changeCiMethod: 'paired_diff_newcombe_ci', effectSizeName: 'cohens_h' })
    expect(hotline.change!).toBeGreaterThan(0.1)
    expect(hotline.pValue!).toBeLessThan(0.01)
  })

  it('counts each wave’s responses', async () => {
    const { id, member } = await surveyed()
    const stored = responseCount(Number(id), 'endline')
    const page = (await resultsFor(id, await loginAs((await createPerson('donor')).user))).data as Page
    expect(page.waves.find((w) => w.kind === 'endline')!.responses).toBe(stored)
    const survey = (await invoke(surveyPage.loader, get(`/campaigns/${id}/surveys`, member), { campaignId: id })).data as Page
    expect(survey.waves.map((w) => w.responses)).toEqual(page.waves.map((w) => w.responses))
    // A panel of 240 loses a few people by the endline.
    expect(stored).toBeGreaterThan(200)
    expect(stored).toBeLessThan(240)
  })

  it('is open to whoever may see the campaign: the public for a published one, nobody outside for a draft', async () => {
    const { id: published, organisation } = await surveyed()
    expect((await resultsFor(published)).status).toBe(200)
    expect((await resultsFor(published, await loginAs((await createPerson('org_admin')).user))).status).toBe(200)
    const draft = String(createCampaign(organisation, { status: 'draft' }))
    expect((await resultsFor(draft, await loginAs((await createPerson('donor')).user))).status).toBe(404)
    expect((await resultsFor(draft)).status).toBe(404)
    expect((await resultsFor('999999')).status).toBe(404)
    expect((await resultsFor('not-a-number')).status).toBe(404)
  })

  it('never shows a respondent code, and withholds small breakdown cells from outsiders (also in the CSV)', async () => {
    const { id, member } = await surveyed()
    const donor = await loginAs((await createPerson('donor')).user)
    // Three respondents of one small village, at both waves.
    db.$client
      .prepare("update survey_responses set locality = 'Zatoka' where respondent_code in ('PAN-T-001', 'PAN-T-002', 'PAN-T-003') and wave_id in (select id from survey_waves where campaign_id = ?)")
      .run(id)
    const owner = (await resultsFor(id, member)).data as Page
    const outsider = (await resultsFor(id, donor)).data as Page
    expect(JSON.stringify(outsider)).not.toMatch(/PAN-T-/)
    const locality = (p: Page) => p.breakdowns.find((b) => b.dimension === 'locality' && b.question === 'knows_hotline')!
    expect(owner.own).toBe(true)
    expect(locality(owner).cells.map((c) => [c.value, c.n, c.suppressed])).toEqual([
      ['Zatoka', 3, false],
      ['', expect.any(Number), false],
    ])
    // Zatoka is under 10; "not recorded" goes too, or the total would give Zatoka away.
    expect(locality(outsider).cells.map((c) => [c.value, c.n, c.suppressed, c.record])).toEqual([
      ['Zatoka', null, true, null],
      ['', null, true, null],
    ])
    expect(outsider.breakdowns.find((b) => b.dimension === 'sex')!.cells.every((c) => !c.suppressed && c.n! >= 10)).toBe(true)

    const csv = await csvText(resultsCsv.loader({ request: get(`/campaigns/${id}/results.csv`, donor), params: { campaignId: id }, context: {} } as never))
    const { data, meta } = Papa.parse<Record<string, string>>(csv.trim(), { header: true })
    expect(meta.fields).toEqual([...IMPACT_COLUMNS, 'breakdown', 'breakdown_value'])
    const zatoka = data.filter((r) => r.breakdown_value === 'Zatoka')
    expect(zatoka.length).toBe(4)
    expect(zatoka.every((r) => r.n_pre === '' && r.pre === '' && /withheld/.test(r.notes!))).toBe(true)
    expect(data.filter((r) => r.breakdown === '').map((r) => r.question)).toEqual(['knows_hotline', 'knows_signs', 'would_report', 'knowledge_score'])
    expect(csv).not.toMatch(/PAN-T-|NaN/)
  })

  it('comes with a data dictionary that defines every column of the CSV, in its order', async () => {
    const { id, member } = await surveyed()
    const csv = await csvText(resultsCsv.loader({ request: get(`/campaigns/${id}/results.csv`, member), params: { campaignId: id }, context: {} } as never))
    const dictionary = await csvText(Promise.resolve(resultsColumns.loader()))
    const columns = Papa.parse<Record<string, string>>(dictionary.trim(), { header: true }).data
    expect(columns.map((c) => c.column)).toEqual(Papa.parse<string[]>(csv.trim()).data[0])
    expect(columns.every((c) => c.definition!.length > 20)).toBe(true)
  })

  it('gives, for a panel, the n the shares rest on (the matched pairs) and who answered at each wave apart', async () => {
    const { id, member } = await surveyed()
    const csv = await csvText(resultsCsv.loader({ request: get(`/campaigns/${id}/results.csv`, member), params: { campaignId: id }, context: {} } as never))
    const row = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data.find((r) => r.question === 'knows_hotline' && r.breakdown === '')!
    expect([row.n_pre, row.n_post]).toEqual([row.n_pairs, row.n_pairs])
    expect(Number(row.answered_pre)).toBeGreaterThan(Number(row.n_pairs))
  })

  it('analyses a follow-up wave: whether the change lasted, on the page and in the CSV, while indicators keep the campaign’s effect', async () => {
    const { organisation, user } = await createPerson('member')
    const actor = await actorOf(user)
    const member = await loginAs(user)
    const id = createCampaign(organisation, { status: 'completed', visibility: 'published', indicators: [HOTLINE_INDICATOR] })
    const hotline = indicatorsOf(id)[0]!.id
    await changeResults(actor, id, (change) => addQuestions(change, [{ code: 'knows_hotline', text: 'Do you know the hotline number?', type: 'binary', desired: '1', options: [], min: null, max: null, indicatorId: hotline }]))
    for (const kind of ['baseline', 'endline', 'follow_up'] as const) expect((await addWave(actor, id, { kind, group: 'campaign', design: 'panel', samplingNotes: '' })).ok).toBe(true)
    // 60 respondents: 20% know it at baseline, 70% at endline, 45% six months later.
    const rows = Array.from({ length: 60 }, (_, i) => [`R${i}`, i < 12 ? 1 : 0, i < 42 ? 1 : 0, i < 27 ? 1 : 0])
    const text = ['respondent_code,wave,group,knows_hotline', ...(['pre', 'post', 'follow_up'] as const).flatMap((wave, w) => rows.map((r) => `${r[0]},${wave},campaign,${r[w + 1]}`))].join('\n')
    const imported = await changeResults(actor, id, async (change) => runImport(change, await storeUpload(actor, id, 'three-waves.csv', text), {}))
    expect(imported).toMatchObject({ ok: true, created: 180 })
    const page = (await resultsFor(String(id), member)).data as Page
    const shares = page.records.filter((r) => r.group === 'campaign').map((r) => [r.comparison, r.pre, r.post])
    expect(shares).toEqual([['baseline_endline', 0.2, 0.7], ['baseline_follow_up', 0.2, 0.45], ['endline_follow_up', 0.7, 0.45]])
    const csv = Papa.parse<Record<string, string>>((await csvText(resultsCsv.loader({ request: get(`/campaigns/${id}/results.csv`), params: { campaignId: String(id) }, context: {} } as never))).trim(), { header: true }).data
    expect(csv.filter((r) => r.breakdown === '').map((r) => r.comparison)).toEqual(['baseline_endline', 'baseline_follow_up', 'endline_follow_up'])
    // The indicator's actual is the endline's, not the follow-up's.
    expect((await summarisedIndicators(id)).find((i) => i.id === hotline)!.result.actual).toBeCloseTo(70, 10)
  })

  it('warns, while nobody has said how they were drawn, that answers from several localities may be a cluster sample, which a simple analysis makes look more certain than it is', async () => {
    const { id } = await surveyed()
    expect(((await resultsFor(id)).data as { undeclared: boolean }).undeclared).toBe(false)
    db.$client.prepare("update survey_responses set locality = case id % 3 when 0 then 'Zatoka' when 1 then 'Odesa' else 'Izmail' end where wave_id in (select id from survey_waves where campaign_id = ?)").run(id)
    await refreshSummaries(Number(id))
    expect(((await resultsFor(id)).data as { undeclared: boolean }).undeclared).toBe(true)
  })
})
