import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { readWaveKind } from '../../app/features/surveys/field-values'
import { LIKERT_LABELS } from '../../app/features/surveys/answers'
import { createCampaign } from '../../app/features/campaigns/editing.server'
import { ABANDONED_IMPORT_MS, importPlan, purgeAbandonedImports, runImport, storeUpload, uploadsDir } from '../../app/features/surveys/import.server'
import { addQuestions, addResponse, addWave, surveyOf, surveyResponsesCsv } from '../../app/features/surveys/index.server'
import { eq } from 'drizzle-orm'
import { surveyImports, surveyResponses } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import { changeResults } from '../../app/features/results/flow.server'
import { driftFromShared, REFERENCE_DATA, REFERENCE_FILES } from '../reference-data'
import { actorOf, createPerson, createSurveyedCampaign, loginAs, responseCount } from '../factories'
import { get, invoke, SITE } from './helpers'

const REFERENCE = REFERENCE_DATA
const files = REFERENCE_FILES

/** A campaign with the reference files' three questions and the waves a file needs. */
async function surveyCampaign(design: 'panel' | 'cross_section', groups: ('campaign' | 'comparison')[]) {
  const { user } = await createPerson('member')
  const actor = await actorOf(user)
  const id = await createCampaign(actor, { title: 'Hotline awareness survey', pillar: 'prevention' })
  const added = await changeResults(actor, id, (change) => addQuestions(change, [
    { code: 'knows_item', text: 'Do you know the hotline number?', type: 'binary', desired: '1', options: [], min: null, max: null, indicatorId: null },
    { code: 'attitude_likert', text: 'I would call the hotline.', type: 'likert', desired: null, options: [...LIKERT_LABELS], min: null, max: null, indicatorId: null },
    { code: 'knowledge_score', text: 'Knowledge score', type: 'score', desired: null, options: [], min: 0, max: 10, indicatorId: null },
  ]))
  expect(added.ok).toBe(true)
  for (const group of groups) for (const kind of ['baseline', 'endline'] as const) expect((await addWave(actor, id, { kind, group, design, samplingNotes: '' })).ok).toBe(true)
  return { actor, id, user }
}

const contentOf = (rows: string[][], header: string[]) =>
  rows
    .map((r) => Object.fromEntries(header.map((h, i) => [h, h === 'wave' ? readWaveKind(r[i]!) : r[i]])))
    .map((r) => JSON.stringify(r))
    .sort()

describe('importing the reference surveys', () => {
  it('uses a copy of the six reference files identical to ../shared/reference/data', () => {
    expect(files).toHaveLength(6)
    expect(driftFromShared()).toEqual([])
  })

  it.each(files)('%s imports without hand-editing and exports back with the same content', async (file) => {
    const text = readFileSync(join(REFERENCE, file), 'utf8')
    const [header, ...rows] = Papa.parse<string[]>(text.trim()).data as string[][]
    const groups = [...new Set(rows.map((r) => r[header!.indexOf('group')]!))] as ('campaign' | 'comparison')[]
    const { actor, id } = await surveyCampaign(file.includes('panel') ? 'panel' : 'cross_section', groups)
    const upload = await storeUpload(actor, id, file, text)
    const plan = await importPlan(actor, id, upload)
    expect(plan.mapping).toEqual(['respondent_code', 'wave', 'group', 'question:knows_item', 'question:attitude_likert', 'question:knowledge_score'])
    expect(plan.problems).toEqual([])
    const done = await changeResults(actor, id, (change) => runImport(change, upload, {}))
    expect(done).toMatchObject({ ok: true, created: rows.length, unchanged: false })

    const exported = await surveyResponsesCsv(actor, id)
    expect(exported.fields).toEqual(header)
    expect(contentOf(exported.rows, exported.fields)).toEqual(contentOf(rows, header!))
  })

  it('says so, and changes nothing, when the same file comes again', async () => {
    const text = readFileSync(join(REFERENCE, 'd02_panel_small_n8.csv'), 'utf8')
    const { actor, id } = await surveyCampaign('panel', ['campaign'])
    expect(await changeResults(actor, id, async (change) => runImport(change, await storeUpload(actor, id, 'first.csv', text), {}))).toMatchObject({ ok: true, created: 16 })
    const again = await changeResults(actor, id, async (change) => runImport(change, await storeUpload(actor, id, 'again.csv', text), {}))
    expect(again).toMatchObject({ ok: true, created: 0, unchanged: true })
    expect(again.ok && again.message).toMatch(/already imported/)
    expect((await surveyResponsesCsv(actor, id)).rows).toHaveLength(16)
  })
})

describe('a KoboToolbox export', () => {
  const text = readFileSync(join(__dirname, '../fixtures/kobo-hotline-survey.csv'), 'utf8')

  it('imports once its name and phone columns are dropped, and not before', async () => {
    const { actor, id } = await surveyCampaign('cross_section', ['campaign'])
    const upload = await storeUpload(actor, id, 'kobo.csv', text)
    const first = await importPlan(actor, id, upload)
    // Metadata dropped, group prefixes read, personal data left for a person to decide.
    expect(first.mapping).toEqual(['drop', 'drop', 'respondent_code', 'choose', 'choose', 'question:knows_item', 'question:attitude_likert', 'question:knowledge_score', 'drop', 'submission_id', 'drop', 'drop'])
    expect(first.personal[3]).toMatch(/name/)
    expect(first.personal[4]).toMatch(/phone/)
    expect(first.problems.map((p) => p.column)).toEqual(expect.arrayContaining(['group_id/respondent_name', 'group_id/phone_number']))
    expect(await changeResults(actor, id, (change) => runImport(change, upload, {}))).toMatchObject({ ok: false })

    // Keeping the names, even as a locality, is refused with the reason.
    const keepNames = [...first.mapping] as typeof first.mapping
    keepNames[3] = 'locality'
    keepNames[4] = 'drop'
    const refused = await importPlan(actor, id, upload, { mapping: keepNames, targetWave: 'baseline:campaign' })
    expect(refused.problems).toEqual([{ line: 1, column: 'group_id/respondent_name', message: expect.stringMatching(/looks like personal data .*Map it to “Drop”/) }])

    const dropped = keepNames.map((t, i) => (i === 3 ? 'drop' : t)) as typeof first.mapping
    const plan = await importPlan(actor, id, upload, { mapping: dropped, targetWave: 'baseline:campaign' })
    expect(plan.problems).toEqual([])
    // Spellings recoded: yes/true → 1, “Agree” → 4, “4,5” → 4.5, an empty score stays unanswered.
    expect(plan.preview.map((r) => r.answers)).toEqual([
      { knows_item: '1', attitude_likert: '4', knowledge_score: '7' },
      { knows_item: '0', attitude_likert: '1', knowledge_score: '3' },
      { knows_item: '1', attitude_likert: '3', knowledge_score: '5' },
      { knows_item: '1', attitude_likert: '5', knowledge_score: '9' },
      { knows_item: '0', attitude_likert: '2', knowledge_score: '4.5' },
      { knows_item: '1', attitude_likert: '4' },
    ])
    expect(await changeResults(actor, id, (change) => runImport(change, upload, { mapping: dropped, targetWave: 'baseline:campaign' }))).toMatchObject({ ok: true, created: 6 })
    const exported = await surveyResponsesCsv(actor, id)
    expect(JSON.stringify(exported)).not.toMatch(/Kovalenko|\+380/)
    expect(databaseFileHolds(['Olena Kovalenko', '+380 67 123 4567'])).toEqual([])
  })

  it('keeps nothing personal of a file that was refused, imported again, or abandoned', async () => {
    const { actor, id } = await surveyCampaign('cross_section', ['campaign'])
    const { purgeAbandonedUploads } = await import('../../app/features/surveys/index.server')
    // Refused (names kept) and then left: swept once its day is over.
    const refused = await storeUpload(actor, id, 'kobo.csv', text)
    expect(await changeResults(actor, id, (change) => runImport(change, refused, {}))).toMatchObject({ ok: false })
    expect(databaseFileHolds(['Taras Melnyk'])).toEqual(['Taras Melnyk'])
    db.$client.prepare('update survey_uploads set created_at = ? where id = ?').run(Date.now() - 25 * 3_600_000, refused)
    expect(purgeAbandonedUploads()).toBe(1)
    expect(databaseFileHolds(['Taras Melnyk', '+380 50 765 4321'])).toEqual([])
    // The same file imported twice: the second upload is not kept.
    const rows = 'respondent_code,wave,group,knows_item,attitude_likert,knowledge_score\nR1,pre,campaign,1,3,5'
    await changeResults(actor, id, async (change) => runImport(change, await storeUpload(actor, id, 'one.csv', rows), {}))
    const again = await storeUpload(actor, id, 'one-again.csv', rows)
    expect(await changeResults(actor, id, (change) => runImport(change, again, {}))).toMatchObject({ ok: true, unchanged: true })
    expect(db.$client.prepare('select count(*) from survey_uploads where id = ?').pluck().get(again)).toBe(0)
  })
})

/** The files of uploads waiting beside the database. */
const uploadFiles = () => (existsSync(uploadsDir()) ? readdirSync(uploadsDir()) : [])

/** Which of these strings the database file (with its write-ahead log) or an upload waiting beside it still holds: what a copy of the data directory would give away. */
function databaseFileHolds(texts: string[]): string[] {
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  const path = process.env.DATABASE_PATH!
  const uploads = uploadFiles().map((name) => readFileSync(join(uploadsDir(), name)))
  const bytes = Buffer.concat([readFileSync(path), ...(existsSync(`${path}-wal`) ? [readFileSync(`${path}-wal`)] : []), ...uploads])
  return texts.filter((t) => bytes.includes(Buffer.from(t, 'utf8')))
}

describe('bad survey files', () => {
  const HEADER = 'respondent_code,wave,group,knows_item,attitude_likert,knowledge_score'
  const plan = async (text: string, choice = {}) => {
    const { actor, id } = await surveyCampaign('panel', ['campaign'])
    return { actor, id, plan: await importPlan(actor, id, await storeUpload(actor, id, 'bad.csv', text), choice) }
  }

  it('names the row and column of a value out of range, not an option, or a duplicate respondent', async () => {
    const { plan: p } = await plan(
      [HEADER, 'R1,pre,campaign,1,3,5', 'R2,pre,campaign,2,3,5', 'R3,pre,campaign,1,6,5', 'R4,pre,campaign,1,3,11', 'R1,pre,campaign,0,2,4', 'R5,later,campaign,1,1,1', 'R6,post,control,1,1,1', 'R7,post,comparison,1,1,1'].join('\n'),
    )
    expect(p.problems).toEqual([
      { line: 3, column: 'knows_item', message: '“2” is not a yes/no answer: use 1 or 0, yes or no, true or false' },
      { line: 4, column: 'attitude_likert', message: '“6” is not on the 1–5 scale: use 1 to 5 or “Strongly disagree” … “Strongly agree”' },
      { line: 5, column: 'knowledge_score', message: '11 is outside the range 0 to 10' },
      { line: 6, column: 'respondent_code', message: 'Respondent R1 appears twice in the baseline of the campaign group (lines 2 and 6)' },
      { line: 7, column: 'wave', message: '“later” is not a wave: use pre or post, baseline or endline, or follow-up' },
      // “control” means the comparison group, which this campaign has not surveyed.
      { line: 8, column: 'wave', message: 'There is no wave for the endline of the comparison group: add it on the survey page first' },
      { line: 9, column: 'wave', message: 'There is no wave for the endline of the comparison group: add it on the survey page first' },
    ])
  })

  it('finds the one bad row among 10,000 and stores nothing', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `R${i},${i % 2 ? 'post' : 'pre'},campaign,${i % 2},${1 + (i % 5)},${i % 11}`)
    rows[7_321] = 'R7321,post,campaign,1,3,ten'
    const { actor, id, plan: p } = await plan([HEADER, ...rows].join('\r\n'))
    // The mapping page reads the file's first rows; the import reads it all.
    expect([p.problems, p.checked]).toEqual([[], false])
    const problem = { line: 7_323, column: 'knowledge_score', message: '“ten” is not a number' }
    expect(await changeResults(actor, id, (change) => runImport(change, p.upload.id, {}))).toEqual({ ok: false, message: null, problems: [problem], problemCount: 1, identical: 0, changes: [], changeCount: 0 })
    expect((await surveyResponsesCsv(actor, id)).rows).toEqual([])
    const shown = await importPlan(actor, id, p.upload.id)
    expect([shown.checked, shown.problems, shown.refusal]).toEqual([true, [problem], 'Nothing was imported: the file has 1 problem, listed below.'])
  })

  it('takes a stored respondent who comes back with other answers for a change to accept, and refuses an unknown question, an empty and a header-only file', async () => {
    const { actor, id } = await surveyCampaign('panel', ['campaign'])
    await changeResults(actor, id, async (change) => runImport(change, await storeUpload(actor, id, 'one.csv', `${HEADER}\nR1,pre,campaign,1,3,5`), {}))
    const again = await importPlan(actor, id, await storeUpload(actor, id, 'two.csv', `${HEADER}\nR1,pre,campaign,0,3,5`))
    expect(again.problems).toEqual([])
    expect(again.preview).toEqual([])
    expect(await changeResults(actor, id, (change) => runImport(change, again.upload.id, {}))).toMatchObject({
      ok: false,
      changes: [{ line: 2, wave: 'baseline:campaign', respondentCode: 'R1', differences: [{ field: 'knows_item', before: '1', after: '0' }] }],
    })
    const unknown = await importPlan(actor, id, await storeUpload(actor, id, 'three.csv', `${HEADER}\nR9,pre,campaign,1,3,5`), {
      mapping: ['respondent_code', 'wave', 'group', 'question:knows_item', 'question:attitude_likert', 'question:trust_police'],
    })
    expect(unknown.problems).toEqual([{ line: 1, column: 'knowledge_score', message: 'There is no question trust_police in this campaign’s instrument.' }])
    expect((await importPlan(actor, id, await storeUpload(actor, id, 'empty.csv', ''))).problems).toEqual([{ line: 1, column: '', message: 'The file is empty.' }])
    expect((await importPlan(actor, id, await storeUpload(actor, id, 'header.csv', `${HEADER}\n`))).problems).toEqual([
      { line: 2, column: '', message: 'The file has a header but no rows of answers' },
    ])
  })

  it('imports a file sent twice at once (a double click) once, and says so the second time', async () => {
    const { actor, id } = await surveyCampaign('panel', ['campaign'])
    const upload = await storeUpload(actor, id, 'twice.csv', `${HEADER}\nR1,pre,campaign,1,3,5\nR2,pre,campaign,0,2,4`)
    const both = await Promise.all([1, 2].map(() => changeResults(actor, id, (change) => runImport(change, upload, {}))))
    expect(both.map((r) => r.ok && r.unchanged).sort()).toEqual([false, true])
    expect(both.find((r) => r.ok && r.unchanged)).toMatchObject({ message: expect.stringMatching(/nothing has changed|changes nothing/) })
    expect(responseCount(id)).toBe(2)
  })

  it('refuses binary, Latin-1 and oversized uploads with a message, and keeps other organisations out', async () => {
    const importRoute = await import('../../app/routes/campaigns.$campaignId.surveys.import')
    const { id, user } = await surveyCampaign('panel', ['campaign'])
    const cookie = await loginAs(user)
    const send = (body: Uint8Array<ArrayBuffer> | string, who = cookie) => {
      const form = new FormData()
      form.set('file', new File([body], 'answers.csv', { type: 'text/csv' }))
      return invoke(importRoute.action, new Request(`${SITE}/campaigns/${id}/surveys/import`, { method: 'POST', headers: { Origin: SITE, Cookie: who }, body: form }), { campaignId: String(id) })
    }
    const message = (r: { data: unknown }) => (r.data as { message: string }).message
    const before = uploadFiles()
    // A ZIP archive is taken for an XLSX workbook, and this one cannot be read.
    expect(message(await send(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00])))).toMatch(/This XLSX file cannot be read: it may be damaged/)
    expect(message(await send(new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x08])))).toMatch(/not a CSV text file/)
    expect(message(await send(new Uint8Array([0x72, 0x65, 0x73, 0x70, 0x0a, 0x4b, 0x79, 0x69, 0x76, 0x20, 0xe9, 0x74, 0xe9])))).toMatch(/not UTF-8/)
    const big = await send('x'.repeat(20 * 1024 * 1024 + 10))
    expect(big.status).toBe(413)
    expect(message(big)).toMatch(/larger than 20 MB/)
    const ok = await send(`${HEADER}\nR1,pre,campaign,1,3,5`)
    expect(ok.location).toMatch(new RegExp(`/campaigns/${id}/surveys/import\\?upload=\\d+`))
    // The import page of a campaign they can read (published) is not for another organisation, a donor or a coordinator.
    const { organisation, user: owner } = await createPerson('member')
    const visible = String(createSurveyedCampaign(organisation, { visibility: 'published' }))
    const importPage = async (cookie: string) => (await invoke(importRoute.loader, new Request(`${SITE}/campaigns/${visible}/surveys/import`, { headers: { Cookie: cookie } }), { campaignId: visible })).status
    for (const email of ['org_admin', 'donor', 'coordinator'] as const) expect(await importPage(await loginAs((await createPerson(email)).user)), email).toBe(403)
    expect(await importPage(await loginAs(owner))).toBe(200)
    // Nor can they upload into the draft.
    for (const email of ['org_admin', 'donor', 'coordinator'] as const) {
      expect([403, 404], email).toContain((await send(`${HEADER}\nR1,pre,campaign,1,3,5`, await loginAs((await createPerson(email)).user))).status)
    }
    // Of the refused files nothing is left on disk; the accepted one waits for its import.
    expect(uploadFiles().filter((f) => !before.includes(f))).toEqual([db.$client.prepare('select path from survey_uploads where id = ?').pluck().get(Number(ok.location!.split('=')[1]))])
  })
})

describe('a large import beside other work', () => {
  const HEADER = 'respondent_code,wave,group,knows_item,attitude_likert,knowledge_score'
  const file = (n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => `R${i},${i % 2 ? 'post' : 'pre'},campaign,${i % 2},${1 + (i % 5)},${i % 11}`)].join('\n')
  /** Rows stored so far, whether or not anyone may read them yet. */
  const written = (id: number) =>
    db.$client.prepare('select count(*) from survey_responses r join survey_waves w on w.id = r.wave_id where w.campaign_id = ? and r.import_id is not null').pluck().get(id) as number
  /**
   * Lets the import run until its writer has stored some rows, then runs `look`
   * holding the database's write lock: the writer waits meanwhile (its reader at
   * most a few batches ahead), so `look` sees the import half done however busy
   * the machine is.
   */
  const whileWriting = async <T>(id: number, look: () => Promise<T>): Promise<T> => {
    for (let turns = 0; written(id) === 0; turns++) {
      if (turns > 100_000) throw new Error('the import never started writing')
      await new Promise((done) => setImmediate(done))
    }
    db.$client.exec('begin immediate')
    try {
      return await look()
    } finally {
      db.$client.exec('commit')
    }
  }

  it('shows none of its rows until all are stored, then all of them', async () => {
    const { actor, id } = await surveyCampaign('panel', ['campaign'])
    const upload = await storeUpload(actor, id, 'large.csv', file(20_000))
    const importing = changeResults(actor, id, (change) => runImport(change, upload, {}))
    await whileWriting(id, async () => {
      expect(written(id)).toBeLessThan(20_000)
      expect((await surveyOf(actor, id)).waves.map((w) => w.responses)).toEqual([0, 0])
      expect((await surveyResponsesCsv(actor, id)).rows).toEqual([])
    })
    expect(await importing).toMatchObject({ ok: true, created: 20_000 })
    expect((await surveyOf(actor, id)).waves.map((w) => w.responses)).toEqual([10_000, 10_000])
    expect((await surveyResponsesCsv(actor, id)).rows).toHaveLength(20_000)
    // A 20,000-row import takes about 3 s on an idle machine and over 5 s on a busy one: these tests are of what readers see, not of speed.
  }, 30_000)

  it('shows its progress on the import page while it runs, then the survey page, and leaves no file behind', async () => {
    const importRoute = await import('../../app/routes/campaigns.$campaignId.surveys.import')
    const { actor, id, user } = await surveyCampaign('panel', ['campaign'])
    const cookie = await loginAs(user)
    const upload = await storeUpload(actor, id, 'large.csv', file(20_000))
    const page = () => invoke(importRoute.loader, get(`/campaigns/${id}/surveys/import?upload=${upload}`, cookie), { campaignId: String(id) })
    const path = db.$client.prepare('select path from survey_uploads where id = ?').pluck().get(upload)
    const importing = changeResults(actor, id, (change) => runImport(change, upload, {}))
    const during = (await whileWriting(id, page)).data as { plan: unknown; progress: { status: string; filename: string; checkedRows: number; writtenRows: number; readBytes: number; bytes: number } }
    expect(during.plan).toBeNull()
    expect(during.progress).toMatchObject({ status: 'importing', filename: 'large.csv' })
    expect(during.progress.writtenRows).toBeGreaterThan(0)
    expect(during.progress.checkedRows).toBeGreaterThanOrEqual(during.progress.writtenRows)
    expect(during.progress.readBytes).toBeLessThanOrEqual(during.progress.bytes)
    const done = await importing
    expect(done).toMatchObject({ ok: true, created: 20_000 })
    // The page a person left open (or reloads without JavaScript) takes them to what the import did.
    expect((await page()).location).toBe(`/campaigns/${id}/surveys?imported=${done.ok && done.importId}`)
    expect(uploadFiles()).not.toContain(path)
  }, 30_000)

  it('refuses a second file while the first is stored, and stores the first whole', async () => {
    const { actor, id } = await surveyCampaign('panel', ['campaign'])
    const first = await storeUpload(actor, id, 'first.csv', file(20_000))
    const second = await storeUpload(actor, id, 'second.csv', `${HEADER}\nS1,pre,campaign,1,3,5`)
    const importing = changeResults(actor, id, (change) => runImport(change, first, {}))
    expect(await whileWriting(id, () => changeResults(actor, id, (change) => runImport(change, second, {})))).toMatchObject({
      ok: false,
      problemCount: 0,
      changeCount: 0,
      message: 'Nothing was imported yet: first.csv is being imported into this campaign now. Import this file when it has finished.',
    })
    expect(await importing).toMatchObject({ ok: true, created: 20_000 })
    expect(await changeResults(actor, id, (change) => runImport(change, second, {}))).toMatchObject({ ok: true, created: 1 })
    expect(responseCount(id)).toBe(20_001)
  }, 30_000)

  it('stores nothing when a respondent of the file is typed in meanwhile, and keeps what was typed', async () => {
    const { actor, id } = await surveyCampaign('panel', ['campaign'])
    const upload = await storeUpload(actor, id, 'large.csv', file(20_000))
    const importing = changeResults(actor, id, (change) => runImport(change, upload, {}))
    // The respondent is typed in before the file's last row (R19999) is read.
    const typed = await whileWriting(id, async () => {
      const endline = (await surveyOf(actor, id)).waves.find((w) => w.kind === 'endline')!
      return changeResults(actor, id, (change) => addResponse(change, endline.id, { respondentCode: 'R19999', sex: null, ageBand: null, locality: null, cluster: null, stratum: null, weight: null, answers: { knows_item: '1' } }))
    })
    expect(typed.ok).toBe(true)
    // The import finds the typed respondent stored with other answers: it stops, stores nothing, and lists the change.
    expect(await importing).toMatchObject({ ok: false, message: null, problemCount: 0, changeCount: 1 })
    expect(written(id)).toBe(0)
    expect((await surveyResponsesCsv(actor, id)).rows.map((r) => r[0])).toEqual(['R19999'])
    // The file is still there to import again, and now shows the typed respondent as a change to accept or leave.
    const again = await changeResults(actor, id, (change) => runImport(change, upload, {}))
    expect(again).toMatchObject({ ok: false, problemCount: 0, identical: 0, changeCount: 1 })
    expect(again.ok || again.changes.map((c) => [c.line, c.respondentCode])).toEqual([[20_001, 'R19999']])
  }, 30_000)

  it('removes an import cut off by a stopped server, once it has been still for a minute', async () => {
    const { actor, id } = await surveyCampaign('panel', ['campaign'])
    const waveId = (await surveyOf(actor, id)).waves[0]!.id
    const sha256 = 'cut-off'
    const cutOff = db.insert(surveyImports).values({ campaignId: id, sha256, filename: 'cut-off.csv', rows: 2, actorUserId: actor.userId, progressAt: new Date() }).returning().get()
    db.insert(surveyResponses).values([1, 2].map((n) => ({ waveId, respondentCode: `R${n}`, importId: cutOff.id }))).run()
    expect((await surveyOf(actor, id)).waves.map((w) => w.responses)).toEqual([0, 0])
    expect(await purgeAbandonedImports()).toBe(0)
    expect(await purgeAbandonedImports(Date.now() + ABANDONED_IMPORT_MS + 1)).toBe(1)
    expect(written(id)).toBe(0)
    expect(db.select().from(surveyImports).where(eq(surveyImports.campaignId, id)).all()).toEqual([])
  })
})

describe('the instrument once answers exist', () => {
  /** A published campaign with a panel survey, and its organisation's admin and member. */
  const surveyed = async () => {
    const { organisation, user } = await createPerson('org_admin')
    const { user: member } = await createPerson('member', organisation)
    return { id: createSurveyedCampaign(organisation, { visibility: 'published' }), admin: user, member }
  }

  it('refuses changes that would reinterpret stored answers, and allows new wording', async () => {
    const { id, admin } = await surveyed()
    const actor = await actorOf(admin)
    const { questionsOf, removeQuestion, updateQuestion } = await import('../../app/features/surveys/index.server')
    const q = questionsOf(id).find((x) => x.code === 'knows_hotline')!
    expect(q.answers).toBeGreaterThan(0)
    const base = { code: q.code, text: q.text, type: q.type, desired: q.desired, options: [...q.options], min: q.min, max: q.max, indicatorId: q.indicatorId }
    expect(await changeResults(actor, id, (change) => updateQuestion(change, q.id, { ...base, type: 'likert' }))).toMatchObject({ ok: false, formErrors: [expect.stringMatching(/type cannot change/)] })
    expect(await changeResults(actor, id, (change) => updateQuestion(change, q.id, { ...base, desired: '0' }))).toMatchObject({ ok: false, formErrors: [expect.stringMatching(/desired answer cannot change/)] })
    expect(await changeResults(actor, id, (change) => updateQuestion(change, q.id, { ...base, code: 'knows_number' }))).toMatchObject({ ok: false, formErrors: [expect.stringMatching(/code cannot change/)] })
    expect(await changeResults(actor, id, (change) => removeQuestion(change, q.id))).toMatchObject({ ok: false })
    expect(await changeResults(actor, id, (change) => updateQuestion(change, q.id, { ...base, text: 'Do you know a number you can call for help?' }))).toEqual({ ok: true, value: null })
    expect(questionsOf(id).find((x) => x.id === q.id)!.text).toBe('Do you know a number you can call for help?')
  })

  it('keeps the answers to the owning organisation', async () => {
    const { id, member } = await surveyed()
    // A published campaign: anyone may read the campaign, nobody outside may read its answers.
    for (const email of ['org_admin', 'donor', 'coordinator'] as const) {
      await expect(surveyResponsesCsv(await actorOf((await createPerson(email)).user), id), email).rejects.toMatchObject({ init: { status: 403 } })
    }
    const stored = responseCount(id)
    expect(stored).toBeGreaterThan(400)
    expect((await surveyResponsesCsv(await actorOf(member), id)).rows.length).toBe(stored)
  })
})

describe('files as spreadsheets write them', () => {
  it('reads a byte-order mark, semicolons and quoted answers that span lines', async () => {
    const { actor, id } = await surveyCampaign('panel', ['campaign'])
    await changeResults(actor, id, (change) => addQuestions(change, [{ code: 'comment', text: 'Anything else?', type: 'free_text', desired: null, options: [], min: null, max: null, indicatorId: null }]))
    const text = '\uFEFFrespondent_code;wave;knows_item;comment\r\nR1;pre;1;"Two lines;\r\nwith a ""quote"""\r\nR2;pre;0;\r\n'
    const plan = await importPlan(actor, id, await storeUpload(actor, id, 'excel.csv', text))
    expect(plan.headers).toEqual(['respondent_code', 'wave', 'knows_item', 'comment'])
    expect(plan.problems).toEqual([])
    expect(plan.preview.map((r) => r.answers)).toEqual([{ knows_item: '1', comment: 'Two lines;\r\nwith a "quote"' }, { knows_item: '0' }])
  })

  it('downloads every problem of a file as CSV, by line and column', async () => {
    const problemsRoute = await import('../../app/routes/campaigns.$campaignId.surveys.import[.]csv')
    const { actor, id, user } = await surveyCampaign('panel', ['campaign'])
    const rows = Array.from({ length: 300 }, (_, i) => `R${i},pre,campaign,maybe,3,5`)
    const upload = await storeUpload(actor, id, 'many.csv', ['respondent_code,wave,group,knows_item,attitude_likert,knowledge_score', ...rows].join('\n'))
    const cookie = await loginAs(user)
    const download = async () => {
      const res = (await problemsRoute.loader({ request: new Request(`${SITE}/campaigns/${id}/surveys/import.csv?upload=${upload}`, { headers: { Cookie: cookie } }), params: { campaignId: String(id) }, context: { clientIp: '', cspNonce: '' } })) as Response
      return Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    }
    // Before an import, the mapping page has read the first 50 rows; the import reads all 300.
    const [header, ...first] = await download()
    expect(header).toEqual(['line', 'column', 'problem'])
    expect(first.map((p) => p[0])).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 2)))
    expect(await changeResults(actor, id, (change) => runImport(change, upload, {}))).toMatchObject({ ok: false, problemCount: 300 })
    const [, ...problems] = await download()
    expect(problems).toHaveLength(300)
    expect(problems[299]).toEqual(['301', 'knows_item', '“maybe” is not a yes/no answer: use 1 or 0, yes or no, true or false'])
  })
})
