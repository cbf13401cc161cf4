import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { LIKERT_LABELS } from '../../app/features/surveys/answers'
import { addQuestions, addWave, importPlan, runImport, storeUpload, surveyResponsesCsv, waveRows } from '../../app/features/surveys/index.server'
import { changeResults } from '../../app/features/results/flow.server'
import type { ImpactRecord } from '../../app/features/results/impact'
import * as resultsPage from '../../app/routes/campaigns.$campaignId.results'
import * as resultsCsv from '../../app/routes/campaigns.$campaignId.results[.]csv'
import * as wavePage from '../../app/routes/campaigns.$campaignId.surveys.waves.$waveId'
import * as newResponse from '../../app/routes/campaigns.$campaignId.surveys.responses.new'
import { auditEvents } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import type { Sampling } from '../../app/shared/taxonomy/taxonomy'
import { actorOf, createCampaign, createPerson, loginAs } from '../factories'
import { COMPLEX_SAMPLES } from '../reference-data'
import { get, invoke, post } from './helpers'

// A cluster sample as an organisation records it: the waves say how
// respondents were drawn, the import maps the cluster, stratum and weight
// columns, and the results page and CSV give R's survey package's figures.

type Expected = { dataset: string; item: string; method: string; estimate: number; p_value?: number; conf_low: number; deff?: number }
const reference = JSON.parse(readFileSync(join(COMPLEX_SAMPLES, 'expected.json'), 'utf8')) as { results: Expected[] }
const r = (dataset: string, item: string, method: string) => reference.results.find((x) => x.dataset === dataset && x.item === item && x.method === method)!
const file = (name: string) => readFileSync(join(COMPLEX_SAMPLES, 'data', `${name}.csv`), 'utf8')
const relative = (a: number | null, b: number) => Math.abs(a! - b) / Math.abs(b)

/** A published campaign of an NGO with the reference files' three questions and a baseline and endline declared (or not) as given. */
async function campaignWith(design: 'panel' | 'cross_section', sampling?: Sampling, clusterUnit?: string) {
  const { organisation, user } = await createPerson('member')
  const actor = await actorOf(user)
  const id = createCampaign(organisation, { status: 'completed', visibility: 'published', indicators: [] })
  await changeResults(actor, id, (change) =>
    addQuestions(change, [
      { code: 'knows_item', text: 'Do you know the hotline number?', type: 'binary', desired: '1', options: [], min: null, max: null, indicatorId: null },
      { code: 'attitude_likert', text: 'I would call the hotline.', type: 'likert', desired: null, options: [...LIKERT_LABELS], min: null, max: null, indicatorId: null },
      { code: 'knowledge_score', text: 'Knowledge score', type: 'score', desired: null, options: [], min: 0, max: 10, indicatorId: null },
    ]),
  )
  for (const kind of ['baseline', 'endline'] as const) expect((await addWave(actor, id, { kind, group: 'campaign', design, samplingNotes: '', sampling, clusterUnit })).ok).toBe(true)
  return { actor, id, cookie: await loginAs(user) }
}

const importFile = async (actor: Awaited<ReturnType<typeof actorOf>>, id: number, name: string, text: string) =>
  changeResults(actor, id, async (change) => runImport(change, await storeUpload(actor, id, name, text), {}))

const recordsOf = async (id: number, cookie?: string) => ((await invoke(resultsPage.loader, get(`/campaigns/${id}/results`, cookie), { campaignId: String(id) })).data as { records: ImpactRecord[]; undeclared: boolean })

describe('a complex sample, imported and analysed', () => {
  it('takes its design from the file’s stratum, cluster and weight columns, and gives R’s figures on the page and in the CSV', async () => {
    const { actor, id } = await campaignWith('cross_section')
    const text = file('c02_xsec_strata_weights')
    const upload = await storeUpload(actor, id, 'c02.csv', text)
    const plan = await importPlan(actor, id, upload)
    expect(plan.mapping.slice(-3)).toEqual(['stratum', 'cluster', 'weight'])
    expect(plan.problems).toEqual([])
    // Nobody has declared the waves' design: the file's columns describe it, and the import declares it.
    expect(plan.sampling.implied).toBe('stratified_cluster')
    expect(plan.waves.map((w) => [w.name, w.sampling])).toEqual([
      ['baseline of the campaign group', null],
      ['endline of the campaign group', null],
    ])
    expect(await changeResults(actor, id, (change) => runImport(change, upload, {}))).toMatchObject({ ok: true, created: 266 })
    expect(waveRows(id).map((w) => w.sampling)).toEqual(['stratified_cluster', 'stratified_cluster'])
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(id)), eq(auditEvents.action, 'survey.imported'))).get()!
    expect(JSON.stringify(audit.after)).toContain('stratified_cluster')

    // Anyone who may see the campaign reads the design-based figures.
    const { records, undeclared } = await recordsOf(id)
    expect(undeclared).toBe(false)
    const knows = records.find((x) => x.question === 'knows_item' && x.group === 'campaign' && x.comparison === 'baseline_endline')!
    const change = r('c02_xsec_strata_weights', 'knows_item', 'svyglm_change')
    expect(knows).toMatchObject({ sampling: 'stratified_cluster', method: 'svyglm_change', clustersPre: 12, clustersPost: 12 })
    expect(relative(knows.change, change.estimate)).toBeLessThan(1e-9)
    expect(relative(knows.pValue, change.p_value!)).toBeLessThan(1e-7)
    expect(relative(knows.deffPost, r('c02_xsec_strata_weights', 'knows_item', 'svymean_post').deff!)).toBeLessThan(1e-9)

    const csv = (await ((await resultsCsv.loader({ request: get(`/campaigns/${id}/results.csv`), params: { campaignId: String(id) }, context: {} } as never)) as Response).text()).replace(/^\uFEFF/, '')
    const row = Papa.parse<Record<string, string>>(csv.trim(), { header: true }).data.find((x) => x.question === 'knows_item' && x.breakdown === '')!
    expect([row.sampling, row.method, Number(row.df)]).toEqual(['stratified_cluster', 'svyglm_change', 19])
    expect(relative(Number(row.change_ci_low), change.conf_low)).toBeLessThan(1e-7)
  })

  it('exports the answers with their design, and the export imports again into the same figures', async () => {
    const first = await campaignWith('panel', 'cluster', 'village')
    await importFile(first.actor, first.id, 'c03.csv', file('c03_panel_cluster'))
    const exported = await surveyResponsesCsv(first.actor, first.id)
    expect(exported.fields).toEqual(['respondent_code', 'wave', 'group', 'cluster', 'knows_item', 'attitude_likert', 'knowledge_score'])

    const second = await campaignWith('panel')
    const text = Papa.unparse({ fields: exported.fields, data: exported.rows })
    expect(await importFile(second.actor, second.id, 'export.csv', text)).toMatchObject({ ok: true, created: 180 })
    const [a, b] = [await recordsOf(first.id), await recordsOf(second.id)]
    const figures = (records: ImpactRecord[]) => records.map((x) => [x.question, x.method, x.change, x.pValue, x.deffChange])
    expect(figures(b.records)).toEqual(figures(a.records))
    const knows = a.records.find((x) => x.question === 'knowledge_score')!
    expect(knows).toMatchObject({ method: 'svymean_paired_change', clusterUnit: 'village', nPairs: 90 })
    expect(relative(knows.pValue, r('c03_panel_cluster', 'knowledge_score', 'svymean_paired_change').p_value!)).toBeLessThan(1e-7)
  })

  it('refuses a file that does not fit the design its waves declare, naming what to change', async () => {
    const srs = await campaignWith('cross_section', 'simple_random')
    const c01 = file('c01_xsec_cluster')
    const refused = await importFile(srs.actor, srs.id, 'c01.csv', c01)
    expect(refused).toMatchObject({ ok: false, problems: [expect.objectContaining({ line: 2, column: 'wave', message: expect.stringMatching(/^The baseline of the campaign group is declared a simple random sample, but the file gives clusters/) }), expect.anything()] })

    const cluster = await campaignWith('cross_section', 'stratified_cluster')
    const withoutStrata = await importFile(cluster.actor, cluster.id, 'c01.csv', c01)
    expect(withoutStrata).toMatchObject({ ok: false, problems: expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('map the column that holds each respondent’s “Stratum of the sample”') })]) })

    const [header, ...rows] = Papa.parse<string[]>(c01.trim()).data
    const badWeight = Papa.unparse([[...header!, 'weight'], ...rows.map((row, i) => [...row, i === 2 ? 'heavy' : '1'])])
    const open = await campaignWith('cross_section')
    expect(await importFile(open.actor, open.id, 'weights.csv', badWeight)).toMatchObject({
      ok: false,
      problems: [{ line: 4, column: 'weight', message: '“heavy” is not a sampling weight: use a number above 0, like 1.5' }],
    })
    // Nothing was stored, and no wave took a design.
    expect(waveRows(open.id).map((w) => w.sampling)).toEqual([null, null])
  })
})

describe('declaring how a wave was drawn', () => {
  it('warns while the design of answers from several places is not stated, and stops once it is', async () => {
    const { actor, id, cookie } = await campaignWith('cross_section')
    const withPlaces = file('c01_xsec_cluster').replace(',cluster\n', ',locality\n')
    await importFile(actor, id, 'places.csv', withPlaces)
    expect((await recordsOf(id)).undeclared).toBe(true)
    const [baseline, endline] = waveRows(id)
    const declare = (waveId: number, fields: Record<string, string>, who = cookie) =>
      invoke(wavePage.action, post(`/campaigns/${id}/surveys/waves/${waveId}`, fields, { cookie: who }), { campaignId: String(id), waveId: String(waveId) })

    // The answers carry no cluster: the wave cannot be called a cluster sample.
    const refused = await declare(baseline!.id, { sampling: 'cluster', clusterUnit: 'village' })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.data)).toContain('150 of this wave’s responses have no cluster recorded')
    expect((await declare(baseline!.id, { sampling: 'simple_random', designEffect: '1.8' })).status).toBe(400)
    const stranger = await loginAs((await createPerson('member')).user)
    expect((await declare(baseline!.id, { sampling: 'simple_random' }, stranger)).status).toBe(403)

    for (const wave of [baseline!, endline!]) expect((await declare(wave.id, { sampling: 'simple_random' })).data).toMatchObject({ saved: true })
    expect((await recordsOf(id)).undeclared).toBe(false)
    expect(waveRows(id).map((w) => w.sampling)).toEqual(['simple_random', 'simple_random'])
  })

  it('asks a response typed into a cluster sample for its cluster', async () => {
    const { id, cookie } = await campaignWith('cross_section', 'cluster', 'school')
    const baseline = waveRows(id)[0]!
    const send = (fields: Record<string, string>) => invoke(newResponse.action, post(`/campaigns/${id}/surveys/responses/new?wave=${baseline.id}`, { wave: String(baseline.id), q_knows_item: '1', ...fields }, { cookie }), { campaignId: String(id) })
    const missing = await send({ respondentCode: 'T-1' })
    expect(missing.status).toBe(400)
    expect((missing.data as { errors: Record<string, string[]> }).errors.cluster).toEqual(['Enter the cluster this respondent was drawn in: the wave is a cluster sample'])
    expect((await send({ respondentCode: 'T-1', cluster: 'School 4', weight: '2.5' })).status).toBe(302)
    const stored = db.$client.prepare('select cluster, weight from survey_responses where wave_id = ?').get(baseline.id)
    expect(stored).toEqual({ cluster: 'School 4', weight: 2.5 })
  })
})
