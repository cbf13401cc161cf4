import { z } from 'zod'
import { QUESTION_TYPES } from '../../shared/taxonomy/taxonomy'
import { defineMessages, tr } from '../../shared/i18n'
import { questionInput, questionSchema, type QuestionInput } from './schemas'
import { readLabelLines, type QuestionTranslations } from './translations'
import { rowField, type FormQuestionRow } from './form-question-rows'
import type { NotOffered } from './xlsform-questions'

// The form that adds an XLSForm's questions: every question the form offers
// travels in the page's own fields (so nothing is lost when one is refused,
// and the file need not be kept), the person ticks those to add and chooses
// what the form cannot say. Each ticked question is checked as the question
// form checks one.

const MAX_ROWS = 500

const wordsSchema = z.record(
  z.string().regex(/^[a-z]{2,3}$/),
  z.object({ text: z.string().max(500).optional(), options: z.record(z.string(), z.string().max(500)).optional() }),
)

// What the page carries besides the questions: the form's language and what it did not offer.
const writtenSchema = z.string().regex(/^[a-z]{2,3}$/)
const notOfferedSchema = z.array(z.object({ code: z.string().max(200), why: z.enum(['field', 'type']) })).max(MAX_ROWS)

/** A hidden field's JSON, as the page wrote it; null when it is not (a damaged or hand-made page). */
function readJson<T>(schema: z.ZodType<T>, text: string): T | null {
  try {
    const read = schema.safeParse(JSON.parse(text))
    return read.success ? read.data : null
  } catch {
    return null
  }
}

const said = defineMessages({
  noneTicked: { id: 'surveys.form_questions.none_ticked', defaultMessage: 'Tick at least one question to add.' },
  damaged: { id: 'surveys.form_questions.damaged', defaultMessage: 'The page’s copy of the form could not be read. Upload the form again.' },
})

/** The page's offer as it came back: the questions with the person's choices, the form's language, what it did not offer. */
export type OfferBack = { rows: FormQuestionRow[]; written: string; notOffered: NotOffered[] }

export type ReadRows = OfferBack & ({ ok: true; inputs: QuestionInput[] } | { ok: false; fieldErrors: Record<string, string[]>; formErrors: string[] })

/** The offered questions back from the page, and the ticked ones as questions to add; or, for each refused one, why, at its field. */
export function readFormQuestions(form: FormData): ReadRows {
  const text = (name: string) => {
    const v = form.get(name)
    return typeof v === 'string' ? v : ''
  }
  const ticked = new Set(form.getAll('add').map(String))
  const rows: FormQuestionRow[] = []
  const fieldErrors: Record<string, string[]> = {}
  const inputs: QuestionInput[] = []
  let damaged = false
  for (let i = 0; i < MAX_ROWS && form.has(rowField(i, 'code')); i++) {
    const field = (name: string) => text(rowField(i, name))
    const type = QUESTION_TYPES.codes.find((c) => c === field('type'))
    const translations: QuestionTranslations | null = readJson(wordsSchema, field('words') || '{}')
    if (!type || !translations) {
      damaged = true
      continue
    }
    const options = Object.entries(readLabelLines(field('options'))).map(([code, label]) => ({ code, label }))
    const row: FormQuestionRow = { code: field('code'), text: field('text'), type, options, min: field('min'), max: field('max'), desired: field('desired'), translations, add: ticked.has(String(i)) }
    rows.push(row)
    if (!row.add) continue
    const checked = questionSchema.safeParse({ code: row.code, text: row.text, type, desired: row.desired || undefined, options: field('options'), min: row.min || undefined, max: row.max || undefined })
    if (!checked.success) {
      for (const issue of checked.error.issues) (fieldErrors[rowField(i, String(issue.path[0] ?? 'code'))] ??= []).push(issue.message)
      continue
    }
    // A five-point scale keeps the form's words for its points.
    const input = questionInput(checked.data)
    inputs.push({ ...input, options: type === 'likert' && options.length === 5 ? options : input.options, translations })
  }
  const written = writtenSchema.safeParse(text('written'))
  const notOffered = readJson(notOfferedSchema, text('not_offered') || '[]')
  const offer: OfferBack = { rows, written: written.success ? written.data : 'und', notOffered: notOffered ?? [] }
  if (damaged || !written.success || !notOffered) return { ...offer, ok: false, fieldErrors, formErrors: [tr(said.damaged)] }
  if (Object.keys(fieldErrors).length) return { ...offer, ok: false, fieldErrors, formErrors: [] }
  if (!inputs.length) return { ...offer, ok: false, fieldErrors, formErrors: [tr(said.noneTicked)] }
  return { ...offer, ok: true, inputs }
}
