import { z } from 'zod'
import { LIKERT_LABELS } from './answers'
import { QUESTION_TYPES, SAMPLINGS, WAVE_DESIGNS, WAVE_GROUPS, WAVE_KINDS } from '../../shared/taxonomy/taxonomy'
import { idField } from '../../shared/ui/fields'

// The surveys page's forms: a question of the instrument, a wave.

const optionalNumber = (label: string) =>
  z.coerce.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be a number`).optional()

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

export const questionSchema = z
  .object({
    code: z
      .string({ error: 'Enter a code' })
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/, 'The code must start with a letter and use only a–z, 0–9 and _ (40 at most), like knows_hotline'),
    text: z.string({ error: 'Enter the question' }).trim().min(3, 'Enter the question as respondents hear it').max(500, 'The question must be 500 characters or fewer'),
    type: z.enum(QUESTION_TYPES.codes, { error: 'Choose the type of answer' }),
    desired: z.string().trim().max(40).optional(),
    options: z.string().max(4000, 'The options must be 4,000 characters or fewer').optional(),
    min: optionalNumber('The lowest score'),
    max: optionalNumber('The highest score'),
    indicatorId: idField.optional(),
  })
  .superRefine((q, ctx) => {
    const options = readOptions(q.options ?? '')
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    if (q.type === 'binary' && q.desired !== '1' && q.desired !== '0') issue('desired', 'Choose the desired answer: yes (1) or no (0)')
    if (q.type === 'single_choice' || q.type === 'multiple_choice') {
      if (options.length < 2) issue('options', 'Give at least two options, one per line, like “hotline = Call the hotline”')
      else if (options.some((o) => !/^[a-z0-9_]{1,40}$/.test(o.code) || !o.label)) issue('options', 'Each option needs a code (a–z, 0–9, _) and a label, like “hotline = Call the hotline”')
      else if (new Set(options.map((o) => o.code)).size < options.length) issue('options', 'Two options have the same code')
      else if (q.type === 'single_choice' && !options.some((o) => o.code === q.desired)) issue('desired', 'Write the code of the correct option')
    }
    // Each option is its own yes/no item: no one figure for the question to give an indicator.
    if (q.type === 'multiple_choice' && q.indicatorId !== undefined) issue('indicatorId', 'A multiple-choice question cannot measure an indicator: ask a yes/no question for it')
    if (q.type === 'score') {
      if (q.min === undefined) issue('min', 'Enter the lowest possible score')
      if (q.max === undefined) issue('max', 'Enter the highest possible score')
      if (q.min !== undefined && q.max !== undefined && q.min >= q.max) issue('max', 'The highest score must be above the lowest')
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
    options: q.type === 'single_choice' || q.type === 'multiple_choice' ? readOptions(q.options ?? '') : q.type === 'likert' ? [...LIKERT_LABELS] : [],
    min: q.type === 'score' ? (q.min ?? null) : null,
    max: q.type === 'score' ? (q.max ?? null) : null,
    indicatorId: q.indicatorId ?? null,
  }
}
export type QuestionInput = ReturnType<typeof questionInput>

const blank = (v: unknown) => (v === '' ? undefined : v)

/** How a wave's respondents were drawn, and the design effect its size was planned with. */
const samplingFields = {
  sampling: z.preprocess(blank, z.enum(SAMPLINGS.codes, { error: 'Choose how the respondents were drawn' }).optional()),
  clusterUnit: z.string().trim().max(40, 'Name the clusters in 40 characters or fewer, like “village”').optional(),
  designEffect: z.preprocess(
    blank,
    z.coerce.number({ error: 'Enter the design effect as a number, like 1.8' }).min(1, 'The design effect is at least 1 (a simple random sample)').max(10, 'The design effect must be at most 10').optional(),
  ),
}

const samplingRules = <T extends { sampling?: string; designEffect?: number; clusterUnit?: string }>(schema: z.ZodType<T>) =>
  schema
    .refine((w) => !(w.sampling === 'simple_random' && (w.designEffect ?? 1) !== 1), { path: ['designEffect'], message: 'A simple random sample has a design effect of 1' })
    .refine((w) => !w.clusterUnit || w.sampling === 'cluster' || w.sampling === 'stratified_cluster', { path: ['clusterUnit'], message: 'Only a cluster sample has clusters: choose a cluster sample, or leave this empty' })

export const samplingSchema = samplingRules(z.object(samplingFields))
export type SamplingInput = z.output<typeof samplingSchema>

export const waveSchema = samplingRules(z
  .object({
    kind: z.enum(WAVE_KINDS.codes, { error: 'Choose baseline, endline or follow-up' }),
    group: z.enum(WAVE_GROUPS.codes, { error: 'Choose the campaign or the comparison group' }),
    design: z.enum(WAVE_DESIGNS.codes, { error: 'Choose panel or cross-section' }),
    startDate: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date({ error: 'Enter a date like 2026-04-01' }).optional()),
    endDate: z.preprocess((v) => (v === '' ? undefined : v), z.iso.date({ error: 'Enter a date like 2026-04-30' }).optional()),
    targetSize: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number({ error: 'Enter a whole number' }).int('Enter a whole number').min(1, 'Enter at least 1').max(1_000_000, 'Enter 1,000,000 or fewer').optional()),
    samplingNotes: z.string().trim().max(2000, 'The notes must be 2,000 characters or fewer').default(''),
    ...samplingFields,
  })
  .refine((w) => !w.startDate || !w.endDate || w.startDate <= w.endDate, { path: ['endDate'], message: 'The wave must end on or after the day it starts' }))
export type WaveInput = z.output<typeof waveSchema>
