import { and, eq, sql } from 'drizzle-orm'
import { surveyAnswers, surveyResponses, surveyWaves } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import type { Outcome } from '../../shared/outcome'
import type { ResultsChange } from '../../shared/results-change'
import { recordAudit } from '../../shared/audit.server'
import { db, type Tx } from '../../shared/db.server'
import { notFound } from '../../shared/http.server'
import { assertEditable } from '../campaigns/index.server'
import type { ResponseInput } from './response'
import { chosenOptions, optionItem } from './answers'
import { tr } from '../../shared/i18n'
import { assertSurveyAccess, finishedResponse, questionsOf, responsesWithAnswers, waveRows, wavesOf } from './store.server'

// The answers: responses typed in from paper, changed or deleted (through
// the results flow: they are what results are computed from), read a wave at
// a time, and exported in the import layout. Only the owning organisation
// sees them.

/**
 * The responses of a campaign (or one wave) in the import layout, so the file
 * imports again: respondent_code, wave, group, the disaggregation columns in
 * use, the sample's cluster, stratum and weight where given, then one column
 * per question in instrument order (and, for a multiple-choice question, one
 * 0/1 column per option after it).
 */
export async function surveyResponsesCsv(actor: Actor, campaignId: number, waveId?: number): Promise<{ fields: string[]; rows: string[][] }> {
  assertSurveyAccess(actor, campaignId)
  const waves = waveRows(campaignId).filter((w) => waveId === undefined || w.id === waveId)
  if (waveId !== undefined && waves.length === 0) notFound({ id: 'errors.no_such_wave', defaultMessage: 'There is no such wave in this campaign.' })
  const questions = questionsOf(campaignId, false)
  const byWave = new Map(waves.map((w) => [w.id, w]))
  const { responses, answers } = responsesWithAnswers([...byWave.keys()])
  const extras = (['submissionId', 'sex', 'ageBand', 'locality', 'cluster', 'stratum', 'weight'] as const).filter((f) => responses.some((r) => r[f] !== null))
  const header = { submissionId: 'submission_id', sex: 'sex', ageBand: 'age_band', locality: 'locality', cluster: 'cluster', stratum: 'stratum', weight: 'weight' } as const
  // A multiple-choice question as Kobo writes it: the chosen options, then a 0/1 column per option (which alone can say "none chosen").
  const columnsOf = (q: (typeof questions)[number]) => [q.code, ...(q.type === 'multiple_choice' ? q.options.map((o) => optionItem(q.code, o.code)) : [])]
  const cellsOf = (q: (typeof questions)[number], stored: string | undefined) =>
    q.type !== 'multiple_choice' ? [stored ?? ''] : [stored ?? '', ...q.options.map((o) => (stored === undefined ? '' : chosenOptions(stored).includes(o.code) ? '1' : '0'))]
  return {
    fields: ['respondent_code', 'wave', 'group', ...extras.map((f) => header[f]), ...questions.flatMap(columnsOf)],
    rows: responses.map((r) => {
      const w = byWave.get(r.waveId)!
      return [r.respondentCode, w.kind, w.group, ...extras.map((f) => String(r[f] ?? '')), ...questions.flatMap((q) => cellsOf(q, answers.get(r.id)?.get(q.id)))]
    }),
  }
}

export const RESPONSES_PER_PAGE = 50

/** A wave's responses, newest first, a page at a time. */
export async function responsesOf(actor: Actor, campaignId: number, waveId: number, page = 1) {
  assertSurveyAccess(actor, campaignId)
  const wave = wavesOf(campaignId).find((w) => w.id === waveId) ?? notFound({ id: 'errors.no_such_wave', defaultMessage: 'There is no such wave in this campaign.' })
  const items = db
    .select({ id: surveyResponses.id, respondentCode: surveyResponses.respondentCode, importId: surveyResponses.importId, createdAt: surveyResponses.createdAt })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.waveId, waveId), finishedResponse))
    .orderBy(sql`${surveyResponses.id} desc`)
    .limit(RESPONSES_PER_PAGE)
    .offset((page - 1) * RESPONSES_PER_PAGE)
    .all()
  return { wave, items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })), pageCount: Math.max(1, Math.ceil(wave.responses / RESPONSES_PER_PAGE)) }
}

/** One response with its answers, for the data-entry form. */
export async function responseOf(actor: Actor, campaignId: number, responseId: number) {
  assertSurveyAccess(actor, campaignId)
  const row = db
    .select({ response: surveyResponses, campaignId: surveyWaves.campaignId })
    .from(surveyResponses)
    .innerJoin(surveyWaves, eq(surveyWaves.id, surveyResponses.waveId))
    .where(eq(surveyResponses.id, responseId))
    .get()
  if (!row || row.campaignId !== campaignId) notFound({ id: 'errors.no_such_response', defaultMessage: 'There is no such response in this campaign.' })
  const questions = questionsOf(campaignId, false)
  const byId = new Map(questions.map((q) => [q.id, q.code]))
  const answers = Object.fromEntries(
    db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, responseId)).all().map((a) => [byId.get(a.questionId)!, a.value]),
  )
  const r = row.response
  return { id: r.id, waveId: r.waveId, respondentCode: r.respondentCode, sex: r.sex, ageBand: r.ageBand, locality: r.locality, cluster: r.cluster, stratum: r.stratum, weight: r.weight, answers }
}

/** Whether a respondent code is taken in a wave, by a response or by an import still being written. */
const codeInWave = (waveId: number, code: string, except?: number) =>
  db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.waveId, waveId), eq(surveyResponses.respondentCode, code)))
    .all()
    .some((r) => r.id !== except)

function writeAnswers(tx: Tx, campaignId: number, responseId: number, answers: Record<string, string>) {
  const ids = new Map(questionsOf(campaignId, false).map((q) => [q.code, q.id]))
  tx.delete(surveyAnswers).where(eq(surveyAnswers.responseId, responseId)).run()
  const rows = Object.entries(answers).map(([code, value]) => ({ responseId, questionId: ids.get(code)!, value }))
  if (rows.length) tx.insert(surveyAnswers).values(rows).run()
}

const codeTaken = (code: string): Outcome<number> => ({ ok: false, fieldErrors: { respondentCode: [tr({ id: 'surveys.responses.code_taken', defaultMessage: 'Respondent {code} is already in this wave' }, { code })] } })

/** Runs a write that may find the respondent code taken after all: by an import writing in its own thread meanwhile. */
function unlessTaken(code: string, write: () => number): Outcome<number> {
  try {
    return { ok: true, value: write() }
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: survey_responses/.test(error.message)) return codeTaken(code)
    throw error
  }
}

/** A response typed in from a paper questionnaire. */
export async function addResponse({ actor, campaignId }: ResultsChange, waveId: number, input: ResponseInput): Promise<Outcome<number>> {
  const access = assertEditable(actor, campaignId)
  if (!waveRows(campaignId).some((w) => w.id === waveId)) notFound({ id: 'errors.no_such_wave', defaultMessage: 'There is no such wave in this campaign.' })
  if (codeInWave(waveId, input.respondentCode)) return codeTaken(input.respondentCode)
  return unlessTaken(input.respondentCode, () =>
    db.transaction((tx) => {
      const { answers, ...fields } = input
      const row = tx.insert(surveyResponses).values({ ...fields, waveId }).returning({ id: surveyResponses.id }).get()
      writeAnswers(tx, campaignId, row.id, answers)
      recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.response-added', entityType: 'campaign', entityId: campaignId, after: { waveId, ...input } })
      return row.id
    }),
  )
}

/** Changes a response; its wave is returned, for the page to go back to. */
export async function updateResponse({ actor, campaignId }: ResultsChange, responseId: number, input: ResponseInput): Promise<Outcome<number>> {
  const access = assertEditable(actor, campaignId)
  const before = await responseOf(actor, campaignId, responseId)
  if (codeInWave(before.waveId, input.respondentCode, responseId)) return codeTaken(input.respondentCode)
  return unlessTaken(input.respondentCode, () =>
    db.transaction((tx) => {
      const { answers, ...fields } = input
      tx.update(surveyResponses).set(fields).where(eq(surveyResponses.id, responseId)).run()
      writeAnswers(tx, campaignId, responseId, answers)
      recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.response-changed', entityType: 'campaign', entityId: campaignId, before: before, after: input })
      return before.waveId
    }),
  )
}

export async function deleteResponse({ actor, campaignId }: ResultsChange, responseId: number) {
  const access = assertEditable(actor, campaignId)
  const before = await responseOf(actor, campaignId, responseId)
  db.transaction((tx) => {
    tx.delete(surveyResponses).where(eq(surveyResponses.id, responseId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.response-deleted', entityType: 'campaign', entityId: campaignId, before: before })
  })
  return before.waveId
}
