// Writes one validated survey import in its own thread, so that the server
// keeps answering while a large file is stored. The server sends the rows a
// batch at a time and sends the next only after its own turn at the event
// loop: between batches its own writes (a review, a typed response) get the
// write lock, so none waits for the whole file. Readers leave out the rows of
// an import until its record is completed, so to them the import is still
// all or nothing; the last step completes the record, removes the upload and
// writes the audit event in one short transaction. Plain JavaScript: the
// worker runs the same file in development, tests and production.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const { path, importId } = workerData
const sqlite = new Database(path)
sqlite.pragma('foreign_keys = ON')
sqlite.pragma('busy_timeout = 5000')
// As db/connection.ts: the upload deleted below is overwritten, not left in free pages.
sqlite.pragma('secure_delete = ON')

const addResponse = sqlite.prepare('insert into survey_responses (wave_id, respondent_code, sex, age_band, locality, cluster, stratum, weight, submission_id, import_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
// A change a person accepted: the response keeps its id (and the import that first stored it); its answers are replaced.
const updateResponse = sqlite.prepare('update survey_responses set respondent_code = ?, sex = ?, age_band = ?, locality = ?, cluster = ?, stratum = ?, weight = ?, submission_id = ? where id = ?')
const clearAnswers = sqlite.prepare('delete from survey_answers where response_id = ?')
const addAnswer = sqlite.prepare('insert into survey_answers (response_id, question_id, value) values (?, ?, ?)')
const progressed = sqlite.prepare('update survey_imports set progress_at = ? where id = ?')
const completed = sqlite.prepare('update survey_imports set completed_at = ?, progress_at = ? where id = ?')
// A wave whose design nobody had declared takes the one the file's sample columns describe.
const declare = sqlite.prepare('update survey_waves set sampling = ?, cluster_unit = coalesce(cluster_unit, ?) where id = ? and sampling is null')
const removeUpload = sqlite.prepare('delete from survey_uploads where id = ?')
// The row is shaped by auditRow (app/shared/audit.server.ts), the one writer of audit events.
const audit = sqlite.prepare('insert into audit_events (actor_user_id, organisation_id, action, entity_type, entity_id, before, after) values (@actorUserId, @organisationId, @action, @entityType, @entityId, @before, @after)')

const writeBatch = sqlite.transaction((rows) => {
  for (const [waveId, code, sex, ageBand, locality, cluster, stratum, weight, submissionId, answers] of rows) {
    const responseId = addResponse.run(waveId, code, sex, ageBand, locality, cluster, stratum, weight, submissionId, importId).lastInsertRowid
    for (let k = 0; k < answers.length; k += 2) addAnswer.run(responseId, answers[k], answers[k + 1])
  }
  progressed.run(Date.now(), importId)
})

const complete = sqlite.transaction(({ uploadId, auditRow, samplings, updates }) => {
  const now = Date.now()
  for (const [responseId, code, sex, ageBand, locality, cluster, stratum, weight, submissionId, answers] of updates) {
    updateResponse.run(code, sex, ageBand, locality, cluster, stratum, weight, submissionId, responseId)
    clearAnswers.run(responseId)
    for (let k = 0; k < answers.length; k += 2) addAnswer.run(responseId, answers[k], answers[k + 1])
  }
  completed.run(now, now, importId)
  for (const { waveId, sampling, clusterUnit } of samplings) declare.run(sampling, clusterUnit, waveId)
  removeUpload.run(uploadId)
  audit.run(auditRow)
})

parentPort.on('message', (message) => {
  try {
    if (message.rows) {
      writeBatch(message.rows)
      parentPort.postMessage({ written: message.rows.length })
    } else {
      complete(message.complete)
      sqlite.close()
      parentPort.postMessage({ done: true })
    }
  } catch (error) {
    sqlite.close()
    parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) })
  }
})
