import { and, asc, eq, isNotNull, sql } from 'drizzle-orm'
import { indicators, objectives, surveyImports, surveyQuestions } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import type { Outcome } from '../../shared/outcome'
import type { ResultsChange } from '../../shared/results-change'
import { recordAudit } from '../../shared/audit.server'
import { db } from '../../shared/db.server'
import { notFound } from '../../shared/http.server'
import { defineMessages, tr } from '../../shared/i18n'
import { QUESTION_TYPES } from '../../shared/taxonomy/taxonomy'
import { assertEditable } from '../campaigns/index.server'
import type { QuestionInput } from './schemas'

/** A question as added or changed: without its words in other languages, those stay as they are. */
type NewQuestion = Omit<QuestionInput, 'translations'> & Partial<Pick<QuestionInput, 'translations'>>
import { starterQuestions } from './starters'
import { assertSurveyAccess, questionsOf, wavesOf, type StoredQuestion } from './store.server'

// The instrument: the questions a campaign's survey asks, in order. A
// question that measures an indicator feeds its results, so writes that can
// change the link come through the results flow (they take a ResultsChange).

/**
 * Everything the surveys page shows. The questions' answer counts take a
 * pass over every answer; a form that only needs the questions (typing in a
 * response, which many people may do at once) goes without them.
 */
export async function surveyOf(actor: Actor, campaignId: number, { answerCounts = true } = {}) {
  const access = assertSurveyAccess(actor, campaignId)
  const indicatorOptions = db
    .select({ id: indicators.id, name: indicators.name, unit: indicators.unit })
    .from(indicators)
    .innerJoin(objectives, eq(objectives.id, indicators.objectiveId))
    .where(eq(objectives.campaignId, campaignId))
    .orderBy(asc(objectives.position), asc(indicators.position))
    .all()
  const imports = db
    .select()
    .from(surveyImports)
    .where(and(eq(surveyImports.campaignId, campaignId), isNotNull(surveyImports.completedAt)))
    .orderBy(asc(surveyImports.at))
    .all()
  return {
    canEdit: access.status !== 'archived',
    questions: questionsOf(campaignId, answerCounts),
    waves: wavesOf(campaignId),
    indicators: indicatorOptions,
    imports: imports.map((i) => ({ id: i.id, filename: i.filename, rows: i.rows, repeated: i.repeated, at: i.at.toISOString() })),
  }
}

function questionOf(campaignId: number, questionId: number): StoredQuestion {
  return questionsOf(campaignId).find((q) => q.id === questionId) ?? notFound({ id: 'errors.no_such_question', defaultMessage: 'There is no such question in this campaign.' })
}

function assertIndicator(campaignId: number, indicatorId: number | null) {
  if (indicatorId === null) return
  const found = db
    .select({ id: indicators.id })
    .from(indicators)
    .innerJoin(objectives, eq(objectives.id, indicators.objectiveId))
    .where(and(eq(indicators.id, indicatorId), eq(objectives.campaignId, campaignId)))
    .get()
  if (!found) notFound({ id: 'errors.no_such_indicator', defaultMessage: 'There is no such indicator in this campaign.' })
}

const codeTaken = (campaignId: number, code: string, except?: number) =>
  questionsOf(campaignId).some((q) => q.code === code && q.id !== except)

/** Questions written or picked by a person; one may measure an indicator, so they come through the results flow. */
export function addQuestions({ actor, campaignId }: ResultsChange, inputs: NewQuestion[]): Promise<Outcome<null>> {
  return insertQuestions(actor, campaignId, inputs)
}

async function insertQuestions(actor: Actor, campaignId: number, inputs: NewQuestion[]): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const taken = inputs.find((q, i) => codeTaken(campaignId, q.code) || inputs.findIndex((o) => o.code === q.code) !== i)
  if (taken) return { ok: false, fieldErrors: { code: [tr(said.codeTaken, { code: taken.code })] } }
  for (const q of inputs) assertIndicator(campaignId, q.indicatorId)
  db.transaction((tx) => {
    const last = tx.select({ n: sql<number>`coalesce(max(${surveyQuestions.position}), -1)` }).from(surveyQuestions).where(eq(surveyQuestions.campaignId, campaignId)).get()!.n
    inputs.forEach((q, i) => tx.insert(surveyQuestions).values({ ...q, campaignId, position: last + 1 + i }).run())
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.questions-added', entityType: 'campaign', entityId: campaignId, after: inputs.map((q) => q.code) })
  })
  return { ok: true, value: null }
}

export function addStarterQuestions(actor: Actor, campaignId: number, codes: string[]) {
  const chosen = starterQuestions().filter((s) => codes.includes(s.code) && !codeTaken(campaignId, s.code))
  // Suggested questions measure no indicator: they cannot change results.
  return insertQuestions(actor, campaignId, chosen.map(({ topic: _topic, ...q }) => ({ ...q, options: [...q.options], indicatorId: null })))
}

/**
 * What would change the meaning of answers already stored — the code, the
 * type, the desired answer, the options' codes, a narrower range — is refused
 * once a question has answers; wording and the indicator link may change.
 */
function reinterprets(before: StoredQuestion, after: NewQuestion): string | null {
  if (before.answers === 0) return null
  const n = { count: before.answers }
  if (after.code !== before.code) return tr(said.codeFixed, n)
  if (after.type !== before.type) return tr(said.typeFixed, { ...n, type: tr(QUESTION_TYPES.message(before.type)).toLocaleLowerCase() })
  if (after.desired !== before.desired) return tr(said.desiredFixed, n)
  const codes = (q: { options: readonly { code: string }[] }) => q.options.map((o) => o.code).join('|')
  if (codes(after) !== codes(before)) return tr(said.optionsFixed, n)
  if ((after.min ?? -Infinity) > (before.min ?? -Infinity) || (after.max ?? Infinity) < (before.max ?? Infinity)) return tr(said.rangeFixed, n)
  return null
}

/** Rewords a question or changes the indicator it measures (which changes where that indicator's actual comes from). */
export async function updateQuestion({ actor, campaignId }: ResultsChange, questionId: number, input: NewQuestion): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const before = questionOf(campaignId, questionId)
  if (codeTaken(campaignId, input.code, questionId)) return { ok: false, fieldErrors: { code: [tr(said.codeTaken, { code: input.code })] } }
  const refused = reinterprets(before, input)
  if (refused) return { ok: false, formErrors: [refused] }
  assertIndicator(campaignId, input.indicatorId)
  // The form has no field for the scale's words: a Likert question keeps them in the language it was written in, whoever edits it.
  const options = before.type === 'likert' && input.type === 'likert' ? [...before.options] : input.options
  db.transaction((tx) => {
    tx.update(surveyQuestions).set({ ...input, options }).where(eq(surveyQuestions.id, questionId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.question-updated', entityType: 'campaign', entityId: campaignId, before: { code: before.code, text: before.text, type: before.type }, after: input })
  })
  return { ok: true, value: null }
}

export async function removeQuestion({ actor, campaignId }: ResultsChange, questionId: number): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const q = questionOf(campaignId, questionId)
  if (q.answers > 0) return { ok: false, formErrors: [tr(said.hasAnswers, { code: q.code, count: q.answers })] }
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
  if (i < 0) notFound({ id: 'errors.no_such_question', defaultMessage: 'There is no such question in this campaign.' })
  const j = direction === 'up' ? i - 1 : i + 1
  if (j < 0 || j >= list.length) return
  ;[list[i], list[j]] = [list[j]!, list[i]!]
  db.transaction((tx) => list.forEach((q, position) => tx.update(surveyQuestions).set({ position }).where(eq(surveyQuestions.id, q.id)).run()))
}

const said = defineMessages({
  codeTaken: { id: 'surveys.instrument.code_taken', defaultMessage: 'The code {code} is already used by another question' },
  codeFixed: { id: 'surveys.instrument.code_fixed', defaultMessage: 'The code cannot change: {count, plural, one {# answer and its file use it} other {# answers and their files use it}}.' },
  typeFixed: { id: 'surveys.instrument.type_fixed', defaultMessage: 'The type cannot change: {count, plural, one {# answer was} other {# answers were}} given as {type}.' },
  desiredFixed: { id: 'surveys.instrument.desired_fixed', defaultMessage: 'The desired answer cannot change: {count, plural, one {# answer was} other {# answers were}} scored against it.' },
  optionsFixed: { id: 'surveys.instrument.options_fixed', defaultMessage: 'The option codes cannot change: {count, plural, one {# answer uses} other {# answers use}} them (labels may change).' },
  rangeFixed: { id: 'surveys.instrument.range_fixed', defaultMessage: 'The range cannot narrow: {count, plural, one {# answer was} other {# answers were}} given within the old one.' },
  hasAnswers: { id: 'surveys.instrument.has_answers', defaultMessage: '{code} has {count, plural, one {# answer} other {# answers}}; delete the responses first to remove it.' },
})
