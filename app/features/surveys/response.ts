import { readAnswer, type Question } from './answers'
import { SAMPLE_FIELDS } from './columns'
import { readSex, readWeight } from './field-values'
import type { FieldErrors } from '../../shared/outcome'
import type { Sampling } from '../../shared/taxonomy/taxonomy'
import { defineMessages, tr } from '../../shared/i18n'
import { FIELD_WORDS } from './field-words'

// One response typed in from a paper questionnaire: the same rules as a row
// of an imported file, each problem named by its field.

export type ResponseInput = {
  respondentCode: string
  sex: 'female' | 'male' | 'other' | null
  ageBand: string | null
  locality: string | null
  /** Where the respondent was drawn from, for a wave sampled in clusters, strata or with weights. */
  cluster: string | null
  stratum: string | null
  weight: number | null
  /** Question code → canonical answer; unanswered questions are absent. */
  answers: Record<string, string>
}

/** The form field of a question's answer. */
export const answerFieldName = (code: string) => `q_${code}`
/** The checkbox of one option of a multiple-choice question. */
export const optionFieldName = (code: string, option: string) => `q_${code}.${option}`

/** The sample fields a wave's design asks of each response it holds. */
export const sampleFieldsOf = (sampling: Sampling | null) => (sampling ? [...SAMPLE_FIELDS[sampling].needs, ...SAMPLE_FIELDS[sampling].may] : [])

export function readResponseForm(
  questions: readonly Question[],
  form: Record<string, string | undefined>,
  sampling: Sampling | null = null,
): { ok: true; value: ResponseInput } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const text = (name: string) => (form[name] ?? '').trim()
  const respondentCode = text('respondentCode')
  if (!respondentCode) errors.respondentCode = [tr(said.enterCode)]
  else if (respondentCode.length > 64) errors.respondentCode = [tr(FIELD_WORDS.codeTooLong)]
  const sex = text('sex') ? readSex(text('sex')) : null
  if (text('sex') && !sex) errors.sex = [tr(said.chooseSex)]
  const ageBand = text('ageBand') || null
  if (ageBand && ageBand.length > 20) errors.ageBand = [tr(FIELD_WORDS.ageBandTooLong)]
  const locality = text('locality') || null
  if (locality && locality.length > 100) errors.locality = [tr(FIELD_WORDS.localityTooLong)]
  const needs: readonly string[] = sampling ? SAMPLE_FIELDS[sampling].needs : []
  const asked = sampleFieldsOf(sampling)
  const sample = { cluster: null as string | null, stratum: null as string | null, weight: null as number | null }
  for (const field of ['cluster', 'stratum'] as const) {
    const value = asked.includes(field) ? text(field) : ''
    if (!value && needs.includes(field)) errors[field] = [tr(said.enterSampleCell, { target: field })]
    else if (value.length > 100) errors[field] = [tr(FIELD_WORDS.sampleCellTooLong, { target: field })]
    else sample[field] = value || null
  }
  const weightText = asked.includes('weight') ? text('weight') : ''
  sample.weight = weightText ? readWeight(weightText) : null
  if (weightText && sample.weight === null) errors.weight = [tr(FIELD_WORDS.notWeight, { value: weightText })]
  else if (!weightText && needs.includes('weight')) errors.weight = [tr(said.enterWeight)]
  const answers: Record<string, string> = {}
  for (const q of questions) {
    // A multiple-choice question is one checkbox per option.
    const raw = q.type === 'multiple_choice' ? q.options.filter((o) => text(optionFieldName(q.code, o.code))).map((o) => o.code).join(' ') : text(answerFieldName(q.code))
    const result = readAnswer(q, raw)
    if (!result.ok) errors[answerFieldName(q.code)] = [result.message]
    else if (result.value !== null) answers[q.code] = result.value
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, value: { respondentCode, sex, ageBand, locality, ...sample, answers } }
}

const said = defineMessages({
  enterCode: { id: 'surveys.response.enter_code', defaultMessage: 'Enter the respondent code written on the questionnaire' },
  chooseSex: { id: 'surveys.response.choose_sex', defaultMessage: 'Choose female, male or another answer, or leave it empty' },
  enterSampleCell: {
    id: 'surveys.response.enter_sample_cell',
    defaultMessage: '{target, select, cluster {Enter the cluster this respondent was drawn in: the wave is a cluster sample} other {Enter the stratum this respondent was drawn in: the wave is a stratified sample}}',
  },
  enterWeight: { id: 'surveys.response.enter_weight', defaultMessage: 'Enter the respondent’s sampling weight: the wave is a weighted sample' },
})
