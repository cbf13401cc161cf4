import type { Database, Statement } from 'better-sqlite3'
import type { WaveKey } from './import-plan'
import type { StoredResponse } from './repeat-download'

// The stored responses a file's rows may repeat, read on any connection: the
// server's, and the import's own in its worker thread, which looks them up a
// batch of rows at a time as it reads the file.

/**
 * Whether the response in `table` counts: the rows of an import still being
 * written are left out of every read, so an import appears whole or not at all.
 */
export const finished = (table: string) => `(${table}.import_id is null or ${table}.import_id not in (select id from survey_imports where completed_at is null))`

// Two lookups, each by its unique index (a code, or a submission id, within the wave): never a scan of the wave.
const COLUMNS = 'id, respondent_code as respondentCode, submission_id as submissionId, sex, age_band as ageBand, locality, cluster, stratum, weight'
const BY_CODE = `select ${COLUMNS} from survey_responses r where r.wave_id = ? and r.respondent_code in (select value from json_each(?)) and ${finished('r')}`
const BY_SUBMISSION = `select ${COLUMNS} from survey_responses r where r.wave_id = ? and r.submission_id in (select value from json_each(?)) and r.submission_id is not null and ${finished('r')}`
const ANSWERS = `select a.response_id as responseId, q.code, a.value from survey_answers a join survey_questions q on q.id = a.question_id
  where a.response_id in (select value from json_each(?))`

const prepared = new WeakMap<Database, { byCode: Statement; bySubmission: Statement; answers: Statement }>()

/**
 * The stored responses of these waves with one of these respondent codes or
 * submission ids, with their answers by question code: what a later download
 * of the same survey is compared with.
 */
export function storedMatchesIn(sqlite: Database, waveIds: ReadonlyMap<WaveKey, number>, codes: ReadonlySet<string>, submissions: ReadonlySet<string>): Map<WaveKey, StoredResponse[]> {
  let statements = prepared.get(sqlite)
  if (!statements) prepared.set(sqlite, (statements = { byCode: sqlite.prepare(BY_CODE), bySubmission: sqlite.prepare(BY_SUBMISSION), answers: sqlite.prepare(ANSWERS) }))
  const matched = new Map<WaveKey, StoredResponse[]>([...waveIds.keys()].map((k) => [k, []]))
  if (!codes.size && !submissions.size) return matched
  const byId = new Map<number, StoredResponse>()
  const codeList = JSON.stringify([...codes])
  const submissionList = JSON.stringify([...submissions])
  for (const [key, waveId] of waveIds) {
    const rows = [...(codes.size ? statements.byCode.all(waveId, codeList) : []), ...(submissions.size ? statements.bySubmission.all(waveId, submissionList) : [])] as Omit<StoredResponse, 'answers'>[]
    for (const row of rows) {
      if (byId.has(row.id)) continue
      const response = { ...row, answers: {} }
      matched.get(key)!.push(response)
      byId.set(row.id, response)
    }
  }
  const ids = [...byId.keys()]
  for (let i = 0; i < ids.length; i += 20_000) {
    for (const a of statements.answers.all(JSON.stringify(ids.slice(i, i + 20_000))) as { responseId: number; code: string; value: string }[]) byId.get(a.responseId)!.answers[a.code] = a.value
  }
  return matched
}
