import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { importPlan, runImport, storeUpload, surveyResponsesCsv } from '../../app/features/surveys/index.server'
import { changeResults } from '../../app/features/results/flow.server'
import * as importPage from '../../app/routes/campaigns.$campaignId.surveys.import'
import { auditEvents } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import { campaignWithInstrument, heardFrom, KNOWS_HOTLINE, responseCount, WOULD_REPORT } from '../factories'
import { get, invoke, post } from './helpers'

// Organisations download the whole KoboToolbox dataset again every week: the
// respondents already stored plus the new ones. Only the new are added; rows
// that say something else than what is stored wait for a person's word.

const campaign = () => campaignWithInstrument([KNOWS_HOTLINE, WOULD_REPORT, heardFrom([{ code: 'radio', label: 'Radio' }, { code: 'friends', label: 'Friends or family' }])], ['baseline'])

const HEADER = 'start;end;respondent;grp/knows_hotline;grp/would_report;grp/heard_from;grp/heard_from/radio;grp/heard_from/friends;_id;_uuid;_submission_time;_index'
const kobo = (rows: string[]) => [HEADER, ...rows].join('\n')
const WEEK_1 = [
  '2026-03-01T10:00:00;2026-03-01T10:09:00;KB-1;1;4;radio;1;0;1;u-1;2026-03-01T10:10:00;1',
  '2026-03-01T11:00:00;2026-03-01T11:08:00;KB-2;0;2;friends;0;1;2;u-2;2026-03-01T11:09:00;2',
  '2026-03-01T12:00:00;2026-03-01T12:08:00;KB-3;0;3;;;;3;u-3;2026-03-01T12:09:00;3',
]
// A week on: KB-3's answers were corrected on the server, two people answered since.
const WEEK_2 = [
  ...WEEK_1.slice(0, 2),
  '2026-03-01T12:00:00;2026-03-01T12:08:00;KB-3;1;5;radio friends;1;1;3;u-3;2026-03-01T12:09:00;3',
  '2026-03-08T09:00:00;2026-03-08T09:07:00;KB-4;1;4;radio;1;0;4;u-4;2026-03-08T09:08:00;4',
  '2026-03-08T10:00:00;2026-03-08T10:07:00;KB-5;0;1;friends;0;1;5;u-5;2026-03-08T10:08:00;5',
]
const WAVE = { targetWave: 'baseline:campaign' as const }

async function firstWeekImported() {
  const c = await campaign()
  const first = await changeResults(c.actor, c.id, async (change) => runImport(change, await storeUpload(c.actor, c.id, 'week-1.csv', kobo(WEEK_1)), WAVE))
  expect(first).toMatchObject({ ok: true, created: 3 })
  return c
}

const stored = async (c: Awaited<ReturnType<typeof campaign>>) => {
  const csv = await surveyResponsesCsv(c.actor, c.id)
  const at = (name: string) => csv.fields.indexOf(name)
  return csv.rows.map((r) => [r[at('respondent_code')], r[at('knows_hotline')], r[at('would_report')], r[at('heard_from')]])
}

describe('a second, larger download of the same survey', () => {
  it('maps Kobo’s _uuid to the submission ID without being asked', async () => {
    const c = await campaign()
    const plan = await importPlan(c.actor, c.id, await storeUpload(c.actor, c.id, 'week-1.csv', kobo(WEEK_1)), WAVE)
    expect(plan.mapping).toEqual(['drop', 'drop', 'respondent_code', 'question:knows_hotline', 'question:would_report', 'question:heard_from', 'option:heard_from/radio', 'option:heard_from/friends', 'drop', 'submission_id', 'drop', 'drop'])
    expect(plan.problems).toEqual([])
  })

  it('adds only the new respondents, skips the identical ones and lists the changed one', async () => {
    const c = await firstWeekImported()
    const upload = await storeUpload(c.actor, c.id, 'week-2.csv', kobo(WEEK_2))
    const plan = await importPlan(c.actor, c.id, upload, WAVE)
    expect(plan.problems).toEqual([])
    expect(plan.preview.map((r) => r.respondentCode)).toEqual(['KB-4', 'KB-5'])
    // The whole file is compared when it is imported: a changed row stops the import until a person has decided.
    const changes = [
      {
        line: 4,
        wave: 'baseline:campaign',
        respondentCode: 'KB-3',
        differences: [
          { field: 'knows_hotline', before: '0', after: '1' },
          { field: 'would_report', before: '3', after: '5' },
          { field: 'heard_from', before: null, after: 'radio friends' },
        ],
      },
    ]
    expect(await changeResults(c.actor, c.id, (change) => runImport(change, upload, WAVE))).toEqual({ ok: false, message: null, problems: [], problemCount: 0, identical: 2, changes, changeCount: 1 })
    expect(responseCount(c.id)).toBe(3)
    expect((await importPlan(c.actor, c.id, upload, WAVE)).changes).toEqual({ identical: 2, list: changes, count: 1 })
    // Left as stored: the change is not written unless someone accepts it.
    const done = await changeResults(c.actor, c.id, (change) => runImport(change, upload, { ...WAVE, accept: new Set() }))
    expect(done).toMatchObject({ ok: true, created: 2, message: expect.stringContaining('2 rows were already stored as they are, and skipped') })
    expect(responseCount(c.id)).toBe(5)
    expect((await stored(c)).find((r) => r[0] === 'KB-3')).toEqual(['KB-3', '0', '3', ''])
  })

  it('writes an accepted change in place, and records it in the audit log', async () => {
    const c = await firstWeekImported()
    const upload = await storeUpload(c.actor, c.id, 'week-2.csv', kobo(WEEK_2))
    const done = await changeResults(c.actor, c.id, (change) => runImport(change, upload, { ...WAVE, accept: new Set([4]) }))
    expect(done).toMatchObject({ ok: true, created: 2, message: expect.stringContaining('1 change was accepted') })
    expect(responseCount(c.id)).toBe(5)
    expect((await stored(c)).find((r) => r[0] === 'KB-3')).toEqual(['KB-3', '1', '5', 'radio friends'])
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.action, 'survey.imported'), eq(auditEvents.entityId, String(c.id)))).all().at(-1)!
    expect(audit.after).toMatchObject({ file: 'week-2.csv', rows: 2, identical: 2, changed: 1, accepted: [{ line: 4, respondent: 'KB-3', changed: ['knows_hotline', 'would_report', 'heard_from'] }] })
  })

  it('says there is nothing to import when every row is already stored as it is', async () => {
    const c = await firstWeekImported()
    const reordered = kobo([WEEK_1[2]!, WEEK_1[0]!, WEEK_1[1]!])
    const done = await changeResults(c.actor, c.id, async (change) => runImport(change, await storeUpload(c.actor, c.id, 'week-1-again.csv', reordered), WAVE))
    expect(done).toMatchObject({ ok: true, created: 0, unchanged: true, message: expect.stringMatching(/^Nothing was imported: every row of week-1-again.csv is already stored\. 3 rows were already stored as they are/) })
    expect(responseCount(c.id)).toBe(3)
  })

  it('refuses the whole file when a respondent code comes back from another submission, and stores none of the new rows', async () => {
    const c = await firstWeekImported()
    const reused = WEEK_2.map((r) => r.replace(';KB-5;', ';KB-2;').replace(';u-5;', ';u-9;'))
    reused.splice(1, 1)
    const plan = await importPlan(c.actor, c.id, await storeUpload(c.actor, c.id, 'week-2.csv', kobo(reused)), WAVE)
    expect(plan.problems).toEqual([
      { line: 5, column: 'respondent', message: 'Respondent KB-2 is already in the baseline of the campaign group from another submission (u-2, this row is u-9): a respondent code names one person. Give this respondent a code of their own' },
    ])
    expect(await changeResults(c.actor, c.id, (change) => runImport(change, plan.upload.id, WAVE))).toMatchObject({ ok: false })
    expect(responseCount(c.id)).toBe(3)
  })

  it('names the column an earlier import read a question from when a later download has renamed it', async () => {
    const c = await firstWeekImported()
    const renamed = kobo(WEEK_2).replace('grp/would_report', 'grp/would_report_case')
    const plan = await importPlan(c.actor, c.id, await storeUpload(c.actor, c.id, 'week-2.csv', renamed), WAVE)
    expect(plan.problems).toContainEqual({ line: 1, column: 'grp/would_report', message: expect.stringMatching(/^The import of week-1\.csv on [A-Z][a-z]{2} \d{1,2}, \d{4} read question would_report from the column “grp\/would_report”, which this file does not have\. If it was renamed, map its new column to question would_report\.$/) })
    expect(plan.problems).toContainEqual({ line: 1, column: 'grp/would_report_case', message: expect.stringMatching(/^Choose what this column is/) })
  })

  it('lists the changes on the mapping page, and the import form writes only those ticked', async () => {
    const c = await firstWeekImported()
    const upload = await storeUpload(c.actor, c.id, 'week-2.csv', kobo(WEEK_2))
    const page = await invoke(importPage.loader, get(`/campaigns/${c.id}/surveys/import?upload=${upload}&wave=baseline:campaign`, c.cookie), { campaignId: String(c.id) })
    const { plan } = page.data as { plan: Awaited<ReturnType<typeof importPlan>> }
    const fields: Record<string, string> = { upload: String(upload), wave: 'baseline:campaign' }
    plan.mapping.forEach((t, i) => (fields[`c${i}`] = t))
    const send = (more: Record<string, string>) => invoke(importPage.action, post(`/campaigns/${c.id}/surveys/import`, { ...fields, ...more }, { cookie: c.cookie }), { campaignId: String(c.id) })
    const refused = await send({})
    expect([refused.status, (refused.data as { message: string }).message]).toEqual([400, expect.stringMatching(/^Nothing was imported yet: 1 row says something else/)])
    const shown = await invoke(importPage.loader, get(`/campaigns/${c.id}/surveys/import?${plan.query}`, c.cookie), { campaignId: String(c.id) })
    expect((shown.data as { plan: typeof plan }).plan.changes?.list.map((x) => [x.line, x.respondentCode])).toEqual([[4, 'KB-3']])
    const response = await send({ decided: '1', accept: '4' })
    expect(response.status).toBe(302)
    expect((await stored(c)).find((r) => r[0] === 'KB-3')).toEqual(['KB-3', '1', '5', 'radio friends'])
    expect(responseCount(c.id)).toBe(5)
  })

  it('takes Lantern’s own export back as all stored, matched by its submission_id column', async () => {
    const c = await firstWeekImported()
    const csv = await surveyResponsesCsv(c.actor, c.id)
    expect(csv.fields.slice(0, 4)).toEqual(['respondent_code', 'wave', 'group', 'submission_id'])
    const text = [csv.fields, ...csv.rows].map((r) => r.join(',')).join('\n')
    const plan = await importPlan(c.actor, c.id, await storeUpload(c.actor, c.id, 'lantern-export.csv', text))
    expect(plan.problems).toEqual([])
    expect(plan.mapping[3]).toBe('submission_id')
    expect(plan.preview).toEqual([])
    expect(await changeResults(c.actor, c.id, (change) => runImport(change, plan.upload.id, {}))).toMatchObject({ ok: true, created: 0, unchanged: true, message: expect.stringContaining('3 rows were already stored as they are') })
    expect(responseCount(c.id)).toBe(3)
  })
})
