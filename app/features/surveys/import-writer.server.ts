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

// Many rows to a statement: better-sqlite3's cost is mostly per statement run, and one run for 64 responses
// (and one for up to 256 answers) instead of one a row made a large import's writing about a third faster.
const RESPONSES_AT_ONCE = 64
const ANSWERS_AT_ONCE = 256
const statements = new Map<string, Statement>()
const inserting = (table: string, columns: string, width: number, n: number) => {
  const sql = `insert into ${table} (${columns}) values ${Array.from({ length: n }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(', ')}`
  let statement = statements.get(sql)
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)))
  return statement
}
const addResponses = (n: number) => inserting('survey_responses', 'wave_id, respondent_code, sex, age_band, locality, cluster, stratum, weight, submission_id, import_id', 10, n)
const addAnswers = (n: number) => inserting('survey_answers', 'response_id, question_id, value', 3, n)
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

/** Answers as (response, question, value) triples, inserted ANSWERS_AT_ONCE to a statement. */
function insertAnswers(values: unknown[]) {
  const step = ANSWERS_AT_ONCE * 3
  for (let at = 0; at < values.length; at += step) {
    const part = values.length <= step ? values : values.slice(at, at + step)
    addAnswers(part.length / 3).run(part)
  }
}

const answersOf = (responseId: number, r: Pick<ImportedResponse, 'answers'>, into: unknown[]) => {
  for (const code in r.answers) into.push(responseId, questionIds.get(code)!, r.answers[code])
}

const heartbeat = new Int32Array(job.heartbeat)
/**
 * Waits while the server's thread has not beaten for a while. SQLite has one
 * writer at a time, and a connection that finds the lock taken sleeps and
 * tries again: between this thread's back-to-back transactions the server's
 * write (a review saved) kept missing the gap, and its whole event loop
 * waited up to 1.2 s. Stopped, the server thread takes the lock at its next
 * try. Not for longer than GIVE_WAY_MS: a thread busy with other work beats
 * late too.
 */
const STILL_MS = 15
const GIVE_WAY_MS = 250
function giveWay() {
  const started = Date.now()
  for (let beat = Atomics.load(heartbeat, 0); Date.now() - job.since - beat > STILL_MS && Date.now() - started < GIVE_WAY_MS; beat = Atomics.load(heartbeat, 0)) {
    Atomics.wait(heartbeat, 0, beat, 5)
  }
}

/** Transactions this small (about 15 ms) keep what the server waits for short. */
const ROWS_A_TRANSACTION = 250

const storePart = sqlite.transaction((rows: ImportedResponse[], checked: number, bytes: number) => {
  for (let at = 0; at < rows.length; at += RESPONSES_AT_ONCE) {
    const part = rows.slice(at, at + RESPONSES_AT_ONCE)
    const values: unknown[] = []
    for (const r of part) values.push(waveIds.get(r.wave)!, r.respondentCode, r.sex, r.ageBand, r.locality, r.cluster, r.stratum, r.weight, r.submissionId, job.importId)
    // The rows of one insert take consecutive ids, the last one's reported: SQLite gives each new row one more than the largest id
    // (the table is AUTOINCREMENT, so never one used before), and no other connection writes inside this transaction.
    const last = Number(addResponses(part.length).run(values).lastInsertRowid)
    const answers: unknown[] = []
    part.forEach((r, i) => answersOf(last - part.length + 1 + i, r, answers))
    insertAnswers(answers)
  }
  written += rows.length
  importMoved.run(Date.now(), job.importId)
  uploadMoved.run(checked, written, bytes, job.uploadId)
})

function store({ rows, checked, bytes }: Extract<ToWriter, { rows: unknown }>) {
  for (let at = 0; at === 0 || at < rows.length; at += ROWS_A_TRANSACTION) {
    giveWay()
    storePart(rows.slice(at, at + ROWS_A_TRANSACTION), checked, bytes)
  }
}

const complete = sqlite.transaction(({ rows, repeated, samplings, auditRow, outcome }: Extract<ToWriter, { complete: unknown }>['complete']) => {
  const now = Date.now()
  for (const { responseId, updated: u } of accepted) {
    updateResponse.run(u.respondentCode, u.sex, u.ageBand, u.locality, u.cluster, u.stratum, u.weight, u.submissionId, responseId)
    clearAnswers.run(responseId)
    const answers: unknown[] = []
    answersOf(responseId, u, answers)
    insertAnswers(answers)
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
