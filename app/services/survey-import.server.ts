import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import { and, desc, eq, lt } from 'drizzle-orm'
import Papa from 'papaparse'
import { surveyImports, surveyUploads } from '../../db/schema'
import type { Actor } from '../domain/permissions'
import { personalData, suggestMapping, type ColumnTarget } from '../domain/survey-columns'
import { readSurveyRows, waveKey, waveName, type ImportedResponse, type SurveyFile, type SurveyProblem, type WaveKey } from '../domain/survey-import'
import { recordAudit } from './audit.server'
import { assertEditable } from './campaigns.server'
import { db } from './db.server'
import { notFound } from './http.server'
import { assertSurveyAccess, questionsOf, storedCodes, wavesOf } from './surveys.server'

// Importing a survey spreadsheet: the upload is kept while the planner maps
// its columns; the plan (mapping, personal-data check, every row validated,
// a preview) is recomputed from the stored file on every step; the import
// writes all rows in one transaction or none.

const SAMPLE_ROWS = 50
const PREVIEW_ROWS = 10

function* chunksOf(text: string, size = 64 * 1024) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size)
}

/**
 * Reads CSV text as a stream of rows with papaparse (comma, semicolon or tab;
 * quoted fields may hold newlines). Fed in 64 KB chunks, so other requests
 * are served between them while a large file is read.
 */
export async function parseCsv(text: string): Promise<SurveyFile & { parseProblems: SurveyProblem[] }> {
  const rows: string[][] = []
  const parseProblems: SurveyProblem[] = []
  await new Promise<void>((done, fail) => {
    Papa.parse<string[]>(Readable.from(chunksOf(text)), {
      header: false,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', ';', '\t'],
      step: (result) => {
        rows.push(result.data)
        for (const e of result.errors) if (e.code !== 'UndetectableDelimiter') parseProblems.push({ line: rows.length, column: '', message: e.message })
      },
      complete: () => done(),
      error: fail,
    })
  })
  const [headers = [], ...data] = rows
  return { headers: headers.map((h) => h.trim()), rows: data, parseProblems }
}

export async function storeUpload(actor: Actor, campaignId: number, filename: string, text: string): Promise<number> {
  assertEditable(actor, campaignId)
  const sha256 = createHash('sha256').update(text).digest('hex')
  return db.transaction((tx) => {
    // Uploads left unimported for a day are gone.
    tx.delete(surveyUploads).where(lt(surveyUploads.createdAt, new Date(Date.now() - 86_400_000))).run()
    return tx.insert(surveyUploads).values({ campaignId, userId: actor.userId, filename, sha256, content: text }).returning({ id: surveyUploads.id }).get().id
  })
}

function uploadOf(actor: Actor, campaignId: number, uploadId: number) {
  const upload = db
    .select()
    .from(surveyUploads)
    .where(and(eq(surveyUploads.id, uploadId), eq(surveyUploads.campaignId, campaignId), eq(surveyUploads.userId, actor.userId)))
    .get()
  return upload ?? notFound('That upload is no longer here: uploads are kept for a day. Upload the file again.')
}

export const importedMessage = (rows: number, filename: string) => `${rows.toLocaleString('en')} responses were imported from ${filename}.`

export type ImportChoice = { mapping?: ColumnTarget[]; targetWave?: WaveKey | null }

/** Everything the mapping page shows for an upload and a mapping (the suggested one when none is given). */
export async function importPlan(actor: Actor, campaignId: number, uploadId: number, choice: ImportChoice = {}) {
  assertSurveyAccess(actor, campaignId)
  const upload = uploadOf(actor, campaignId, uploadId)
  const file = await parseCsv(upload.content)
  const questions = questionsOf(campaignId)
  const waves = wavesOf(campaignId)
  const personal = file.headers.map((h, i) => personalData(h, file.rows.slice(0, SAMPLE_ROWS).map((r) => r[i] ?? '')))
  const mapping = choice.mapping?.length === file.headers.length ? choice.mapping : suggestMapping(file.headers, questions.map((q) => q.code), personal)
  const waveIds = new Map(waves.map((w) => [waveKey(w.kind, w.group), w.id]))
  const problems: SurveyProblem[] = [...file.parseProblems]
  if (file.headers.length === 0) problems.push({ line: 1, column: '', message: 'The file is empty.' })
  const read = problems.length
    ? null
    : readSurveyRows(file, { mapping, questions, personal, targetWave: choice.targetWave ?? null, waves: new Set(waveIds.keys()) })
  if (read && !read.ok) problems.push(...read.problems)
  const responses = read?.ok ? read.responses : []
  const earlier = db.select().from(surveyImports).where(and(eq(surveyImports.campaignId, campaignId), eq(surveyImports.sha256, upload.sha256))).orderBy(desc(surveyImports.at)).get()
  // A respondent already in a wave: from an earlier import or typed in.
  if (!earlier && responses.length) {
    const stored = storedCodes([...waveIds.values()])
    const column = file.headers[mapping.indexOf('respondent_code')] ?? 'respondent_code'
    for (const r of responses) {
      if (stored.get(waveIds.get(r.wave)!)!.has(r.respondentCode)) {
        problems.push({ line: r.line, column, message: `Respondent ${r.respondentCode} is already in the ${waveName(r.wave)}` })
      }
    }
  }
  const perWave = new Map<WaveKey, number>()
  for (const r of responses) perWave.set(r.wave, (perWave.get(r.wave) ?? 0) + 1)
  return {
    upload: { id: upload.id, filename: upload.filename, sha256: upload.sha256 },
    headers: file.headers,
    samples: file.rows.slice(0, 3),
    rowCount: file.rows.length,
    mapping,
    personal,
    targetWave: choice.targetWave ?? null,
    questions: questions.map((q) => ({ code: q.code, text: q.text })),
    waves: waves.map((w) => ({ key: waveKey(w.kind, w.group), name: waveName(waveKey(w.kind, w.group)), responses: w.responses })),
    problems,
    preview: problems.length ? [] : responses.slice(0, PREVIEW_ROWS),
    perWave: [...perWave].map(([wave, n]) => ({ wave, name: waveName(wave), n })),
    earlier: earlier ? { at: earlier.at.toISOString(), rows: earlier.rows } : null,
    responses,
    waveIds,
  }
}

export type ImportOutcome = { ok: true; created: number; unchanged: boolean; importId: number | null; message: string } | { ok: false; problems: SurveyProblem[] }

/** Imports the whole file or nothing; the same file again changes nothing and says so. */
export async function runImport(actor: Actor, campaignId: number, uploadId: number, choice: ImportChoice): Promise<ImportOutcome> {
  const access = assertEditable(actor, campaignId)
  const plan = await importPlan(actor, campaignId, uploadId, choice)
  if (plan.earlier) {
    return { ok: true, created: 0, unchanged: true, importId: null, message: `This file was already imported on ${plan.earlier.at.slice(0, 10)} (${plan.earlier.rows} rows); nothing has changed.` }
  }
  if (plan.problems.length) return { ok: false, problems: plan.problems }
  const questionIds = new Map(questionsOf(campaignId).map((q) => [q.code, q.id]))
  const importId = writeResponses(campaignId, plan.upload, plan.responses, plan.waveIds, questionIds, actor, access.organisationId)
  const created = plan.responses.length
  return { ok: true, created, unchanged: false, importId, message: importedMessage(created, plan.upload.filename) }
}

function writeResponses(
  campaignId: number,
  upload: { id: number; filename: string; sha256: string },
  responses: ImportedResponse[],
  waveIds: Map<WaveKey, number>,
  questionIds: Map<string, number>,
  actor: Actor,
  organisationId: number,
) {
  // One transaction, prepared statements: a 100,000-row file is half a million inserts (DESIGN.md §8).
  const sqlite = db.$client
  const addImport = sqlite.prepare('insert into survey_imports (campaign_id, sha256, filename, rows, actor_user_id) values (?, ?, ?, ?, ?)')
  const addResponse = sqlite.prepare('insert into survey_responses (wave_id, respondent_code, sex, age_band, locality, import_id) values (?, ?, ?, ?, ?, ?)')
  const addAnswer = sqlite.prepare('insert into survey_answers (response_id, question_id, value) values (?, ?, ?)')
  return sqlite.transaction(() => {
    const importId = addImport.run(campaignId, upload.sha256, upload.filename, responses.length, actor.userId).lastInsertRowid
    for (const r of responses) {
      const id = addResponse.run(waveIds.get(r.wave), r.respondentCode, r.sex, r.ageBand, r.locality, importId).lastInsertRowid
      for (const [code, value] of Object.entries(r.answers)) addAnswer.run(id, questionIds.get(code), value)
    }
    sqlite.prepare('delete from survey_uploads where id = ?').run(upload.id)
    recordAudit(db, { actorUserId: actor.userId, organisationId, action: 'survey.imported', entityType: 'campaign', entityId: campaignId, after: { file: upload.filename, rows: responses.length } })
    return Number(importId)
  })()
}
