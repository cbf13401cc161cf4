// Writes one validated survey import in its own thread, so that the server
// keeps answering other requests while a large file is stored. All rows, the
// import record, the audit event and the removal of the upload are one
// transaction: everything or nothing. Plain JavaScript: the worker runs the
// same file in development, tests and production.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'

const sqlite = new Database(workerData.path)
sqlite.pragma('foreign_keys = ON')
sqlite.pragma('busy_timeout = 5000')
// As db/connection.ts: the upload deleted below is overwritten, not left in free pages.
sqlite.pragma('secure_delete = ON')

parentPort.once('message', (job) => {
  try {
    const addImport = sqlite.prepare('insert into survey_imports (campaign_id, sha256, filename, rows, actor_user_id) values (?, ?, ?, ?, ?)')
    const addResponse = sqlite.prepare('insert into survey_responses (wave_id, respondent_code, sex, age_band, locality, import_id) values (?, ?, ?, ?, ?, ?)')
    const addAnswer = sqlite.prepare('insert into survey_answers (response_id, question_id, value) values (?, ?, ?)')
    // The row is shaped by auditRow (app/shared/audit.server.ts), the one writer of audit events.
    const audit = sqlite.prepare('insert into audit_events (actor_user_id, organisation_id, action, entity_type, entity_id, before, after) values (@actorUserId, @organisationId, @action, @entityType, @entityId, @before, @after)')
    const importId = sqlite.transaction(() => {
      const id = addImport.run(job.campaignId, job.sha256, job.filename, job.rows.length, job.actorUserId).lastInsertRowid
      for (const [waveId, code, sex, ageBand, locality, answers] of job.rows) {
        const responseId = addResponse.run(waveId, code, sex, ageBand, locality, id).lastInsertRowid
        for (let i = 0; i < answers.length; i += 2) addAnswer.run(responseId, answers[i], answers[i + 1])
      }
      sqlite.prepare('delete from survey_uploads where id = ?').run(job.uploadId)
      audit.run(job.audit)
      return Number(id)
    })()
    parentPort.postMessage({ ok: true, importId })
  } catch (error) {
    parentPort.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) })
  } finally {
    sqlite.close()
  }
})
