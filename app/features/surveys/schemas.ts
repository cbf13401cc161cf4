import { z } from 'zod'
import { LIKERT_LABELS, likertScale } from './answers'
import { QUESTION_TYPES, SAMPLINGS, WAVE_DESIGNS, WAVE_GROUPS, WAVE_KINDS } from '../../shared/taxonomy/taxonomy'
import { idField } from '../../shared/ui/fields'
import { defineMessages, lazy, LOCALES, tr, type Locale } from '../../shared/i18n'
import { readLabelLines, type QuestionTranslations } from './translations'

// The surveys page's forms: a question of the instrument, a wave.

const NOT_A_NUMBER = defineMessages({
  min: { id: 'surveys.schemas.lowest_not_a_number', defaultMessage: 'The lowest score must be a number' },
  max: { id: 'surveys.schemas.highest_not_a_number', defaultMessage: 'The highest score must be a number' },
})
const optionalNumber = (field: keyof typeof NOT_A_NUMBER) =>
  z.coerce.number({ error: lazy(NOT_A_NUMBER[field]) }).refine(Number.isFinite, { error: lazy(NOT_A_NUMBER[field]) }).optional()

/** "code = label" per line; a line with no "=" uses its words as both. */
function readOptions(text: string) {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [code, ...label] = line.includes('=') ? line.split('=') : [line.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, ''), line]
      return { code: code!.trim(), label: label.join('=').trim() }
    })
}

type WordsField = `text_${Locale}` | `options_${Locale}`
/** A question's words in each of Lantern's languages: its text, and its options' labels as "code = label" lines. */
const wordsFields = Object.fromEntries(
  LOCALES.flatMap((l) => [
    [`text_${l}`, z.string().trim().max(500, { error: lazy({ id: 'surveys.schemas.translated_text_too_long', defaultMessage: 'The question must be 500 characters or fewer' }) }).optional()],
    [`options_${l}`, z.string().max(4000, { error: lazy({ id: 'surveys.schemas.translated_options_too_long', defaultMessage: 'The options must be 4,000 characters or fewer' }) }).optional()],
  ]),
) as Record<WordsField, z.ZodOptional<z.ZodString>>

export const questionSchema = z
  .object({
    ...wordsFields,
    code: z
      .string({ error: lazy({ id: 'surveys.schemas.enter_a_code', defaultMessage: 'Enter a code' }) })
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: lazy({ id: 'surveys.schemas.the_code_must_start_with_a', defaultMessage: 'The code must start with a letter and use only a–z, 0–9 and _ (40 at most), like knows_hotline' }) }),
    text: z.string({ error: lazy({ id: 'surveys.schemas.enter_the_question', defaultMessage: 'Enter the question' }) }).trim().min(3, { error: lazy({ id: 'surveys.schemas.enter_the_question_as_respondents_hear', defaultMessage: 'Enter the question as respondents hear it' }) }).max(500, { error: lazy({ id: 'surveys.schemas.the_question_must_be_500_characters', defaultMessage: 'The question must be 500 characters or fewer' }) }),
    type: z.enum(QUESTION_TYPES.codes, { error: lazy({ id: 'surveys.schemas.choose_the_type_of_answer', defaultMessage: 'Choose the type of answer' }) }),
    desired: z.string().trim().max(40).optional(),
    options: z.string().max(4000, { error: lazy({ id: 'surveys.schemas.the_options_must_be_4_000', defaultMessage: 'The options must be 4,000 characters or fewer' }) }).optional(),
    min: optionalNumber('min'),
    max: optionalNumber('max'),
    indicatorId: idField.optional(),
  })
  .superRefine((q, ctx) => {
    const options = readOptions(q.options ?? '')
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (q.type === 'binary' && q.desired !== '1' && q.desired !== '0') issue('desired', tr({ id: 'surveys.schemas.choose_the_desired_answer_yes_1', defaultMessage: 'Choose the desired answer: yes (1) or no (0)' }))
    if (q.type === 'single_choice' || q.type === 'multiple_choice') {
      if (options.length < 2) issue('options', tr({ id: 'surveys.schemas.give_at_least_two_options_one', defaultMessage: 'Give at least two options, one per line, like “hotline = Call the hotline”' }))
      else if (options.some((o) => !/^[a-z0-9_]{1,40}$/.test(o.code) || !o.label)) issue('options', tr({ id: 'surveys.schemas.each_option_needs_a_code_a', defaultMessage: 'Each option needs a code (a–z, 0–9, _) and a label, like “hotline = Call the hotline”' }))
      else if (new Set(options.map((o) => o.code)).size < options.length) issue('options', tr({ id: 'surveys.schemas.two_options_have_the_same_code', defaultMessage: 'Two options have the same code' }))
      else if (q.type === 'single_choice' && !options.some((o) => o.code === q.desired)) issue('desired', tr({ id: 'surveys.schemas.write_the_code_of_the_correct', defaultMessage: 'Write the code of the correct option' }))
    }
    // Each option is its own yes/no item: no one figure for the question to give an indicator.
    if (q.type === 'multiple_choice' && q.indicatorId !== undefined) issue('indicatorId', tr({ id: 'surveys.schemas.a_multiple_choice_question_cannot_measure', defaultMessage: 'A multiple-choice question cannot measure an indicator: ask a yes/no question for it' }))
    for (const l of LOCALES) {
      // A five-point scale's options are its points, 1 to 5, though the form has no options field for them.
      const codes = q.type === 'likert' ? LIKERT_LABELS.map((o) => o.code) : options.map((o) => o.code)
      const unknown = Object.keys(readLabelLines(q[`options_${l}`] ?? '')).filter((code) => !codes.includes(code))
      if (unknown.length) issue(`options_${l}`, tr({ id: 'surveys.schemas.translated_unknown_option', defaultMessage: '{codes} {count, plural, one {is not an option code} other {are not option codes}} of this question: write the codes as in the options above' }, { codes: unknown.join(', '), count: unknown.length }))
    }
    if (q.type === 'score') {
      if (q.min === undefined) issue('min', tr({ id: 'surveys.schemas.enter_the_lowest_possible_score', defaultMessage: 'Enter the lowest possible score' }))
      if (q.max === undefined) issue('max', tr({ id: 'surveys.schemas.enter_the_highest_possible_score', defaultMessage: 'Enter the highest possible score' }))
      if (q.min !== undefined && q.max !== undefined && q.min >= q.max) issue('max', tr({ id: 'surveys.schemas.the_highest_score_must_be_above', defaultMessage: 'The highest score must be above the lowest' }))
    }
  })

/** A valid form as the question to store: options read, fields that do not apply to the type cleared. */
export function questionInput(q: z.output<typeof questionSchema>) {
  const scored = q.type === 'binary' || q.type === 'single_choice'
  return {
    code: q.code,
    text: q.text,
    type: q.type,
    desired: scored ? (q.desired ?? null) : null,
    options: q.type === 'single_choice' || q.type === 'multiple_choice' ? readOptions(q.options ?? '') : q.type === 'likert' ? likertScale() : [],
    min: q.type === 'score' ? (q.min ?? null) : null,
    max: q.type === 'score' ? (q.max ?? null) : null,
    indicatorId: q.indicatorId ?? null,
    translations: wordsOf(q),
  }
}

function wordsOf(q: Partial<Record<WordsField, string>>): QuestionTranslations {
  const words: QuestionTranslations = {}
  for (const l of LOCALES) {
    const text = q[`text_${l}`]?.trim()
    const options = readLabelLines(q[`options_${l}`] ?? '')
    if (text || Object.keys(options).length) words[l] = { ...(text ? { text } : {}), ...(Object.keys(options).length ? { options } : {}) }
  }
  return words
}
export type QuestionInput = ReturnType<typeof questionInput>

const blank = (v: unknown) => (v === '' ? undefined : v)

/** How a wave's respondents were drawn, and the design effect its size was planned with. */
const samplingFields = {
  sampling: z.preprocess(blank, z.enum(SAMPLINGS.codes, { error: lazy({ id: 'surveys.schemas.choose_how_the_respondents_were_drawn', defaultMessage: 'Choose how the respondents were drawn' }) }).optional()),
  clusterUnit: z.string().trim().max(40, { error: lazy({ id: 'surveys.schemas.name_the_clusters_in_40_characters', defaultMessage: 'Name the clusters in 40 characters or fewer, like “village”' }) }).optional(),
  designEffect: z.preprocess(
    blank,
    z.coerce.number({ error: lazy({ id: 'surveys.schemas.enter_the_design_effect_as_a', defaultMessage: 'Enter the design effect as a number, like 1.8' }) }).min(1, { error: lazy({ id: 'surveys.schemas.the_design_effect_is_at_least', defaultMessage: 'The design effect is at least 1 (a simple random sample)' }) }).max(10, { error: lazy({ id: 'surveys.schemas.the_design_effect_must_be_at', defaultMessage: 'The design effect must be at most 10' }) }).optional(),
  ),
}

const samplingRules = <T extends { sampling?: string; designEffect?: number; clusterUnit?: string }>(schema: z.ZodType<T>) =>
  schema
    .refine((w) => !(w.sampling === 'simple_random' && (w.designEffect ?? 1) !== 1), { path: ['designEffect'], error: lazy({ id: 'surveys.schemas.a_simple_random_sample_has_a', defaultMessage: 'A simple random sample has a design effect of 1' }) })
    .refine((w) => !w.clusterUnit || w.sampling === 'cluster' || w.sampling === 'stratified_cluster', { path: ['clusterUnit'], error: lazy({ id: 'surveys.schemas.only_a_cluster_sample_has_clusters', defaultMessage: 'Only a cluster sample has clusters: choose a cluster sample, or leave this empty' }) })

export const samplingSchema = samplingRules(z.object(samplingFields))
export type SamplingInput = z.output<typeof samplingSchema>

export const waveSchema = samplingRules(z
  .object({
    kind: z.enum(WAVE_KINDS.codes, { error: lazy({ id: 'surveys.schemas.choose_baseline_endline_or_follow_up', defaultMessage: 'Choose baseline, endline or follow-up' }) }),
    group: z.enum(WAVE_GROUPS.codes, { error: lazy({ id: 'surveys.schemas.choose_the_campaign_or_the_comparison', defaultMessage: 'Choose the campaign or the comparison group' }) }),
    design: z.enum(WAVE_DESIGNS.codes, { error: lazy({ id: 'surveys.schemas.choose_panel_or_cross_section', defaultMessage: 'Choose panel or cross-section' }) }),
    startDate: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date({ error: lazy({ id: 'surveys.schemas.enter_a_date_like_2026_04', defaultMessage: 'Enter a date like 2026-04-01' }) }).optional()),
    endDate: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date({ error: lazy({ id: 'surveys.schemas.enter_a_date_like_2026_04_2', defaultMessage: 'Enter a date like 2026-04-30' }) }).optional()),
    targetSize: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: lazy({ id: 'surveys.schemas.enter_a_whole_number', defaultMessage: 'Enter a whole number' }) }).int({ error: lazy({ id: 'surveys.schemas.enter_a_whole_number', defaultMessage: 'Enter a whole number' }) }).min(1, { error: lazy({ id: 'surveys.schemas.enter_at_least_1', defaultMessage: 'Enter at least 1' }) }).max(1_000_000, { error: lazy({ id: 'surveys.schemas.enter_1_000_000_or_fewer', defaultMessage: 'Enter 1,000,000 or fewer' }) }).optional()),
    samplingNotes: z.string().trim().max(2000, { error: lazy({ id: 'surveys.schemas.the_notes_must_be_2_000', defaultMessage: 'The notes must be 2,000 characters or fewer' }) }).default(''),
    ...samplingFields,
  })
  .refine((w) => !w.startDate || !w.endDate || w.startDate <= w.endDate, { path: ['endDate'], error: lazy({ id: 'surveys.schemas.the_wave_must_end_on_or', defaultMessage: 'The wave must end on or after the day it starts' }) }))
export type WaveInput = z.output<typeof waveSchema>
