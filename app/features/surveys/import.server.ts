import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { and, desc, eq, isNotNull, isNull, lt } from 'drizzle-orm'
import { surveyImports, surveyUploads, users, type ClearedColumn, type ImportedColumn, type RepeatedRows } from '../../../db/schema'
import { can, type Actor } from '../../shared/permissions/permissions'
import { assertCan } from '../../shared/permissions/permissions.server'
import type { Outcome } from '../../shared/outcome'
import { clusterUnitOf, personalColumns, suggestMapping, type ColumnTarget } from './columns'
import type { Question } from './answers'
import { impliedSampling, surveyRowReader, targetName, waveKey, waveName, type ImportedResponse, type WaveKey } from './import-plan'
import type { Sampling } from '../../shared/taxonomy/taxonomy'
import type { CsvFile, CsvProblem } from '../../shared/csv/csv-file'
import { assertEditable } from '../campaigns/index.server'
import { parseCsv } from '../../shared/csv/csv-text.server'
import { auditRow, encodedForSql, recordAudit } from '../../shared/audit.server'
import type { ResultsChange } from '../../shared/results-change'
import { db } from '../../shared/db.server'
import { getEnv } from '../../shared/env.server'
import { notFound } from '../../shared/http.server'
import { assertSurveyAccess, questionsOf, storedMatches, wavesOf } from './store.server'
import { compareWithStored, comparedBy, type Change } from './repeat-download'

// Importing a survey spreadsheet: the upload is kept while the planner maps
// its columns; the plan (mapping, personal-data check, every row validated,
// a preview) is recomputed from the stored file on every step; the import
// stores all rows or none, and readers see none of them until all are in.

const SAMPLE_ROWS = 50
// Resolved from the working directory, which is the repository in development, tests and production.
const WRITER = resolve(process.cwd(), 'db/survey-writer.worker.mjs')
const PREVIEW_ROWS = 10

/** Lets other requests run: a large file is read and checked in slices, not in one go. */
const yieldToOthers = () => new Promise<void>((done) => setImmediate(done))

/** How long an upload waits for its import: the file may hold names and phone numbers that are not to be kept. */
export const UPLOAD_TTL_MS = 86_400_000

/** Deletes uploads left unimported for longer than UPLOAD_TTL_MS: at start-up, hourly, and with each new upload. */
export function purgeAbandonedUploads(now = Date.now()): number {
  return db.delete(surveyUploads).where(lt(surveyUploads.createdAt, new Date(now - UPLOAD_TTL_MS))).run().changes
}

export async function storeUpload(actor: Actor, campaignId: number, filename: string, text: string): Promise<number> {
  assertEditable(actor, campaignId)
  const sha256 = createHash('sha256').update(text).digest('hex')
  purgeAbandonedUploads()
  return db.insert(surveyUploads).values({ campaignId, userId: actor.userId, filename, sha256, content: text }).returning({ id: surveyUploads.id }).get().id
}

/** An upload of this campaign: the uploader's own, or, for whoever may clear its flags (an org admin), any of the organisation's. */
function uploadOf(actor: Actor, campaignId: number, uploadId: number) {
  const access = assertSurveyAccess(actor, campaignId)
  const upload = db.select().from(surveyUploads).where(and(eq(surveyUploads.id, uploadId), eq(surveyUploads.campaignId, campaignId))).get()
  const mayOpen = upload && (upload.userId === actor.userId || can(actor, 'survey.clear-personal-data', access.organisationId))
  return (mayOpen && upload) || notFound('That upload is no longer here: uploads are kept for a day. Upload the file again.')
}

/** Why each column looks like personal data, less the columns an org admin has cleared (matched by place and heading). */
function flaggedColumns(file: Pick<CsvFile, 'headers' | 'rows'>, questions: readonly Pick<Question, 'code' | 'text' | 'type' | 'options'>[], cleared: readonly ClearedColumn[]) {
  return personalColumns(file.headers, file.rows.slice(0, SAMPLE_ROWS), questions).map((why, i) => (cleared.some((c) => c.column === i && c.header === file.headers[i]) ? null : why))
}

/**
 * An org admin's word that a column flagged as personal data is not (a
 * false alarm), with the reason: kept on the upload and in the audit log.
 * Members may not: the flag protects the people who answered.
 */
export async function clearPersonalFlag(actor: Actor, campaignId: number, uploadId: number, column: number, reason: string): Promise<Outcome<null>> {
  const access = assertSurveyAccess(actor, campaignId)
  assertCan(actor, 'survey.clear-personal-data', access.organisationId)
  const upload = uploadOf(actor, campaignId, uploadId)
  const file = await parseCsv(upload.content)
  const header = file.headers[column]
  if (header === undefined) return { ok: false, fieldErrors: { column: ['The file has no such column.'] } }
  if (!flaggedColumns(file, questionsOf(campaignId), upload.cleared)[column]) return { ok: false, fieldErrors: { column: [`“${header}” is not flagged as personal data.`] } }
  const who = db.select({ name: users.name }).from(users).where(eq(users.id, actor.userId)).get()!
  const entry: ClearedColumn = { column, header, reason, userId: actor.userId, userName: who.name, at: new Date().toISOString() }
  db.transaction((tx) => {
    tx.update(surveyUploads).set({ cleared: [...upload.cleared, entry] }).where(eq(surveyUploads.id, uploadId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.personal-data-cleared', entityType: 'campaign', entityId: campaignId, after: { file: upload.filename, column: header, reason } })
  })
  return { ok: true, value: null }
}

/** The latest import of the same file into this campaign, if any: the same file twice changes nothing. */
const earlierImport = (campaignId: number, sha256: string) =>
  db
    .select()
    .from(surveyImports)
    .where(and(eq(surveyImports.campaignId, campaignId), eq(surveyImports.sha256, sha256), isNotNull(surveyImports.completedAt)))
    .orderBy(desc(surveyImports.at))
    .get()

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** What a later download held that was stored already: the rows skipped and the changes accepted or left. */
function repeatedMessage(repeated: RepeatedRows | null): string {
  const parts = []
  if (repeated?.identical) parts.push(`${plural(repeated.identical, 'row was already stored as it is', 'rows were already stored as they are')}, and skipped.`)
  if (repeated?.changed) parts.push(`Of ${plural(repeated.changed, 'row that says', 'rows that say')} something else than what is stored, ${plural(repeated.accepted, 'change was', 'changes were')} accepted and the rest left as stored.`)
  return parts.join(' ')
}

/** What an import did, for the survey page: new responses, and for a later download the rows skipped and changed. */
export function importedMessage(rows: number, filename: string, repeated: RepeatedRows | null = null) {
  const added = `${repeated ? plural(rows, 'new response was', 'new responses were') : plural(rows, 'response was', 'responses were')} imported from ${filename}.`
  return [added, repeatedMessage(repeated)].filter(Boolean).join(' ')
}

export type ImportChoice = { mapping?: ColumnTarget[]; targetWave?: WaveKey | null; dropUndecided?: boolean; accept?: 'all' | ReadonlySet<number> }

/** Everything the mapping page shows for an upload and a mapping (the suggested one when none is given). */
export async function importPlan(actor: Actor, campaignId: number, uploadId: number, choice: ImportChoice = {}) {
  const access = assertSurveyAccess(actor, campaignId)
  const upload = uploadOf(actor, campaignId, uploadId)
  const file = await parseCsv(upload.content)
  const questions = questionsOf(campaignId)
  const waves = wavesOf(campaignId)
  const personal = flaggedColumns(file, questions, upload.cleared)
  const suggested = suggestMapping(file.headers, questions, personal)
  // "Drop the rest": every column still undecided is dropped (a person asked for it; nothing is guessed).
  const chosen = choice.mapping?.length === file.headers.length ? choice.mapping : suggested
  const mapping = choice.dropUndecided ? chosen.map((t) => (t === 'choose' ? 'drop' : t)) : chosen
  const waveIds = new Map(waves.map((w) => [waveKey(w.kind, w.group), w.id]))
  const problems: CsvProblem[] = [...file.parseProblems]
  if (file.headers.length === 0) problems.push({ line: 1, column: '', message: 'The file is empty.' })
  let read: ReturnType<ReturnType<typeof surveyRowReader>['result']> | null = null
  if (!problems.length) {
    const samplings = new Map(waves.map((w) => [waveKey(w.kind, w.group), w.sampling]))
    const reader = surveyRowReader(file, { mapping, questions, personal, targetWave: choice.targetWave ?? null, waves: new Set(waveIds.keys()), samplings })
    for (let i = 0; i < file.rows.length; i++) {
      reader.read(file.rows[i]!, i)
      if (i % 2000 === 1999) await yieldToOthers()
    }
    read = reader.result()
  }
  if (read && !read.ok) problems.push(...read.problems)
  const responses = read?.ok ? read.responses : []
  const earlier = earlierImport(campaignId, upload.sha256)
  if (mapping.includes('choose')) problems.push(...renamedColumns(campaignId, file.headers, mapping))
  // A later download of the same survey: rows already stored are matched, not refused.
  const comparison = compareWithStored(
    responses,
    earlier || !responses.length ? new Map() : storedMatches(waveIds, new Set(responses.map((r) => r.respondentCode)), new Set(responses.flatMap((r) => (r.submissionId ? [r.submissionId] : [])))),
    comparedBy(mapping, questions.map((q) => q.code)),
    file.headers[mapping.indexOf('respondent_code')] ?? 'respondent_code',
  )
  problems.push(...comparison.problems)
  const isAccepted = (c: Change) => choice.accept === 'all' || (choice.accept?.has(c.line) ?? false)
  const accepted = comparison.changes.filter(isAccepted)
  const perWave = new Map<WaveKey, number>()
  for (const r of comparison.fresh) perWave.set(r.wave, (perWave.get(r.wave) ?? 0) + 1)
  const implied = impliedSampling(mapping)
  const clusterColumn = mapping.indexOf('cluster')
  // Waves nobody had declared a design for take the one the file's sample columns describe.
  const declares: { waveId: number; wave: WaveKey; sampling: Sampling; clusterUnit: string | null }[] = implied
    ? waves
        .filter((w) => w.sampling === null && perWave.has(waveKey(w.kind, w.group)))
        .map((w) => ({ waveId: w.id, wave: waveKey(w.kind, w.group), sampling: implied, clusterUnit: clusterColumn >= 0 ? clusterUnitOf(file.headers[clusterColumn]!) : null }))
    : []
  return {
    upload: { id: upload.id, filename: upload.filename, sha256: upload.sha256 },
    /** Flags an org admin has cleared, with who, when and why; and whether this viewer may clear one. */
    cleared: upload.cleared.filter((c) => file.headers[c.column] === c.header),
    canClear: can(actor, 'survey.clear-personal-data', access.organisationId),
    headers: file.headers,
    samples: file.rows.slice(0, 3),
    rowCount: file.rows.length,
    mapping,
    personal,
    targetWave: choice.targetWave ?? null,
    questions: questions.map((q) => ({ code: q.code, text: q.text, options: q.type === 'multiple_choice' ? q.options.map((o) => o.code) : [] })),
    waves: waves.map((w) => ({ key: waveKey(w.kind, w.group), name: waveName(waveKey(w.kind, w.group)), responses: w.responses })),
    problems,
    preview: problems.length ? [] : comparison.fresh.slice(0, PREVIEW_ROWS),
    /** Rows already stored: how many say the same, and those that say something else, for a person to accept or leave. */
    repeated: { identical: comparison.identical, changes: problems.length ? [] : comparison.changes.map((c) => ({ line: c.line, wave: c.wave, respondentCode: c.respondentCode, differences: c.differences, accepted: isAccepted(c) })) },
    perWave: [...perWave].map(([wave, n]) => {
      const w = waves.find((x) => waveKey(x.kind, x.group) === wave)!
      return { wave, name: waveName(wave), n, sampling: w.sampling ?? declares.find((d) => d.wave === wave)?.sampling ?? null, declared: w.sampling !== null }
    }),
    declares,
    earlier: earlier ? { at: earlier.at.toISOString(), rows: earlier.rows } : null,
    responses: comparison.fresh,
    accepted,
    columns: mapping.flatMap((target, i): ImportedColumn[] => (target === 'drop' || target === 'choose' ? [] : [{ header: file.headers[i]!, target }])),
    waveIds,
  }
}

/**
 * Problems for the questions and fields an earlier import of this campaign
 * read from a heading this file lacks and that nothing maps now: the column
 * was likely renamed in the form, and is one of those still undecided.
 */
function renamedColumns(campaignId: number, headers: readonly string[], mapping: readonly ColumnTarget[]): CsvProblem[] {
  const earlier = db.select({ filename: surveyImports.filename, at: surveyImports.at, columns: surveyImports.columns }).from(surveyImports).where(and(eq(surveyImports.campaignId, campaignId), isNotNull(surveyImports.completedAt))).orderBy(desc(surveyImports.at)).all()
  const present = new Set(headers)
  const said = new Set<string>()
  const problems: CsvProblem[] = []
  for (const e of earlier) {
    for (const c of e.columns) {
      if (present.has(c.header) || mapping.includes(c.target as ColumnTarget) || said.has(c.target)) continue
      said.add(c.target)
      const what = targetName(c.target as ColumnTarget)
      problems.push({ line: 1, column: c.header, message: `The import of ${e.filename} on ${e.at.toISOString().slice(0, 10)} read ${what} from the column “${c.header}”, which this file does not have. If it was renamed, map its new column to ${what}.` })
    }
  }
  return problems
}

/** A refusal has either the file's problems or, when the file is not at fault, a message. */
export type ImportOutcome =
  | { ok: true; created: number; unchanged: boolean; importId: number | null; message: string }
  | { ok: false; problems: CsvProblem[]; message?: undefined }
  | { ok: false; problems: []; message: string }

const unchanged = (message: string): ImportOutcome => ({ ok: true, created: 0, unchanged: true, importId: null, message })

/** Imports the whole file or nothing; the same file again changes nothing and says so. */
export async function runImport({ actor, campaignId }: ResultsChange, uploadId: number, choice: ImportChoice): Promise<ImportOutcome> {
  const access = assertEditable(actor, campaignId)
  const plan = await importPlan(actor, campaignId, uploadId, choice)
  if (plan.earlier) {
    // Nothing to import: the raw file is not kept either.
    db.delete(surveyUploads).where(eq(surveyUploads.id, uploadId)).run()
    return unchanged(`This file was already imported on ${plan.earlier.at.slice(0, 10)} (${plan.earlier.rows} rows); nothing has changed.`)
  }
  if (plan.problems.length) return { ok: false, problems: plan.problems }
  const repeated: RepeatedRows = { identical: plan.repeated.identical, changed: plan.repeated.changes.length, accepted: plan.accepted.length }
  const isRepeat = repeated.identical > 0 || repeated.changed > 0
  if (!plan.responses.length && !plan.accepted.length) {
    db.delete(surveyUploads).where(eq(surveyUploads.id, uploadId)).run()
    return unchanged(`Nothing was imported: every row of ${plan.upload.filename} is already stored${repeated.changed ? ', and no change was accepted' : ''}. ${repeatedMessage(repeated)}`)
  }
  const started = await startImport(campaignId, { ...plan.upload, columns: plan.columns, repeated: isRepeat ? repeated : null }, plan.responses.length, actor.userId)
  if (!started.ok) return started.outcome
  const questionIds = new Map(questionsOf(campaignId, false).map((q) => [q.code, q.id]))
  try {
    await writeResponses(started.importId, plan, isRepeat ? repeated : null, questionIds, actor, campaignId, access.organisationId)
  } catch (error) {
    await removeImport(started.importId)
    // The same file sent twice (a double click): the first stored it, all or nothing; the second says so.
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) {
      if (earlierImport(campaignId, plan.upload.sha256)) return unchanged(`This file was just imported (${plan.responses.length} rows); nothing has changed.`)
      if (plan.accepted.length) return { ok: false, problems: [], message: 'Nothing was imported: a respondent code or submission ID of an accepted change is now another respondent’s. Check the file again to see which.' }
      return { ok: false, problems: [], message: 'Nothing was imported: some of these respondents were typed in while the file was being imported. Import the file again to see which.' }
    }
    throw error
  }
  const created = plan.responses.length
  return { ok: true, created, unchanged: false, importId: started.importId, message: importedMessage(created, plan.upload.filename, isRepeat ? repeated : null) }
}

/** An unfinished import whose writer has stored nothing for this long was cut off (the server stopped) and is removed. */
export const ABANDONED_IMPORT_MS = 60_000

const unfinishedImport = (campaignId: number) =>
  db.select().from(surveyImports).where(and(eq(surveyImports.campaignId, campaignId), isNull(surveyImports.completedAt))).get()

/** Records the import as unfinished: one at a time per campaign, which the database enforces. */
async function startImport(campaignId: number, upload: { sha256: string; filename: string; columns: ImportedColumn[]; repeated: RepeatedRows | null }, rows: number, actorUserId: number): Promise<{ ok: true; importId: number } | { ok: false; outcome: ImportOutcome }> {
  const other = unfinishedImport(campaignId)
  if (other && other.progressAt!.getTime() < Date.now() - ABANDONED_IMPORT_MS) await removeImport(other.id)
  else if (other && other.sha256 === upload.sha256) return { ok: false, outcome: unchanged(`This file is already being imported (${other.rows} rows); importing it twice changes nothing.`) }
  else if (other) return { ok: false, outcome: { ok: false, problems: [], message: `Nothing was imported yet: ${other.filename} is being imported into this campaign now. Import this file when it has finished.` } }
  try {
    const id = db.insert(surveyImports).values({ campaignId, sha256: upload.sha256, filename: upload.filename, rows, actorUserId, progressAt: new Date(), columns: upload.columns, repeated: upload.repeated }).returning({ id: surveyImports.id }).get().id
    return { ok: true, importId: id }
  } catch (error) {
    // Another request started an import between the look and the insert.
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) return startImport(campaignId, upload, rows, actorUserId)
    throw error
  }
}

/** Removes an unfinished import's rows a slice at a time (nobody reads them), then its record. */
async function removeImport(importId: number): Promise<void> {
  const removeSlice = db.$client.prepare('delete from survey_responses where id in (select id from survey_responses where import_id = ? limit 500)')
  while (removeSlice.run(importId).changes > 0) await yieldToOthers()
  db.delete(surveyImports).where(and(eq(surveyImports.id, importId), isNull(surveyImports.completedAt))).run()
}

/** Removes imports cut off by a stopped server: at start-up and hourly. */
export async function purgeAbandonedImports(now = Date.now()): Promise<number> {
  const abandoned = db
    .select({ id: surveyImports.id })
    .from(surveyImports)
    .where(and(isNull(surveyImports.completedAt), lt(surveyImports.progressAt, new Date(now - ABANDONED_IMPORT_MS))))
    .all()
  for (const { id } of abandoned) await removeImport(id)
  return abandoned.length
}

/** How many answers go to the writer at once: a batch holds the write lock for a few milliseconds. */
const ANSWERS_PER_BATCH = 4000

/**
 * Stores the rows in a worker thread with its own connection, a batch at a
 * time: each batch is built and sent after this thread's turn at the event
 * loop, so requests here are served, and write, between batches; see
 * db/survey-writer.worker.mjs.
 */
function writeResponses(
  importId: number,
  { upload, responses, accepted, waveIds, declares }: {
    upload: { id: number; filename: string }
    responses: ImportedResponse[]
    accepted: Change[]
    waveIds: Map<WaveKey, number>
    declares: { waveId: number; sampling: Sampling; clusterUnit: string | null }[]
  },
  repeated: RepeatedRows | null,
  questionIds: Map<string, number>,
  actor: Actor,
  campaignId: number,
  organisationId: number,
): Promise<void> {
  let next = 0
  const answersOf = (r: ImportedResponse) => Object.entries(r.answers).flatMap(([code, value]) => [questionIds.get(code)!, value])
  const batch = () => {
    const rows = []
    for (let answers = 0; next < responses.length && answers < ANSWERS_PER_BATCH; next++) {
      const r = responses[next]!
      const values = answersOf(r)
      rows.push([waveIds.get(r.wave)!, r.respondentCode, r.sex, r.ageBand, r.locality, r.cluster, r.stratum, r.weight, r.submissionId, values])
      answers += 1 + values.length / 2
    }
    return rows
  }
  const audit = auditRow({ actorUserId: actor.userId, organisationId, action: 'survey.imported', entityType: 'campaign', entityId: campaignId, after: {
      file: upload.filename,
      rows: responses.length,
      ...(repeated ? { identical: repeated.identical, changed: repeated.changed, accepted: accepted.map((c) => ({ line: c.line, respondent: c.respondentCode, changed: c.differences.map((d) => d.field) })) } : {}),
      ...(declares.length ? { sampling: declares } : {}),
    },
  })
  // Accepted changes replace the stored response in the import's last transaction, with it or not at all.
  const updates = accepted.map(({ responseId, updated: u }) => [responseId, u.respondentCode, u.sex, u.ageBand, u.locality, u.cluster, u.stratum, u.weight, u.submissionId, answersOf(u)])
  const worker = new Worker(WRITER, { workerData: { path: getEnv().DATABASE_PATH, importId } })
  const send = () => worker.postMessage(next < responses.length ? { rows: batch() } : { complete: { uploadId: upload.id, auditRow: encodedForSql(audit), samplings: declares, updates } })
  return new Promise<void>((done, fail) => {
    worker.on('message', (m: { written: number } | { done: true } | { error: string }) => {
      if ('written' in m) setImmediate(send)
      else if ('done' in m) done()
      else fail(new Error(m.error))
    })
    worker.once('error', fail)
    worker.once('exit', () => fail(new Error('The import writer stopped.')))
    send()
  }).finally(() => void worker.terminate())
}
