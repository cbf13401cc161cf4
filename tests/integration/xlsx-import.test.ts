import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importPlan, runImport } from '../../app/features/surveys/index.server'
import { changeResults } from '../../app/features/results/flow.server'
import * as importRoute from '../../app/routes/campaigns.$campaignId.surveys.import'
import { campaignWithInstrument, heardFrom, KNOWLEDGE_SCORE, KNOWS_HOTLINE, WOULD_REPORT } from '../factories'
import { invoke, SITE } from './helpers'

// XLSX uploads, KoboToolbox's default download: the fixtures are written by
// XlsxWriter (the library Kobo's exporter, formpack, writes XLSX with), with
// a Kobo export's headings and a second sheet; a merged heading cell as
// hand-made sheets have.

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../fixtures', name)))

const campaign = () => campaignWithInstrument([KNOWS_HOTLINE, WOULD_REPORT, KNOWLEDGE_SCORE, heardFrom([{ code: 'radio', label: 'Radio' }, { code: 'tv', label: 'Television' }])])

const upload = (id: number, cookie: string, bytes: Uint8Array<ArrayBuffer>, name: string, sheet?: string) => {
  const form = new FormData()
  form.set('file', new File([bytes], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }))
  if (sheet !== undefined) form.set('sheet', sheet)
  return invoke(importRoute.action, new Request(`${SITE}/campaigns/${id}/surveys/import`, { method: 'POST', headers: { Origin: SITE, Cookie: cookie }, body: form }), { campaignId: String(id) })
}
const uploadId = (location: string | null) => Number(new URL(location!, SITE).searchParams.get('upload'))
const message = (r: { data: unknown }) => (r.data as { message: string }).message

describe('an XLSX upload', () => {
  it('imports the first sheet of a Kobo XLSX export as its CSV would, dates and numbers as written', async () => {
    const { actor, id, cookie } = await campaign()
    const sent = await upload(id, cookie, fixture('kobo-hotline-survey.xlsx'), 'kobo-hotline-survey.xlsx')
    expect(sent.status).toBe(302)
    const plan = await importPlan(actor, id, uploadId(sent.location))
    expect(plan.upload.filename).toBe('kobo-hotline-survey.xlsx')
    expect(plan.headers).toEqual(['start', 'end', 'group_id/respondent_code', 'wave', 'group_k/knows_hotline', 'group_k/would_report', 'group_k/knowledge_score', 'group_m/heard_from', 'group_m/heard_from/radio', 'group_m/heard_from/tv', '_id', '_uuid', '_submission_time', '_index'])
    expect(plan.samples[0]!.slice(0, 3)).toEqual(['2026-03-01T10:00:00', '2026-03-01T10:09:00', 'KB-001'])
    expect(plan.samples[0]![12]).toBe('2026-03-01T10:10:00')
    expect(plan.problems).toEqual([])
    expect(plan.preview.map((r) => [r.respondentCode, r.wave, r.answers])).toEqual([
      ['KB-001', 'baseline:campaign', { knows_hotline: '1', would_report: '4', knowledge_score: '7', heard_from: 'radio' }],
      ['KB-002', 'baseline:campaign', { knows_hotline: '0', would_report: '2', knowledge_score: '3', heard_from: 'tv' }],
      ['KB-003', 'endline:campaign', { knows_hotline: '1', would_report: '5', knowledge_score: '9', heard_from: 'radio tv' }],
      ['KB-004', 'endline:campaign', { knows_hotline: '1', would_report: '4', knowledge_score: '8', heard_from: 'radio' }],
    ])
    expect(await changeResults(actor, id, (change) => runImport(change, uploadId(sent.location), {}))).toMatchObject({ ok: true, created: 4 })
  })

  it('reads the sheet named, and says which sheets there are when the name is wrong', async () => {
    const { actor, id, cookie } = await campaign()
    const notes = await upload(id, cookie, fixture('kobo-hotline-survey.xlsx'), 'kobo.xlsx', 'notes')
    expect((await importPlan(actor, id, uploadId(notes.location))).headers).toEqual(['Exported for Lantern tests'])
    const wrong = await upload(id, cookie, fixture('kobo-hotline-survey.xlsx'), 'kobo.xlsx', 'Answers')
    expect([wrong.status, message(wrong)]).toEqual([400, 'There is no sheet “Answers” in this file. Its sheets: Hotline survey, Notes.'])
  })

  it('refuses a heading row with a merged or empty cell, and a damaged workbook, with a message and nothing stored', async () => {
    const { id, cookie } = await campaign()
    const merged = await upload(id, cookie, fixture('merged-header.xlsx'), 'merged.xlsx')
    expect([merged.status, message(merged)]).toEqual([400, 'Column D of the sheet “Answers” has no heading in its first row (an empty or merged cell): give every column a heading of its own.'])
    const damaged = fixture('kobo-hotline-survey.xlsx').slice(0, 2000)
    expect(message(await upload(id, cookie, damaged, 'damaged.xlsx'))).toMatch(/^This XLSX file cannot be read: it may be damaged/)
  })
})
