import { readAnswer, type Question } from './answers'
import { readSex } from './columns'
import type { FieldErrors } from '../../shared/outcome'

// One response typed in from a paper questionnaire: the same rules as a row
// of an imported file, each problem named by its field.

export type ResponseInput = {
  respondentCode: string
  sex: 'female' | 'male' | 'other' | null
  ageBand: string | null
  locality: string | null
  /** Question code → canonical answer; unanswered questions are absent. */
  answers: Record<string, string>
}

/** The form field of a question's answer. */
export const answerFieldName = (code: string) => `q_${code}`

export function readResponseForm(questions: readonly Question[], form: Record<string, string | undefined>): { ok: true; value: ResponseInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const text = (name: string) => (form[name] ?? '').trim()
  const respondentCode = text('respondentCode')
  if (!respondentCode) errors.respondentCode = ['Enter the respondent code written on the questionnaire']
  else if (respondentCode.length > 64) errors.respondentCode = ['The respondent code must be 64 characters or fewer']
  const sex = text('sex') ? readSex(text('sex')) : null
  if (text('sex') && !sex) errors.sex = ['Choose female, male or another answer, or leave it empty']
  const ageBand = text('ageBand') || null
  if (ageBand && ageBand.length > 20) errors.ageBand = ['The age band must be 20 characters or fewer, like 18–24']
  const locality = text('locality') || null
  if (locality && locality.length > 100) errors.locality = ['The locality must be 100 characters or fewer']
  const answers: Record<string, string> = {}
  for (const q of questions) {
    const result = readAnswer(q, text(answerFieldName(q.code)))
    if (!result.ok) errors[answerFieldName(q.code)] = [result.message]
    else if (result.value !== null) answers[q.code] = result.value
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, value: { respondentCode, sex, ageBand, locality, answers } }
}
