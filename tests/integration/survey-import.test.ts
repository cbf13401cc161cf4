import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { readWaveKind } from '../../app/domain/survey-columns'
import { LIKERT_LABELS } from '../../app/domain/survey-answers'
import { createCampaign } from '../../app/services/campaigns.server'
import { importPlan, runImport, storeUpload } from '../../app/services/survey-import.server'
import { addQuestions, addWave, surveyResponsesCsv } from '../../app/services/surveys.server'
import { actorFor } from './helpers'

const REFERENCE = join(__dirname, '../../../shared/reference/data')
const files = readdirSync(REFERENCE).filter((f) => f.endsWith('.csv')).sort()

/** A campaign with the reference files' three questions and the waves a file needs. */
async function surveyCampaign(email: string, design: 'panel' | 'cross_section', groups: ('campaign' | 'comparison')[]) {
  const actor = await actorFor(email)
  const id = await createCampaign(actor, { title: 'Hotline awareness survey', pillar: 'prevention' })
  const added = await addQuestions(actor, id, [
    { code: 'knows_item', text: 'Do you know the hotline number?', type: 'binary', desired: '1', options: [], min: null, max: null, indicatorId: null },
    { code: 'attitude_likert', text: 'I would call the hotline.', type: 'likert', desired: null, options: [...LIKERT_LABELS], min: null, max: null, indicatorId: null },
    { code: 'knowledge_score', text: 'Knowledge score', type: 'score', desired: null, options: [], min: 0, max: 10, indicatorId: null },
  ])
  expect(added.ok).toBe(true)
  for (const group of groups) for (const kind of ['baseline', 'endline'] as const) expect((await addWave(actor, id, { kind, group, design, samplingNotes: '' })).ok).toBe(true)
  return { actor, id }
}

const contentOf = (rows: string[][], header: string[]) =>
  rows
    .map((r) => Object.fromEntries(header.map((h, i) => [h, h === 'wave' ? readWaveKind(r[i]!) : r[i]])))
    .map((r) => JSON.stringify(r))
    .sort()

describe('importing the reference surveys', () => {
  it.each(files)('%s imports without hand-editing and exports back with the same content', async (file) => {
    const text = readFileSync(join(REFERENCE, file), 'utf8')
    const [header, ...rows] = Papa.parse<string[]>(text.trim()).data as string[][]
    const groups = [...new Set(rows.map((r) => r[header!.indexOf('group')]!))] as ('campaign' | 'comparison')[]
    const { actor, id } = await surveyCampaign('member@lantern.example', file.includes('panel') ? 'panel' : 'cross_section', groups)
    const upload = await storeUpload(actor, id, file, text)
    const plan = await importPlan(actor, id, upload)
    expect(plan.mapping).toEqual(['respondent_code', 'wave', 'group', 'question:knows_item', 'question:attitude_likert', 'question:knowledge_score'])
    expect(plan.problems).toEqual([])
    const done = await runImport(actor, id, upload, {})
    expect(done).toMatchObject({ ok: true, created: rows.length, unchanged: false })

    const exported = await surveyResponsesCsv(actor, id)
    expect(exported.fields).toEqual(header)
    expect(contentOf(exported.rows, exported.fields)).toEqual(contentOf(rows, header!))
  })

  it('says so, and changes nothing, when the same file comes again', async () => {
    const text = readFileSync(join(REFERENCE, 'd02_panel_small_n8.csv'), 'utf8')
    const { actor, id } = await surveyCampaign('member@lantern.example', 'panel', ['campaign'])
    expect(await runImport(actor, id, await storeUpload(actor, id, 'first.csv', text), {})).toMatchObject({ ok: true, created: 16 })
    const again = await runImport(actor, id, await storeUpload(actor, id, 'again.csv', text), {})
    expect(again).toMatchObject({ ok: true, created: 0, unchanged: true })
    expect(again.ok && again.message).toMatch(/already imported/)
    expect((await surveyResponsesCsv(actor, id)).rows).toHaveLength(16)
  })
})
