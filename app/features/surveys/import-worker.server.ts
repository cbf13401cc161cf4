import { createReadStream } from 'node:fs'
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { UploadChange } from '../../../db/schema'
import type { CsvProblem } from '../../shared/csv/csv-file'
import { readCsvRows } from '../../shared/csv/csv-text.server'
import type { Sampling } from '../../shared/taxonomy/taxonomy'
import { problemList, surveyRowReader, type ImportedResponse, type ReadOptions, type WaveKey } from './import-plan'
import { compareWithStored, type Change, type Compared } from './repeat-download'
import { storedMatchesIn } from './stored-matches'
import { firstLinesOnDisk } from './first-lines.server'
import { speakInThisThread } from '../../shared/i18n/index.server'
import type { AnyLocale } from '../../shared/i18n'

// Reads and checks one survey file in its own thread, so that the server
// keeps answering while a large file is imported. The file is read as it
// streams from disk, a batch of rows at a time: each batch is checked,
// compared with what is stored, and handed to the writer thread
// (import-writer.server.ts), which stores it while this thread reads on; at
// most two batches wait for it, so memory holds a few batches, never the
// file. Rows are handed on while the file is right so far; once a problem
// (or a changed row nobody has decided on) is found, the rest is only
// checked, so a person sees every problem at once, and the server removes
// what was written.

export type ImportJob = {
  databasePath: string
  file: string
  headers: string[]
  read: Omit<ReadOptions, 'waves' | 'samplings'>
  waves: [WaveKey, number, Sampling | null][]
  compared: Compared
  respondentColumn: string
  /** The language of the person importing: the file's problems are worded in it. */
  locale: AnyLocale
  /** The changed rows a person accepted, by line, or all; null when nobody has decided yet. */
  accept: 'all' | number[] | null
  /** The writer's end of the batches, and how many batches it has still to write. */
  rows: MessagePort
  inFlight: SharedArrayBuffer
}

export type WriterJob = {
  databasePath: string
  uploadId: number
  importId: number
  waves: [WaveKey, number][]
  questionIds: [string, number][]
  rows: MessagePort
  inFlight: SharedArrayBuffer
  /** The server thread's heartbeat: milliseconds since `since`, stored every few milliseconds while the import runs. */
  heartbeat: SharedArrayBuffer
  since: number
}

/** What the import found once the whole file is read. */
export type Checked = { fresh: number; identical: number; changeCount: number; accepted: Pick<Change, 'line' | 'respondentCode' | 'differences'>[]; perWave: [WaveKey, number][] }
export type Refused = { problems: CsvProblem[]; problemCount: number; identical: number; changes: UploadChange[]; changeCount: number }

export type FromWorker = { refused: Refused } | { checked: Checked } | { done: true } | { error: string }
/** To the writer: a batch (with how far the reading has come, and with the last one the changes accepted); then, from the server, complete the import or leave it. */
export type ToWriter =
  | { rows: ImportedResponse[]; checked: number; bytes: number; accepted?: Change[] }
  | { complete: { rows: number; repeated: string | null; samplings: { waveId: number; sampling: Sampling; clusterUnit: string | null }[]; auditRow: Record<string, unknown>; outcome: string } }
  | { leave: true }

const ROWS_PER_BATCH = 1000
const BATCHES_WAITING = 2
const CHANGES_KEPT = 200

const job = workerData as ImportJob
const port = parentPort!
speakInThisThread(job.locale)
const inFlight = new Int32Array(job.inFlight)
const sqlite = new Database(job.databasePath, { readonly: true })
sqlite.pragma('busy_timeout = 5000')

const waveIds = new Map(job.waves.map(([key, id]) => [key, id]))
const problems = problemList()
const seen = firstLinesOnDisk()
const reader = surveyRowReader({ headers: job.headers }, { ...job.read, waves: new Set(waveIds.keys()), samplings: new Map(job.waves.map(([key, , sampling]) => [key, sampling])) }, problems, seen)
const accepts = job.accept === 'all' ? () => true : job.accept ? ((lines: Set<number>) => (line: number) => lines.has(line))(new Set(job.accept)) : null

let checked = 0
let fresh = 0
let identical = 0
let changeCount = 0
let writing = true
const changes: UploadChange[] = []
const accepted: Change[] = []
const perWave = new Map<WaveKey, number>()
let pending: ImportedResponse[] = []

/** Hands a batch to the writer, first waiting (this thread only) while it has enough to do. */
function send(batch: Extract<ToWriter, { rows: unknown }>) {
  for (let waiting = Atomics.load(inFlight, 0); waiting >= BATCHES_WAITING; waiting = Atomics.load(inFlight, 0)) Atomics.wait(inFlight, 0, waiting, 1000)
  Atomics.add(inFlight, 0, 1)
  job.rows.postMessage(batch)
}

/** Checks the rows read since the last batch against what is stored, and hands on the new ones while the file is right so far. */
function flush(bytes: number) {
  const batch = pending
  pending = []
  const stored = storedMatchesIn(sqlite, waveIds, new Set(batch.map((r) => r.respondentCode)), new Set(batch.flatMap((r) => (r.submissionId ? [r.submissionId] : []))))
  const c = compareWithStored(batch, stored, job.compared, job.respondentColumn)
  problems.add(...c.problems)
  identical += c.identical
  for (const change of c.changes) {
    changeCount++
    if (changes.length < CHANGES_KEPT) changes.push({ line: change.line, wave: change.wave, respondentCode: change.respondentCode, differences: change.differences })
    if (accepts?.(change.line)) accepted.push(change)
  }
  if (problems.count || (changeCount && !accepts)) writing = false
  fresh += c.fresh.length
  for (const r of c.fresh) perWave.set(r.wave, (perWave.get(r.wave) ?? 0) + 1)
  // Progress goes with every batch, written or not.
  send({ rows: writing ? c.fresh : [], checked, bytes })
}

async function run(): Promise<void> {
  const stream = createReadStream(job.file, { encoding: 'utf8', highWaterMark: 64 * 1024 })
  const { parseProblems } = await readCsvRows(stream, (row, index) => {
    if (index === 0) return
    checked++
    const response = reader.read(row, index - 1)
    if (response) pending.push(response)
    if (checked % ROWS_PER_BATCH === 0) flush(stream.bytesRead)
  })
  flush(stream.bytesRead)
  reader.finish()
  if (parseProblems.length) problems.add(...parseProblems)
  if (problems.count || (changeCount && !accepts)) {
    const refused: Refused = { problems: problems.list, problemCount: problems.count, identical, changes, changeCount }
    return void port.postMessage({ refused } satisfies FromWorker)
  }
  // The changes go with a last, empty batch; once it is written the writer holds everything.
  send({ rows: [], checked, bytes: stream.bytesRead, accepted })
  for (let waiting = Atomics.load(inFlight, 0); waiting > 0; waiting = Atomics.load(inFlight, 0)) Atomics.wait(inFlight, 0, waiting, 1000)
  const summary: Checked = { fresh, identical, changeCount, accepted: accepted.map((c) => ({ line: c.line, respondentCode: c.respondentCode, differences: c.differences })), perWave: [...perWave] }
  port.postMessage({ checked: summary } satisfies FromWorker)
}

run()
  .catch((error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies FromWorker))
  .finally(() => {
    seen.close()
    sqlite.close()
    job.rows.close()
  })
