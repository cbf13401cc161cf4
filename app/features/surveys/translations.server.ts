import { and, eq } from 'drizzle-orm'
import { surveyQuestions } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import type { Outcome } from '../../shared/outcome'
import { recordAudit } from '../../shared/audit.server'
import { db } from '../../shared/db.server'
import { readSheets } from '../../shared/csv/xlsx.server'
import { defineMessages, tr } from '../../shared/i18n'
import { assertEditable } from '../campaigns/index.server'
import { questionsOf } from './store.server'
import type { QuestionTranslations } from './translations'
import { formWords, matchQuestions, type FormWords, type Read } from './xlsform'
import { formQuestions, type FormQuestion, type NotOffered } from './xlsform-questions'

const said = defineMessages({
  noneOffered: {
    id: 'surveys.form_questions.none_offered',
    defaultMessage: 'The form asks nothing this survey does not have already: every question with an answer Lantern analyses has its code here.',
  },
  noneMatch: {
    id: 'surveys.translations.none_match',
    defaultMessage: 'None of the form’s questions has the code of a question in this survey. A question’s “name” in the form must be its code here, like {example}.',
  },
})

export type ImportedWords = { questions: number; languages: string[]; unmatched: string[] }

/** An XLSForm workbook's labels in every language, and its questions and choices. */
async function readXlsForm(workbook: Uint8Array): Promise<Read<FormWords>> {
  const read = await readSheets(workbook, ['survey', 'choices', 'settings'])
  if (!read.ok) return read
  return formWords(read.sheets.survey ?? null, read.sheets.choices ?? null, read.sheets.settings ?? null)
}

export type FormOffer = { offered: FormQuestion[]; notOffered: NotOffered[]; languages: string[]; written: string }

/** The questions an XLSForm asks that the survey lacks, as Lantern would ask them, for a person to choose from. Nothing is stored. */
export async function offerFormQuestions(actor: Actor, campaignId: number, workbook: Uint8Array): Promise<Outcome<FormOffer>> {
  assertEditable(actor, campaignId)
  const words = await readXlsForm(workbook)
  if (!words.ok) return { ok: false, formErrors: [words.message] }
  const have = new Set(questionsOf(campaignId, false).map((q) => q.code))
  const { offered, notOffered } = formQuestions(words.value, have)
  if (!offered.length) return { ok: false, formErrors: [tr(said.noneOffered)] }
  return { ok: true, value: { offered, notOffered, languages: words.value.languages, written: words.value.written } }
}

/**
 * Takes each question's words in every language an XLSForm has (its
 * label::Language (code) columns), for the survey's questions whose code is
 * the form question's name. All or nothing; the languages the form has
 * replace what was stored for them, others stay.
 */
export async function importFormWords(actor: Actor, campaignId: number, workbook: Uint8Array): Promise<Outcome<ImportedWords>> {
  const access = assertEditable(actor, campaignId)
  const words = await readXlsForm(workbook)
  if (!words.ok) return { ok: false, formErrors: [words.message] }
  const questions = questionsOf(campaignId, false)
  const matched = matchQuestions(words.value, questions)
  if (!matched.size) return { ok: false, formErrors: [tr(said.noneMatch, { example: questions[0]?.code ?? 'knows_hotline' })] }
  db.transaction((tx) => {
    for (const q of questions) {
      const form = matched.get(q.code)
      if (!form) continue
      const translations: QuestionTranslations = { ...q.translations, ...form }
      tx.update(surveyQuestions).set({ translations }).where(eq(surveyQuestions.id, q.id)).run()
    }
    recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: access.organisationId,
      action: 'survey.translations-imported',
      entityType: 'campaign',
      entityId: campaignId,
      after: { languages: words.value.languages, questions: [...matched.keys()] },
    })
  })
  // The form's other questions, as the questions-from-the-form page would offer them.
  const unmatched = formQuestions(words.value, new Set(questions.map((q) => q.code))).offered.map((q) => q.code)
  return { ok: true, value: { questions: matched.size, languages: words.value.languages, unmatched } }
}

/** Sets one question's words in other languages, as the question form gives them. */
export function setQuestionWords(actor: Actor, campaignId: number, questionId: number, translations: QuestionTranslations) {
  const access = assertEditable(actor, campaignId)
  db.transaction((tx) => {
    const done = tx.update(surveyQuestions).set({ translations }).where(and(eq(surveyQuestions.id, questionId), eq(surveyQuestions.campaignId, campaignId))).run()
    if (done.changes) recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.translations-updated', entityType: 'campaign', entityId: campaignId, after: { questionId, languages: Object.keys(translations) } })
  })
}
