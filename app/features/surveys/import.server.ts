import { createHash, randomUUID } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { MessageChannel } from 'node:worker_threads'
import { and, desc, eq, inArray, isNotNull, isNull, lt } from 'drizzle-orm'
import { surveyImports, surveyUploads, users, type ClearedColumn, type ImportedColumn, type RepeatedRows, type UploadChange, type UploadOutcome } from '../../../db/schema'
import { can, type Actor } from '../../shared/permissions/permissions'
import { assertCan } from '../../shared/permissions/permissions.server'
import type { Outcome } from '../../shared/outcome'
import { clusterUnitOf, personalColumns, suggestMapping, type ColumnTarget } from './columns'
import type { Question } from './answers'
import { impliedSampling, mappingProblems, problemList, surveyRowReader, targetName, waveKey, waveName, type WaveKey } from './import-plan'
import type { CsvFile, CsvProblem } from '../../shared/csv/csv-file'
import { assertEditable } from '../campaigns/index.server'
import { readCsvFile } from '../../shared/csv/csv-text.server'
import type { ReceivedFile } from '../../shared/csv/upload-file.server'
import { auditRow, encodedForSql, recordAudit } from '../../shared/audit.server'
import type { ResultsChange } from '../../shared/results-change'
import { db } from '../../shared/db.server'
import { getEnv } from '../../shared/env.server'
import { prepareWorker, startWorker } from '../../shared/workers/worker.server'
import { notFound } from '../../shared/http.server'
import { currentTranslator, defineMessages, tr } from '../../shared/i18n'
import { assertSurveyAccess, questionsOf, storedMatches, wavesOf } from './store.server'
import { compareWithStored, comparedBy } from './repeat-download'
import { questionIn } from './translations'
import type { Checked, FromWorker, ImportJob, Refused, ToWriter as ToWorker, WriterJob } from './import-worker.server'

// Importing a survey spreadsheet. The upload is written to a file beside the
// database as it arrives and kept while the planner maps its columns; the
// mapping page reads only the file's first rows. The import itself reads,
// checks and writes the whole file in a worker thread (import-worker.server.ts), a
// batch at a time, and reports its progress on the upload's record; it
// stores all rows or none, and readers see none of them until all are in.

/** The rows the personal-data check looks at, and the first rows the mapping page shows as they will be stored. */
const SAMPLE_ROWS = 50
const PREVIEW_ROWS = 10
const PROBLEMS_SHOWN = 200
const READER = 'app/features/surveys/import-worker.server.ts'
const WRITER = 'app/features/surveys/import-writer.server.ts'

/** Lets other requests run between slices of a long piece of work. */
const yieldToOthers = () => new Promise<void>((done) => setImmediate(done))

/** Where uploaded files wait for their import: beside the database, one directory per database. */
export function uploadsDir(): string {
  const path = resolve(getEnv().DATABASE_PATH)
  return join(dirname(path), `${basename(path, extname(path))}-uploads`)
}

const uploadFile = (name: string) => join(uploadsDir(), name)

/** How long an upload waits for its import: the file may hold names and phone numbers that are not to be kept. */
export const UPLOAD_TTL_MS = 86_400_000

/** Removes an upload's file; its record, where asked, too. */
function removeUpload(upload: { id: number; path: string | null }, { record = true } = {}) {
  if (upload.path) rmSync(uploadFile(upload.path), { force: true })
  if (record) db.delete(surveyUploads).where(eq(surveyUploads.id, upload.id)).run()
  else db.update(surveyUploads).set({ path: null }).where(eq(surveyUploads.id, upload.id)).run()
}

/**
 * Deletes uploads left for longer than UPLOAD_TTL_MS, with their files, and
 * files no upload names (left by a server stopped mid-upload): at start-up,
 * hourly, and with each new upload.
 */
export function purgeAbandonedUploads(now = Date.now()): number {
  const old = db.select({ id: surveyUploads.id, path: surveyUploads.path }).from(surveyUploads).where(and(lt(surveyUploads.createdAt, new Date(now - UPLOAD_TTL_MS)), inArray(surveyUploads.status, ['mapping', 'refused', 'imported']))).all()
  for (const upload of old) removeUpload(upload)
  const kept = new Set(db.select({ path: surveyUploads.path }).from(surveyUploads).where(isNotNull(surveyUploads.path)).all().map((u) => u.path))
  let files: string[] = []
  try {
    files = readdirSync(uploadsDir())
  } catch {
    // No upload yet.
  }
  // A file younger than an hour may be an upload still arriving.
  for (const name of files) if (!kept.has(name) && !name.startsWith('.')) removeIfOlder(uploadFile(name), now - 3_600_000)
  return old.length
}

function removeIfOlder(path: string, before: number) {
  try {
    const { mtimeMs } = statSync(path)
    if (mtimeMs < before) rmSync(path, { force: true })
  } catch {
    // Gone already.
  }
}

/** An upload received to disk (a survey file from the browser), or text (a file made by Lantern itself, or by a test). */
export async function storeUpload(actor: Actor, campaignId: number, filename: string, file: string | Extract<ReceivedFile, { ok: true }>): Promise<number> {
  assertEditable(actor, campaignId)
  let received = typeof file === 'string' ? null : file
  if (typeof file === 'string') {
    mkdirSync(uploadsDir(), { recursive: true })
    const name = `${randomUUID()}.upload`
    writeFileSync(uploadFile(name), file)
    received = { ok: true, name, filename, sha256: createHash('sha256').update(file).digest('hex'), bytes: Buffer.byteLength(file) }
  }
  purgeAbandonedUploads()
  const { name, sha256, bytes } = received!
  return db.insert(surveyUploads).values({ campaignId, userId: actor.userId, filename, sha256, path: name, bytes }).returning({ id: surveyUploads.id }).get().id
}

/** An upload of this campaign: the uploader's own, or, for whoever may clear its flags (an org admin), any of the organisation's. */
function uploadOf(actor: Actor, campaignId: number, uploadId: number) {
  const access = assertSurveyAccess(actor, campaignId)
  const upload = db.select().from(surveyUploads).where(and(eq(surveyUploads.id, uploadId), eq(surveyUploads.campaignId, campaignId))).get()
  const mayOpen = upload && (upload.userId === actor.userId || can(actor, 'survey.clear-personal-data', access.organisationId))
  return (mayOpen && upload) || notFound({ id: 'errors.upload_expired', defaultMessage: 'That upload is no longer here: uploads are kept for a day. Upload the file again.' })
}

type Upload = ReturnType<typeof uploadOf>

/** The heading and first rows of an upload's file: all the mapping page reads. */
async function headOf(upload: Upload): Promise<CsvFile & { parseProblems: CsvProblem[] }> {
  if (!upload.path) notFound({ id: 'errors.upload_gone', defaultMessage: 'That upload is no longer here: its file was imported or removed. Upload the file again.' })
  const rows: string[][] = []
  const { parseProblems } = await readCsvFile(uploadFile(upload.path), (row) => rows.push(row) <= SAMPLE_ROWS)
  const [headers = [], ...data] = rows
  return { headers: headers.map((h) => h.trim()), rows: data, parseProblems }
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
  const file = await headOf(upload)
  const header = file.headers[column]
  if (header === undefined) return { ok: false, fieldErrors: { column: [tr(said.noSuchColumn)] } }
  if (!flaggedColumns(file, questionsOf(campaignId), upload.cleared)[column]) return { ok: false, fieldErrors: { column: [tr(said.notFlagged, { header })] } }
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

/** What a later download held that was stored already: the rows skipped and the changes accepted or left. */
function repeatedMessage(repeated: RepeatedRows | null): string {
  const parts = []
  if (repeated?.identical) parts.push(tr(said.skipped, { count: repeated.identical }))
  if (repeated?.changed) parts.push(tr(said.changed, { changed: repeated.changed, accepted: repeated.accepted }))
  return parts.join(' ')
}

/** What an import did, for the survey page: new responses, and for a later download the rows skipped and changed. */
export function importedMessage(rows: number, filename: string, repeated: RepeatedRows | null = null) {
  const added = tr(said.imported, { count: rows, filename, fresh: repeated ? 'yes' : 'no' })
  return [added, repeatedMessage(repeated)].filter(Boolean).join(' ')
}

export type ImportChoice = { mapping?: ColumnTarget[]; targetWave?: WaveKey | null; dropUndecided?: boolean; accept?: 'all' | ReadonlySet<number> | null }

/** The mapping page's address for an upload and a mapping: where an import's outcome is shown, and how it is told apart from another mapping's. */
export function choiceQuery(uploadId: number, mapping: readonly ColumnTarget[], targetWave: WaveKey | null): string {
  const query = new URLSearchParams({ upload: String(uploadId) })
  mapping.forEach((target, i) => query.set(`c${i}`, target))
  if (targetWave && !mapping.includes('wave')) query.set('wave', targetWave)
  return query.toString()
}

/** What both the mapping page and the import read first: the file's head, the instrument and the mapping chosen (the suggested one when none is given). */
async function mappingOf(actor: Actor, campaignId: number, uploadId: number, choice: ImportChoice) {
  const upload = uploadOf(actor, campaignId, uploadId)
  const head = await headOf(upload)
  const questions = questionsOf(campaignId)
  const waves = wavesOf(campaignId)
  const personal = flaggedColumns(head, questions, upload.cleared)
  const suggested = suggestMapping(head.headers, questions, personal)
  // "Drop the rest": every column still undecided is dropped (a person asked for it; nothing is guessed).
  const chosen = choice.mapping?.length === head.headers.length ? choice.mapping : suggested
  const mapping = choice.dropUndecided ? chosen.map((t) => (t === 'choose' ? 'drop' : t)) : chosen
  const targetWave = mapping.includes('wave') ? null : (choice.targetWave ?? null)
  const waveIds = new Map(waves.map((w) => [waveKey(w.kind, w.group), w.id]))
  const options = { mapping, questions, personal, targetWave, waves: new Set(waveIds.keys()), samplings: new Map(waves.map((w) => [waveKey(w.kind, w.group), w.sampling])) }
  // What is wrong before any row is read: the file's shape, and the mapping itself.
  const before: CsvProblem[] = head.headers.length === 0 ? [{ line: 1, column: '', message: tr(said.empty) }] : [...mappingProblems(head, options), ...(mapping.includes('choose') ? renamedColumns(campaignId, head.headers, mapping) : [])]
  return { upload, head, questions, waves, waveIds, personal, mapping, targetWave, options, before, query: choiceQuery(upload.id, mapping, targetWave) }
}

/** The outcome of the upload's last import run, where it ran with this mapping (another mapping would find other things). */
const outcomeFor = (upload: Upload, query: string) => (upload.outcome?.kind === 'refused' && upload.outcome.choice === query ? upload.outcome : null)

/**
 * Everything the mapping page shows for an upload and a mapping, from the
 * file's first rows: its columns, the flags, the first rows as they will be
 * stored; and, once an import with this mapping was refused, what it found.
 */
/**
 * What the mapping page knows of the file's problems: those of the mapping;
 * else, once an import with this mapping was refused, the whole file's; else
 * those of its first rows, read as the import will read them (with, for a
 * later download, which of those rows are new).
 */
function problemsKnown({ upload, head, questions, waveIds, mapping, options, before, query }: Awaited<ReturnType<typeof mappingOf>>) {
  const outcome = outcomeFor(upload, query)
  if (before.length) return { outcome, problems: before, fresh: [] }
  const first = problemList()
  first.add(...head.parseProblems.filter((p) => p.line <= SAMPLE_ROWS + 1))
  const reader = surveyRowReader(head, options, first)
  const read = head.rows.flatMap((row, i) => reader.read(row, i) ?? [])
  // Says so when the file has no rows at all (the first rows are then the whole file).
  reader.finish()
  const comparison = compareWithStored(
    read,
    storedMatches(waveIds, new Set(read.map((r) => r.respondentCode)), new Set(read.flatMap((r) => (r.submissionId ? [r.submissionId] : [])))),
    comparedBy(mapping, questions.map((q) => q.code)),
    head.headers[mapping.indexOf('respondent_code')] ?? 'respondent_code',
  )
  return { outcome, problems: outcome ? outcome.problems : [...first.list, ...comparison.problems], fresh: comparison.fresh }
}

export async function importPlan(actor: Actor, campaignId: number, uploadId: number, choice: ImportChoice = {}) {
  const access = assertSurveyAccess(actor, campaignId)
  const mapped = await mappingOf(actor, campaignId, uploadId, choice)
  const { upload, head, questions, waves, personal, mapping, targetWave, before, query } = mapped
  const { outcome, problems, fresh } = problemsKnown(mapped)
  const earlier = earlierImport(campaignId, upload.sha256)
  return {
    upload: { id: upload.id, filename: upload.filename, sha256: upload.sha256, bytes: upload.bytes, status: upload.status },
    /** Flags an org admin has cleared, with who, when and why; and whether this viewer may clear one. */
    cleared: upload.cleared.filter((c) => head.headers[c.column] === c.header),
    canClear: can(actor, 'survey.clear-personal-data', access.organisationId),
    headers: head.headers,
    samples: head.rows.slice(0, 3),
    mapping,
    personal,
    targetWave,
    query,
    // Named in the reader's language where the question has words in it: the mapping's choices, never its codes.
    questions: questions.map((q) => ({ code: q.code, text: questionIn(q, currentTranslator().locale).text, options: q.type === 'multiple_choice' ? q.options.map((o) => o.code) : [] })),
    waves: waves.map((w) => ({ key: waveKey(w.kind, w.group), name: waveName(waveKey(w.kind, w.group)), responses: w.responses, sampling: w.sampling })),
    /** Whether the problems are the whole file's (an import found them) or only those of the mapping and the first rows. */
    checked: outcome !== null,
    problems: problems.slice(0, PROBLEMS_SHOWN),
    problemCount: before.length || !outcome ? problems.length : outcome.problemCount,
    /** Why the last import with this mapping stopped, when it was not the file's problems. */
    message: outcome?.message ?? null,
    refusal: outcome ? refusedMessage(outcome) : '',
    preview: problems.length ? [] : fresh.slice(0, PREVIEW_ROWS),
    /** Rows already stored that say something else, as the last import found them: for a person to accept or leave. */
    changes: outcome && !outcome.problemCount ? { identical: outcome.identical, list: outcome.changes, count: outcome.changeCount } : null,
    sampling: { implied: impliedSampling(mapping), clusterUnit: mapping.includes('cluster') ? clusterUnitOf(head.headers[mapping.indexOf('cluster')]!) : null },
    earlier: earlier ? { at: earlier.at.toISOString(), rows: earlier.rows } : null,
  }
}

/** The problems the mapping page knows of for the upload and this mapping, all that are kept, for the problems CSV. */
export async function importProblems(actor: Actor, campaignId: number, uploadId: number, choice: ImportChoice) {
  const mapped = await mappingOf(actor, campaignId, uploadId, choice)
  return { filename: mapped.upload.filename, problems: problemsKnown(mapped).problems }
}

/** How far an import of the upload has come: rows checked and written, and the part of the file read. */
export function importProgress(actor: Actor, campaignId: number, uploadId: number) {
  const upload = uploadOf(actor, campaignId, uploadId)
  return { status: upload.status, filename: upload.filename, bytes: upload.bytes, readBytes: upload.readBytes, checkedRows: upload.checkedRows, writtenRows: upload.writtenRows, outcome: upload.outcome }
}

/**
 * Problems for the questions and fields an earlier import of this campaign
 * read from a heading this file lacks and that nothing maps now: the column
 * was likely renamed in the form, and is one of those still undecided.
 */
function renamedColumns(campaignId: number, headers: readonly string[], mapping: readonly ColumnTarget[]): CsvProblem[] {
  const earlier = db.select({ filename: surveyImports.filename, at: surveyImports.at, columns: surveyImports.columns }).from(surveyImports).where(and(eq(surveyImports.campaignId, campaignId), isNotNull(surveyImports.completedAt))).orderBy(desc(surveyImports.at)).all()
  const present = new Set(headers)
  const named = new Set<string>()
  const problems: CsvProblem[] = []
  for (const e of earlier) {
    for (const c of e.columns) {
      if (present.has(c.header) || mapping.includes(c.target as ColumnTarget) || named.has(c.target)) continue
      named.add(c.target)
      const what = targetName(c.target as ColumnTarget)
      problems.push({ line: 1, column: c.header, message: tr(said.renamed, { filename: e.filename, date: currentTranslator().date(e.at), what, header: c.header }) })
    }
  }
  return problems
}

/** A refusal has the file's problems, the changed rows a person has to decide on, or, when the file is not at fault, a message. */
export type ImportOutcome =
  | { ok: true; created: number; unchanged: boolean; importId: number | null; message: string }
  | { ok: false; message: string | null; problems: CsvProblem[]; problemCount: number; identical: number; changes: UploadChange[]; changeCount: number }

/** A refused import in a sentence, above the problems or the changes it lists. */
export function refusedMessage(outcome: { message?: string | null; problemCount: number; changeCount: number }): string {
  if (outcome.message) return outcome.message
  if (outcome.problemCount) return tr(said.problems, { count: outcome.problemCount })
  return tr(said.changes, { count: outcome.changeCount })
}

const unchanged = (message: string): ImportOutcome => ({ ok: true, created: 0, unchanged: true, importId: null, message })
const refusal = (message: string): Extract<ImportOutcome, { ok: false }> => ({ ok: false, message, problems: [], problemCount: 0, identical: 0, changes: [], changeCount: 0 })

/** Keeps a refusal with the upload, for the mapping page of the same mapping. */
function refuse(upload: Upload, query: string, outcome: Extract<ImportOutcome, { ok: false }>): ImportOutcome {
  const kept: UploadOutcome = { kind: 'refused', choice: query, problems: outcome.problems, problemCount: outcome.problemCount, identical: outcome.identical, changes: outcome.changes, changeCount: outcome.changeCount, ...(outcome.message ? { message: outcome.message } : {}) }
  db.update(surveyUploads).set({ status: 'refused', outcome: kept }).where(eq(surveyUploads.id, upload.id)).run()
  return outcome
}

/**
 * Imports the whole file or nothing, in a worker thread; the same file again
 * changes nothing and says so. Resolves when the import has ended; meanwhile
 * the upload's record says how far it has come (importProgress).
 */
export async function runImport({ actor, campaignId }: ResultsChange, uploadId: number, choice: ImportChoice, started: () => void = () => {}): Promise<ImportOutcome> {
  const access = assertEditable(actor, campaignId)
  const current = uploadOf(actor, campaignId, uploadId)
  if (current.status === 'importing') return unchanged(tr(said.importing))
  if (current.outcome?.kind === 'imported') return unchanged(tr(said.justImported, { outcome: current.outcome.message }))
  const earlier = earlierImport(campaignId, current.sha256)
  if (earlier) {
    // Nothing to import: the raw file is not kept either.
    removeUpload(current)
    return unchanged(tr(said.alreadyImported, { date: currentTranslator().date(earlier.at), rows: earlier.rows }))
  }
  const { upload, head, questions, waves, personal, mapping, targetWave, before, query } = await mappingOf(actor, campaignId, uploadId, choice)
  if (before.length) return refuse(upload, query, { ...refusal(''), message: null, problems: before, problemCount: before.length })
  const columns = mapping.flatMap((target, i): ImportedColumn[] => (target === 'drop' || target === 'choose' ? [] : [{ header: head.headers[i]!, target }]))
  // The upload is claimed in one statement: of two requests for it (a double click), one imports it.
  const claimed = db.update(surveyUploads).set({ status: 'importing', outcome: null, checkedRows: 0, writtenRows: 0, readBytes: 0 }).where(and(eq(surveyUploads.id, upload.id), inArray(surveyUploads.status, ['mapping', 'refused']))).run().changes
  if (!claimed) return unchanged(tr(said.importing))
  const begun = await startImport(campaignId, { sha256: upload.sha256, filename: upload.filename, columns }, actor.userId)
  if (!begun.ok) return refuse(upload, query, refusal(begun.message))
  // From here the upload's record says how far the import has come.
  started()
  const job: Omit<ImportJob, 'rows' | 'inFlight'> & Omit<WriterJob, 'rows' | 'inFlight' | 'waves' | 'heartbeat' | 'since'> = {
    databasePath: getEnv().DATABASE_PATH,
    locale: currentTranslator().locale,
    file: uploadFile(upload.path!),
    uploadId: upload.id,
    importId: begun.importId,
    headers: [...head.headers],
    read: { mapping, questions, personal, targetWave },
    waves: waves.map((w) => [waveKey(w.kind, w.group), w.id, w.sampling]),
    questionIds: questions.map((q) => [q.code, q.id]),
    compared: comparedBy(mapping, questions.map((q) => q.code)),
    respondentColumn: head.headers[mapping.indexOf('respondent_code')] ?? 'respondent_code',
    accept: choice.accept === 'all' ? 'all' : choice.accept ? [...choice.accept] : null,
  }
  const finish = (checked: Checked): ToWorker | null => {
    const accepted = checked.accepted
    const repeated: RepeatedRows | null = checked.identical || checked.changeCount ? { identical: checked.identical, changed: checked.changeCount, accepted: accepted.length } : null
    if (!checked.fresh && !accepted.length) return null
    const implied = impliedSampling(mapping)
    const clusterColumn = mapping.indexOf('cluster')
    const perWave = new Map(checked.perWave)
    // Waves nobody had declared a design for take the one the file's sample columns describe.
    const samplings = implied
      ? waves.filter((w) => w.sampling === null && perWave.has(waveKey(w.kind, w.group))).map((w) => ({ waveId: w.id, sampling: implied, clusterUnit: clusterColumn >= 0 ? clusterUnitOf(head.headers[clusterColumn]!) : null }))
      : []
    const audit = auditRow({ actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.imported', entityType: 'campaign', entityId: campaignId, after: {
        file: upload.filename,
        rows: checked.fresh,
        ...(repeated ? { identical: repeated.identical, changed: repeated.changed, accepted: accepted.map((c) => ({ line: c.line, respondent: c.respondentCode, changed: c.differences.map((d) => d.field) })) } : {}),
        ...(samplings.length ? { sampling: samplings } : {}),
      },
    })
    const outcome: UploadOutcome = { kind: 'imported', importId: begun.importId, message: importedMessage(checked.fresh, upload.filename, repeated) }
    return { complete: { rows: checked.fresh, repeated: repeated ? JSON.stringify(repeated) : null, samplings, auditRow: encodedForSql(audit), outcome: JSON.stringify(outcome) } }
  }
  let ran: Ran
  try {
    ran = await inWorker(job, finish)
  } catch (error) {
    await removeImport(begun.importId)
    const message = error instanceof Error ? error.message : String(error)
    // Someone typed in one of the file's respondents while it was written: the next run shows it as a change.
    if (/UNIQUE constraint failed/.test(message)) return refuse(upload, query, refusal(tr(said.typedMeanwhile)))
    refuse(upload, query, refusal(tr(said.stopped)))
    throw error
  }
  if ('refused' in ran) {
    await removeImport(begun.importId)
    return refuse(upload, query, { ok: false, message: null, ...ran.refused })
  }
  if (!ran.completed) {
    await removeImport(begun.importId)
    removeUpload(upload)
    const repeated = { identical: ran.checked.identical, changed: ran.checked.changeCount, accepted: 0 }
    return unchanged(`${tr(said.allStored, { filename: upload.filename, changed: repeated.changed ? 'yes' : 'no' })} ${repeatedMessage(repeated)}`)
  }
  removeUpload(upload, { record: false })
  const repeated = ran.checked.identical || ran.checked.changeCount ? { identical: ran.checked.identical, changed: ran.checked.changeCount, accepted: ran.checked.accepted.length } : null
  return { ok: true, created: ran.checked.fresh, unchanged: false, importId: begun.importId, message: importedMessage(ran.checked.fresh, upload.filename, repeated) }
}

type Ran = { refused: Refused } | { checked: Checked; completed: boolean }

/**
 * Runs the import in two threads, a reader and a writer, joined by a
 * channel for the batches: the reader says what it found, `finish` answers
 * (complete the import, or not), and the writer says when it is done.
 */
async function inWorker({ file, headers, read, waves, compared, respondentColumn, accept, locale, databasePath, uploadId, importId, questionIds }: Omit<ImportJob, 'rows' | 'inFlight'> & Omit<WriterJob, 'rows' | 'inFlight' | 'waves' | 'heartbeat' | 'since'>, finish: (checked: Checked) => ToWorker | null): Promise<Ran> {
  const { port1, port2 } = new MessageChannel()
  const inFlight = new SharedArrayBuffer(4)
  // The writer gives way while this thread's heartbeat stops: this thread is then most likely waiting for the write lock.
  const heartbeat = new SharedArrayBuffer(4)
  const since = Date.now()
  const beating = setInterval(() => Atomics.store(new Int32Array(heartbeat), 0, Date.now() - since), 5)
  const readerJob: ImportJob = { databasePath, file, headers, read, waves, compared, respondentColumn, accept, locale, rows: port1, inFlight }
  const writerJob: WriterJob = { databasePath, uploadId, importId, waves: waves.map(([key, id]) => [key, id]), questionIds, rows: port2, inFlight, heartbeat, since }
  const [reader, writer] = await Promise.all([startWorker(READER, readerJob, [port1]), startWorker(WRITER, writerJob, [port2])])
  return new Promise<Ran>((done, fail) => {
    let checked: Checked | null = null
    let completing = false
    reader.on('message', (m: FromWorker) => {
      if ('refused' in m) done({ refused: m.refused })
      else if ('checked' in m) {
        checked = m.checked
        const word = finish(m.checked)
        completing = word !== null
        writer.postMessage(word ?? ({ leave: true } satisfies ToWorker))
      } else if ('error' in m) fail(new Error(m.error))
    })
    writer.on('message', (m: FromWorker) => {
      if ('done' in m && checked) done({ checked, completed: completing })
      else if ('error' in m) fail(new Error(m.error))
    })
    for (const worker of [reader, writer]) worker.once('error', fail)
    writer.once('exit', () => fail(new Error('The import stopped.')))
  }).finally(() => {
    clearInterval(beating)
    void reader.terminate()
    void writer.terminate()
  })
}

/** Bundles the import's two worker threads, so that the first import starts as fast as the next. */
export const prepareImportWorkers = () => Promise.all([prepareWorker(READER), prepareWorker(WRITER)]).then(() => undefined)

/** An unfinished import whose writer has stored nothing for this long was cut off (the server stopped) and is removed. */
export const ABANDONED_IMPORT_MS = 60_000

const unfinishedImport = (campaignId: number) =>
  db.select().from(surveyImports).where(and(eq(surveyImports.campaignId, campaignId), isNull(surveyImports.completedAt))).get()

/** Records the import as unfinished: one at a time per campaign, which the database enforces. */
async function startImport(campaignId: number, upload: { sha256: string; filename: string; columns: ImportedColumn[] }, actorUserId: number): Promise<{ ok: true; importId: number } | { ok: false; message: string }> {
  const other = unfinishedImport(campaignId)
  if (other && other.progressAt!.getTime() < Date.now() - ABANDONED_IMPORT_MS) await removeImport(other.id)
  else if (other) return { ok: false, message: tr(said.another, { filename: other.filename }) }
  try {
    const id = db.insert(surveyImports).values({ campaignId, sha256: upload.sha256, filename: upload.filename, rows: 0, actorUserId, progressAt: new Date(), columns: upload.columns }).returning({ id: surveyImports.id }).get().id
    return { ok: true, importId: id }
  } catch (error) {
    // Another request started an import between the look and the insert.
    if (error instanceof Error && /UNIQUE constraint failed/.test(error.message)) return startImport(campaignId, upload, actorUserId)
    throw error
  }
}

/** Removes an unfinished import's rows a slice at a time (nobody reads them), then its record. */
async function removeImport(importId: number): Promise<void> {
  const removeSlice = db.$client.prepare('delete from survey_responses where id in (select id from survey_responses where import_id = ? limit 500)')
  while (removeSlice.run(importId).changes > 0) await yieldToOthers()
  db.delete(surveyImports).where(and(eq(surveyImports.id, importId), isNull(surveyImports.completedAt))).run()
}

/** Removes imports cut off by a stopped server (and marks their uploads ready to import again): at start-up and hourly. */
export async function purgeAbandonedImports(now = Date.now()): Promise<number> {
  const abandoned = db
    .select({ id: surveyImports.id })
    .from(surveyImports)
    .where(and(isNull(surveyImports.completedAt), lt(surveyImports.progressAt, new Date(now - ABANDONED_IMPORT_MS))))
    .all()
  for (const { id } of abandoned) await removeImport(id)
  const stalled = new Date(now - ABANDONED_IMPORT_MS)
  const cutOff = db.select({ id: surveyUploads.id, campaignId: surveyUploads.campaignId }).from(surveyUploads).where(eq(surveyUploads.status, 'importing')).all()
  for (const u of cutOff) if (!unfinishedImport(u.campaignId) || unfinishedImport(u.campaignId)!.progressAt! < stalled) db.update(surveyUploads).set({ status: 'mapping' }).where(eq(surveyUploads.id, u.id)).run()
  return abandoned.length
}

const said = defineMessages({
  noSuchColumn: { id: 'surveys.import.no_such_column', defaultMessage: 'The file has no such column.' },
  notFlagged: { id: 'surveys.import.not_flagged', defaultMessage: '“{header}” is not flagged as personal data.' },
  skipped: { id: 'surveys.import.skipped', defaultMessage: '{count, plural, one {# row was already stored as it is, and skipped.} other {# rows were already stored as they are, and skipped.}}' },
  changed: {
    id: 'surveys.import.changed',
    defaultMessage: 'Of {changed, plural, one {# row that says} other {# rows that say}} something else than what is stored, {accepted, plural, one {# change was} other {# changes were}} accepted and the rest left as stored.',
  },
  imported: {
    id: 'surveys.import.imported',
    defaultMessage: '{fresh, select, yes {{count, plural, one {# new response was} other {# new responses were}}} other {{count, plural, one {# response was} other {# responses were}}}} imported from {filename}.',
  },
  empty: { id: 'surveys.import.empty', defaultMessage: 'The file is empty.' },
  renamed: { id: 'surveys.import.renamed', defaultMessage: 'The import of {filename} on {date} read {what} from the column “{header}”, which this file does not have. If it was renamed, map its new column to {what}.' },
  problems: { id: 'surveys.import.refused_problems', defaultMessage: 'Nothing was imported: the file has {count, plural, one {# problem} other {# problems}}, listed below.' },
  changes: { id: 'surveys.import.refused_changes', defaultMessage: 'Nothing was imported yet: {count, plural, one {# row says} other {# rows say}} something else than what is stored. Tick the changes to store, then import again.' },
  importing: { id: 'surveys.import.importing', defaultMessage: 'This file is already being imported; importing it twice changes nothing.' },
  justImported: { id: 'surveys.import.just_imported', defaultMessage: 'This file was just imported; nothing has changed. {outcome}' },
  alreadyImported: { id: 'surveys.import.already_imported', defaultMessage: 'This file was already imported on {date} ({rows, plural, one {# row} other {# rows}}); nothing has changed.' },
  typedMeanwhile: { id: 'surveys.import.typed_meanwhile', defaultMessage: 'Nothing was imported: some of these respondents were typed in while the file was being imported. Import the file again to see which.' },
  stopped: { id: 'surveys.import.stopped', defaultMessage: 'Nothing was imported: the import stopped unexpectedly. Import the file again; if it stops again, tell your Lantern administrator.' },
  allStored: { id: 'surveys.import.all_stored', defaultMessage: 'Nothing was imported: every row of {filename} is already stored{changed, select, yes {, and no change was accepted} other {}}.' },
  another: { id: 'surveys.import.another', defaultMessage: 'Nothing was imported yet: {filename} is being imported into this campaign now. Import this file when it has finished.' },
})
