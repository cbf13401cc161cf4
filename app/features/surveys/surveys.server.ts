import { and, asc, count, eq, inArray, sql } from 'drizzle-orm'
import { indicators, objectives, surveyAnswers, surveyImports, surveyQuestions, surveyResponses, surveyWaves } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import type { Question } from './answers'
import type { ResponseInput } from './response'
import { STARTER_QUESTIONS } from './starters'
import type { Outcome } from '../../shared/outcome'
import type { QuestionInput, WaveInput } from './schemas'
import { recordAudit, type Tx } from '../../shared/audit.server'
import { assertEditable, campaignAccess } from '../campaigns/index.server'
import { db } from '../../shared/db.server'
import type { ResultsChange } from '../../shared/results-change'
import { notFound } from '../../shared/http.server'
import { assertCan } from '../../shared/permissions/permissions.server'

// A campaign's survey: its instrument (the questions) and its waves. Only
// the owning organisation sees or changes them: answers and respondent codes
// never leave it (DESIGN.md §7).


/** A statement prepared on first use (the connection opens lazily). */
function lazyStatement(text: string) {
  let statement: ReturnType<typeof db.$client.prepare> | undefined
  return () => (statement ??= db.$client.prepare(text))
}

/** The owning organisation's members may work on the survey; everyone else gets a 404 or 403. */
export function assertSurveyAccess(actor: Actor, campaignId: number) {
  const access = campaignAccess(actor, campaignId)
  assertCan(actor, 'campaign.edit', access.organisationId)
  return access
}


export type StoredQuestion = Question & { id: number; position: number; indicatorId: number | null; answers: number }

/** The instrument in order; with how many answers each question has unless `counted` is false (the analysis does not need them). */
export function questionsOf(campaignId: number, counted = true): StoredQuestion[] {
  const answered = counted
    ? db
        .select({ questionId: surveyAnswers.questionId, n: count() })
        .from(surveyAnswers)
        .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
        .where(eq(surveyQuestions.campaignId, campaignId))
        .groupBy(surveyAnswers.questionId)
        .all()
    : []
  const counts = new Map(answered.map((a) => [a.questionId, a.n]))
  return db
    .select()
    .from(surveyQuestions)
    .where(eq(surveyQuestions.campaignId, campaignId))
    .orderBy(asc(surveyQuestions.position), asc(surveyQuestions.id))
    .all()
    .map((q) => ({ ...q, answers: counts.get(q.id) ?? 0 }))
}

export function wavesOf(campaignId: number) {
  return db
    .select({
      id: surveyWaves.id,
      kind: surveyWaves.kind,
      group: surveyWaves.group,
      design: surveyWaves.design,
      startDate: surveyWaves.startDate,
      endDate: surveyWaves.endDate,
      targetSize: surveyWaves.targetSize,
      samplingNotes: surveyWaves.samplingNotes,
      baselineWaveId: surveyWaves.baselineWaveId,
      // Spelled out: drizzle leaves a column of the outer table unqualified here, which SQLite reads as the inner table's.
      responses: sql<number>`(select count(*) from "survey_responses" r where r."wave_id" = "survey_waves"."id")`,
    })
    .from(surveyWaves)
    .where(eq(surveyWaves.campaignId, campaignId))
    .orderBy(sql`case ${surveyWaves.kind} when 'baseline' then 0 when 'endline' then 1 else 2 end`, asc(surveyWaves.group))
    .all()
}

/** Everything the surveys page shows. */
export async function surveyOf(actor: Actor, campaignId: number) {
  const access = assertSurveyAccess(actor, campaignId)
  const indicatorOptions = db
    .select({ id: indicators.id, name: indicators.name, unit: indicators.unit })
    .from(indicators)
    .innerJoin(objectives, eq(objectives.id, indicators.objectiveId))
    .where(eq(objectives.campaignId, campaignId))
    .orderBy(asc(objectives.position), asc(indicators.position))
    .all()
  const imports = db.select().from(surveyImports).where(eq(surveyImports.campaignId, campaignId)).orderBy(asc(surveyImports.at)).all()
  return {
    canEdit: access.status !== 'archived',
    questions: questionsOf(campaignId),
    waves: wavesOf(campaignId),
    indicators: indicatorOptions,
    imports: imports.map((i) => ({ id: i.id, filename: i.filename, rows: i.rows, at: i.at.toISOString() })),
  }
}

function questionOf(campaignId: number, questionId: number): StoredQuestion {
  return questionsOf(campaignId).find((q) => q.id === questionId) ?? notFound('There is no such question in this campaign.')
}

function assertIndicator(campaignId: number, indicatorId: number | null) {
  if (indicatorId === null) return
  const found = db
    .select({ id: indicators.id })
    .from(indicators)
    .innerJoin(objectives, eq(objectives.id, indicators.objectiveId))
    .where(and(eq(indicators.id, indicatorId), eq(objectives.campaignId, campaignId)))
    .get()
  if (!found) notFound('There is no such indicator in this campaign.')
}

const codeTaken = (campaignId: number, code: string, except?: number) =>
  questionsOf(campaignId).some((q) => q.code === code && q.id !== except)

/** Questions written or picked by a person; one may measure an indicator, so they come through the results flow. */
export function addQuestions({ actor, campaignId }: ResultsChange, inputs: QuestionInput[]): Promise<Outcome<null>> {
  return insertQuestions(actor, campaignId, inputs)
}

async function insertQuestions(actor: Actor, campaignId: number, inputs: QuestionInput[]): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const taken = inputs.find((q, i) => codeTaken(campaignId, q.code) || inputs.findIndex((o) => o.code === q.code) !== i)
  if (taken) return { ok: false, fieldErrors: { code: [`The code ${taken.code} is already used by another question`] } }
  for (const q of inputs) assertIndicator(campaignId, q.indicatorId)
  db.transaction((tx) => {
    const last = tx.select({ n: sql<number>`coalesce(max(${surveyQuestions.position}), -1)` }).from(surveyQuestions).where(eq(surveyQuestions.campaignId, campaignId)).get()!.n
    inputs.forEach((q, i) => tx.insert(surveyQuestions).values({ ...q, campaignId, position: last + 1 + i }).run())
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.questions-added', entityType: 'campaign', entityId: campaignId, after: inputs.map((q) => q.code) })
  })
  return { ok: true, value: null }
}

export function addStarterQuestions(actor: Actor, campaignId: number, codes: string[]) {
  const chosen = STARTER_QUESTIONS.filter((s) => codes.includes(s.code) && !codeTaken(campaignId, s.code))
  // Suggested questions measure no indicator: they cannot change results.
  return insertQuestions(actor, campaignId, chosen.map(({ topic: _topic, ...q }) => ({ ...q, options: [...q.options], indicatorId: null })))
}

/**
 * What would change the meaning of answers already stored — the code, the
 * type, the desired answer, the options' codes, a narrower range — is refused
 * once a question has answers; wording and the indicator link may change.
 */
function reinterprets(before: StoredQuestion, after: QuestionInput): string | null {
  if (before.answers === 0) return null
  const n = `${before.answers} answer${before.answers === 1 ? '' : 's'}`
  if (after.code !== before.code) return `The code cannot change: ${n} and their files use it.`
  if (after.type !== before.type) return `The type cannot change: ${n} were given as ${before.type.replace('_', ' ')}.`
  if (after.desired !== before.desired) return `The desired answer cannot change: ${n} were scored against it.`
  const codes = (q: { options: readonly { code: string }[] }) => q.options.map((o) => o.code).join('|')
  if (codes(after) !== codes(before)) return `The option codes cannot change: ${n} use them (labels may change).`
  if ((after.min ?? -Infinity) > (before.min ?? -Infinity) || (after.max ?? Infinity) < (before.max ?? Infinity)) return `The range cannot narrow: ${n} were given within the old one.`
  return null
}

/** Rewords a question or changes the indicator it measures (which changes where that indicator's actual comes from). */
export async function updateQuestion({ actor, campaignId }: ResultsChange, questionId: number, input: QuestionInput): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const before = questionOf(campaignId, questionId)
  if (codeTaken(campaignId, input.code, questionId)) return { ok: false, fieldErrors: { code: [`The code ${input.code} is already used by another question`] } }
  const refused = reinterprets(before, input)
  if (refused) return { ok: false, formErrors: [refused] }
  assertIndicator(campaignId, input.indicatorId)
  db.transaction((tx) => {
    tx.update(surveyQuestions).set(input).where(eq(surveyQuestions.id, questionId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.question-updated', entityType: 'campaign', entityId: campaignId, before: { code: before.code, text: before.text, type: before.type }, after: input })
  })
  return { ok: true, value: null }
}

export async function removeQuestion({ actor, campaignId }: ResultsChange, questionId: number): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const q = questionOf(campaignId, questionId)
  if (q.answers > 0) return { ok: false, formErrors: [`${q.code} has ${q.answers} answers; delete the responses first to remove it.`] }
  db.transaction((tx) => {
    tx.delete(surveyQuestions).where(eq(surveyQuestions.id, questionId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.question-removed', entityType: 'campaign', entityId: campaignId, before: { code: q.code } })
  })
  return { ok: true, value: null }
}

/** Moves a question one place up or down. */
export async function moveQuestion(actor: Actor, campaignId: number, questionId: number, direction: 'up' | 'down') {
  assertEditable(actor, campaignId)
  const list = questionsOf(campaignId)
  const i = list.findIndex((q) => q.id === questionId)
  if (i < 0) notFound('There is no such question in this campaign.')
  const j = direction === 'up' ? i - 1 : i + 1
  if (j < 0 || j >= list.length) return
  ;[list[i], list[j]] = [list[j]!, list[i]!]
  db.transaction((tx) => list.forEach((q, position) => tx.update(surveyQuestions).set({ position }).where(eq(surveyQuestions.id, q.id)).run()))
}

export async function addWave(actor: Actor, campaignId: number, input: WaveInput): Promise<Outcome<number>> {
  const access = assertEditable(actor, campaignId)
  const existing = wavesOf(campaignId)
  if (existing.some((w) => w.kind === input.kind && w.group === input.group)) {
    return { ok: false, fieldErrors: { kind: ['This campaign already has that wave for that group'] } }
  }
  // A panel endline or follow-up follows the respondents of the same group's baseline.
  const baseline = input.kind !== 'baseline' && input.design === 'panel' ? existing.find((w) => w.kind === 'baseline' && w.group === input.group) : undefined
  const id = db.transaction((tx) => {
    const row = tx
      .insert(surveyWaves)
      .values({ ...input, campaignId, startDate: input.startDate ?? null, endDate: input.endDate ?? null, targetSize: input.targetSize ?? null, baselineWaveId: baseline?.id ?? null })
      .returning({ id: surveyWaves.id })
      .get()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.wave-added', entityType: 'campaign', entityId: campaignId, after: input })
    return row.id
  })
  return { ok: true, value: id }
}

export async function removeWave(actor: Actor, campaignId: number, waveId: number): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const wave = wavesOf(campaignId).find((w) => w.id === waveId) ?? notFound('There is no such wave in this campaign.')
  if (wave.responses > 0) return { ok: false, formErrors: [`This wave holds ${wave.responses} responses; it cannot be removed.`] }
  db.transaction((tx) => {
    tx.delete(surveyWaves).where(eq(surveyWaves.id, waveId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.wave-removed', entityType: 'campaign', entityId: campaignId, before: { kind: wave.kind, group: wave.group } })
  })
  return { ok: true, value: null }
}

/** Respondent codes already in these waves, for the import's duplicate check. */
export function storedCodes(waveIds: number[]): Map<number, Set<string>> {
  const codes = new Map<number, Set<string>>(waveIds.map((id) => [id, new Set()]))
  if (waveIds.length === 0) return codes
  for (const r of db.select({ waveId: surveyResponses.waveId, code: surveyResponses.respondentCode }).from(surveyResponses).where(inArray(surveyResponses.waveId, waveIds)).all()) {
    codes.get(r.waveId)!.add(r.code)
  }
  return codes
}

// Prepared once: the analysis reads every response of a campaign whenever its results change.
const responsesQuery = lazyStatement(
  `select id, wave_id as waveId, respondent_code as respondentCode, sex, age_band as ageBand, locality, import_id as importId
   from survey_responses where wave_id in (select value from json_each(?)) order by wave_id, id`,
)
const answersQuery = lazyStatement(
  `select a.response_id as responseId, a.question_id as questionId, a.value from survey_answers a
   join survey_responses r on r.id = a.response_id where r.wave_id in (select value from json_each(?))`,
)

export type StoredResponseRow = { id: number; waveId: number; respondentCode: string; sex: 'female' | 'male' | 'other' | null; ageBand: string | null; locality: string | null; importId: number | null }

/** The responses of these waves, in wave and entry order, with their answers (response id → question id → stored value). */
export function responsesWithAnswers(waveIds: number[]) {
  if (waveIds.length === 0) return { responses: [] as StoredResponseRow[], answers: new Map<number, Map<number, string>>() }
  const ids = JSON.stringify(waveIds)
  const responses = responsesQuery().all(ids) as StoredResponseRow[]
  const answers = new Map<number, Map<number, string>>()
  for (const a of answersQuery().all(ids) as { responseId: number; questionId: number; value: string }[]) {
    let row = answers.get(a.responseId)
    if (!row) answers.set(a.responseId, (row = new Map()))
    row.set(a.questionId, a.value)
  }
  return { responses, answers }
}

/**
 * The responses of a campaign (or one wave) in the import layout, so the file
 * imports again: respondent_code, wave, group, the disaggregation columns in
 * use, then one column per question in instrument order.
 */
export async function surveyResponsesCsv(actor: Actor, campaignId: number, waveId?: number): Promise<{ fields: string[]; rows: string[][] }> {
  assertSurveyAccess(actor, campaignId)
  const waves = wavesOf(campaignId).filter((w) => waveId === undefined || w.id === waveId)
  if (waveId !== undefined && waves.length === 0) notFound('There is no such wave in this campaign.')
  const questions = questionsOf(campaignId)
  const byWave = new Map(waves.map((w) => [w.id, w]))
  const { responses, answers } = responsesWithAnswers([...byWave.keys()])
  const extras = (['sex', 'ageBand', 'locality'] as const).filter((f) => responses.some((r) => r[f] !== null))
  const header = { sex: 'sex', ageBand: 'age_band', locality: 'locality' } as const
  return {
    fields: ['respondent_code', 'wave', 'group', ...extras.map((f) => header[f]), ...questions.map((q) => q.code)],
    rows: responses.map((r) => {
      const w = byWave.get(r.waveId)!
      return [r.respondentCode, w.kind, w.group, ...extras.map((f) => r[f] ?? ''), ...questions.map((q) => answers.get(r.id)?.get(q.id) ?? '')]
    }),
  }
}

export const RESPONSES_PER_PAGE = 50

/** A wave's responses, newest first, a page at a time. */
export async function responsesOf(actor: Actor, campaignId: number, waveId: number, page = 1) {
  assertSurveyAccess(actor, campaignId)
  const wave = wavesOf(campaignId).find((w) => w.id === waveId) ?? notFound('There is no such wave in this campaign.')
  const items = db
    .select({ id: surveyResponses.id, respondentCode: surveyResponses.respondentCode, importId: surveyResponses.importId, createdAt: surveyResponses.createdAt })
    .from(surveyResponses)
    .where(eq(surveyResponses.waveId, waveId))
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
  if (!row || row.campaignId !== campaignId) notFound('There is no such response in this campaign.')
  const questions = questionsOf(campaignId)
  const byId = new Map(questions.map((q) => [q.id, q.code]))
  const answers = Object.fromEntries(
    db.select().from(surveyAnswers).where(eq(surveyAnswers.responseId, responseId)).all().map((a) => [byId.get(a.questionId)!, a.value]),
  )
  const r = row.response
  return { id: r.id, waveId: r.waveId, respondentCode: r.respondentCode, sex: r.sex, ageBand: r.ageBand, locality: r.locality, answers }
}

const codeInWave = (waveId: number, code: string, except?: number) =>
  db
    .select({ id: surveyResponses.id })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.waveId, waveId), eq(surveyResponses.respondentCode, code)))
    .all()
    .some((r) => r.id !== except)

function writeAnswers(tx: Tx, campaignId: number, responseId: number, answers: Record<string, string>) {
  const ids = new Map(questionsOf(campaignId).map((q) => [q.code, q.id]))
  tx.delete(surveyAnswers).where(eq(surveyAnswers.responseId, responseId)).run()
  const rows = Object.entries(answers).map(([code, value]) => ({ responseId, questionId: ids.get(code)!, value }))
  if (rows.length) tx.insert(surveyAnswers).values(rows).run()
}

/** A response typed in from a paper questionnaire. */
export async function addResponse({ actor, campaignId }: ResultsChange, waveId: number, input: ResponseInput): Promise<Outcome<number>> {
  const access = assertEditable(actor, campaignId)
  if (!wavesOf(campaignId).some((w) => w.id === waveId)) notFound('There is no such wave in this campaign.')
  if (codeInWave(waveId, input.respondentCode)) return { ok: false, fieldErrors: { respondentCode: [`Respondent ${input.respondentCode} is already in this wave`] } }
  const id = db.transaction((tx) => {
    const { answers, ...fields } = input
    const row = tx.insert(surveyResponses).values({ ...fields, waveId }).returning({ id: surveyResponses.id }).get()
    writeAnswers(tx, campaignId, row.id, answers)
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.response-added', entityType: 'campaign', entityId: campaignId, after: { waveId, ...input } })
    return row.id
  })
  return { ok: true, value: id }
}

/** Changes a response; its wave is returned, for the page to go back to. */
export async function updateResponse({ actor, campaignId }: ResultsChange, responseId: number, input: ResponseInput): Promise<Outcome<number>> {
  const access = assertEditable(actor, campaignId)
  const before = await responseOf(actor, campaignId, responseId)
  if (codeInWave(before.waveId, input.respondentCode, responseId)) return { ok: false, fieldErrors: { respondentCode: [`Respondent ${input.respondentCode} is already in this wave`] } }
  db.transaction((tx) => {
    const { answers, ...fields } = input
    tx.update(surveyResponses).set(fields).where(eq(surveyResponses.id, responseId)).run()
    writeAnswers(tx, campaignId, responseId, answers)
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.response-changed', entityType: 'campaign', entityId: campaignId, before: before, after: input })
  })
  return { ok: true, value: before.waveId }
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
