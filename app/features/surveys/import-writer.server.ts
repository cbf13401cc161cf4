import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import Database, { type Statement } from 'better-sqlite3'
import type { ImportedResponse } from './import-plan'
import type { Change } from './repeat-download'
import type { ToWriter, WriterJob } from './import-worker.server'

// Writes one survey import in its own thread, with its own connection, while
// the reader thread (import-worker.server.ts) reads and checks the next rows:
// the two share the work of a large file between two cores. Each batch is
// written in one short transaction, so the server's own writes get the lock
// between batches. Readers leave out the rows of an import until its record
// is completed, so to them the import is all or nothing; the last step
// applies the accepted changes, completes the record, keeps the outcome on
// the upload and writes the audit event in one transaction.

const job = workerData as WriterJob
const port = parentPort!
const rows = job.rows as MessagePort
// Batches sent and not yet written, shared with the reader, which waits while two are.
const inFlight = new Int32Array(job.inFlight)

const sqlite = new Database(job.databasePath)
sqlite.pragma('foreign_keys = ON')
sqlite.pragma('busy_timeout = 5000')
sqlite.pragma('synchronous = NORMAL')
// As db/connection.ts: deleted rows are overwritten, and a 64 MB page cache:
// this connection only writes, but with 8 MB for the indexes' pages a large
// import took half as long again.
sqlite.pragma('secure_delete = ON')
sqlite.pragma('cache_size = -65536')

const addResponse = sqlite.prepare('insert into survey_responses (wave_id, respondent_code, sex, age_band, locality, cluster, stratum, weight, submission_id, import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
// A response's answers in one statement: one statement a row instead of one an answer makes writing a survey a third faster.
const answerStatements: Statement[] = []
const addAnswers = (n: number) => (answerStatements[n] ??= sqlite.prepare(`insert into survey_answers (response_id, question_id, value) values ${Array.from({ length: n }, () => '(?, ?, ?)').join(', ')}`))
// A change a person accepted: the response keeps its id (and the import that first stored it); its answers are replaced.
const updateResponse = sqlite.prepare('update survey_responses set respondent_code = ?, sex = ?, age_band = ?, locality = ?, cluster = ?, stratum = ?, weight = ?, submission_id = ? where id = ?')
const clearAnswers = sqlite.prepare('delete from survey_answers where response_id = ?')
const importMoved = sqlite.prepare('update survey_imports set progress_at = ? where id = ?')
const uploadMoved = sqlite.prepare('update survey_uploads set checked_rows = ?, written_rows = ?, read_bytes = ? where id = ?')
const completed = sqlite.prepare('update survey_imports set completed_at = ?, progress_at = ?, rows = ?, repeated = ? where id = ?')
// A wave whose design nobody had declared takes the one the file's sample columns describe.
const declare = sqlite.prepare('update survey_waves set sampling = ?, cluster_unit = coalesce(cluster_unit, ?) where id = ? and sampling is null')
// The file is removed by the server once this is done; the record keeps the outcome for the page that shows it.
const uploadDone = sqlite.prepare(`update survey_uploads set status = 'imported', path = null, outcome = ? where id = ?`)
// The row is shaped by auditRow (app/shared/audit.server.ts), the one writer of audit events.
const audit = sqlite.prepare('insert into audit_events (actor_user_id, organisation_id, action, entity_type, entity_id, before, after) values (@actorUserId, @organisationId, @action, @entityType, @entityId, @before, @after)')

const waveIds = new Map(job.waves)
const questionIds = new Map(job.questionIds)
let written = 0
let accepted: Change[] = []
let failed = false

function addAnswersOf(responseId: number | bigint, r: Pick<ImportedResponse, 'answers'>) {
  const values: unknown[] = []
  for (const code in r.answers) values.push(responseId, questionIds.get(code)!, r.answers[code])
  if (values.length) addAnswers(values.length / 3).run(values)
}

const store = sqlite.transaction(({ rows, checked, bytes }: Extract<ToWriter, { rows: unknown }>) => {
  for (const r of rows) addAnswersOf(addResponse.run(waveIds.get(r.wave)!, r.respondentCode, r.sex, r.ageBand, r.locality, r.cluster, r.stratum, r.weight, r.submissionId, job.importId).lastInsertRowid, r)
  written += rows.length
  importMoved.run(Date.now(), job.importId)
  uploadMoved.run(checked, written, bytes, job.uploadId)
})

const complete = sqlite.transaction(({ rows, repeated, samplings, auditRow, outcome }: Extract<ToWriter, { complete: unknown }>['complete']) => {
  const now = Date.now()
  for (const { responseId, updated: u } of accepted) {
    updateResponse.run(u.respondentCode, u.sex, u.ageBand, u.locality, u.cluster, u.stratum, u.weight, u.submissionId, responseId)
    clearAnswers.run(responseId)
    addAnswersOf(responseId, u)
  }
  completed.run(now, now, rows, repeated, job.importId)
  for (const { waveId, sampling, clusterUnit } of samplings) declare.run(sampling, clusterUnit, waveId)
  uploadDone.run(outcome, job.uploadId)
  audit.run(auditRow)
})

const fail = (error: unknown) => {
  if (failed) return
  failed = true
  sqlite.close()
  port.postMessage({ error: error instanceof Error ? error.message : String(error) })
}

rows.on('message', (m: Extract<ToWriter, { rows: unknown }>) => {
  try {
    if (m.accepted) accepted = m.accepted
    if (!failed) store(m)
  } catch (error) {
    fail(error)
  } finally {
    Atomics.sub(inFlight, 0, 1)
    Atomics.notify(inFlight, 0)
  }
})

port.on('message', (m: Exclude<ToWriter, { rows: unknown }>) => {
  if (failed) return
  try {
    if ('complete' in m) complete(m.complete)
    sqlite.close()
    port.postMessage({ done: true })
    rows.close()
  } catch (error) {
    fail(error)
  }
})
