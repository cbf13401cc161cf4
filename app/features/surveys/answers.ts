import { z } from 'zod'
import type { QuestionType } from '../../shared/taxonomy/taxonomy'
import { defineMessages, tr } from '../../shared/i18n'
import { readYesNo } from './field-values'
import { optionLabelsOf, type QuestionTranslations } from './translations'

// One answer to one question: what a cell of a survey spreadsheet (or a field
// of the data-entry form) may hold, read into the canonical text Lantern
// stores — '1'/'0', '1'…'5', a number, an option code, free text — with the
// common spellings recoded. Empty means no answer.

export type QuestionOption = { code: string; label: string }

export type Question = {
  code: string
  text: string
  type: QuestionType
  /** binary: '1' or '0'; single choice: the correct option's code. Multiple choice stores the chosen codes, space-separated, in option order. */
  desired: string | null
  options: readonly QuestionOption[]
  min: number | null
  max: number | null
  /** Its text and option labels in other languages: a "labels" export in one of them is read too. */
  translations?: QuestionTranslations
}

export const LIKERT_LABELS: readonly QuestionOption[] = [
  { code: '1', label: 'Strongly disagree' },
  { code: '2', label: 'Disagree' },
  { code: '3', label: 'Neither agree nor disagree' },
  { code: '4', label: 'Agree' },
  { code: '5', label: 'Strongly agree' },
]

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ')

const SCALE = defineMessages({
  1: { id: 'surveys.likert.1', defaultMessage: 'Strongly disagree' },
  2: { id: 'surveys.likert.2', defaultMessage: 'Disagree' },
  3: { id: 'surveys.likert.3', defaultMessage: 'Neither agree nor disagree' },
  4: { id: 'surveys.likert.4', defaultMessage: 'Agree' },
  5: { id: 'surveys.likert.5', defaultMessage: 'Strongly agree' },
})

/** The five-point scale worded in the planner's language, as a new question keeps it; imports still read the English words too. */
export const likertScale = (): QuestionOption[] => LIKERT_LABELS.map((l) => ({ code: l.code, label: tr(SCALE[l.code as unknown as keyof typeof SCALE]) }))

const LIKERT = new Map<string, string>([
  ...LIKERT_LABELS.map((l) => [fold(l.label), l.code] as const),
  ['neutral', '3'],
  ['neither', '3'],
  ['agree strongly', '5'],
  ['disagree strongly', '1'],
])

const MAX_TEXT = 2000

const said = defineMessages({
  notBinary: { id: 'surveys.answers.not_binary', defaultMessage: '“{value}” is not a yes/no answer: use 1 or 0, yes or no, true or false' },
  notLikert: { id: 'surveys.answers.not_likert', defaultMessage: '“{value}” is not on the 1–5 scale: use 1 to 5 or “Strongly disagree” … “Strongly agree”' },
  notOption: { id: 'surveys.answers.not_option', defaultMessage: '“{value}” is not one of the options: {options}' },
  notNumber: { id: 'surveys.answers.not_number', defaultMessage: '“{value}” is not a number' },
  outside: { id: 'surveys.answers.outside', defaultMessage: '{n, number} is outside the range {min, number} to {max, number}' },
  tooLong: { id: 'surveys.answers.too_long', defaultMessage: 'The answer is longer than {max, number} characters' },
})

export type AnswerResult = { ok: true; value: string | null } | { ok: false; message: string }

/** A number as written in a spreadsheet: "7.5", or "7,5" from a semicolon-separated file. */
function readNumber(cell: string): number | null {
  const text = /^-?\d+,\d+$/.test(cell) ? cell.replace(',', '.') : cell
  return /^-?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : null
}

/** The option a cell names by its label in any of the question's languages. */
const optionLabelled = (q: Question, cell: string) => q.options.find((o) => optionLabelsOf(q, o).some((label) => fold(label) === fold(cell)))

/** The options whose labels, and nothing else, make up the cell ("Radio Friends or family"), in option order; null if something is left over. */
function chosenByLabel(q: Question, cell: string): string[] | null {
  // One language at a time: a cell is written in one, and a word of one language's label may be all of another's.
  for (const labelled of [q.options, ...Object.values(q.translations ?? {}).map((t) => q.options.map((o) => ({ code: o.code, label: t.options?.[o.code] ?? '' })))]) {
    let rest = ` ${fold(cell)} `
    const chosen = new Set<string>()
    for (const o of [...labelled].filter((x) => x.label).sort((a, b) => b.label.length - a.label.length)) {
      const label = ` ${fold(o.label)} `
      if (rest.includes(label)) {
        chosen.add(o.code)
        rest = rest.replace(label, ' ')
      }
    }
    if (rest.trim() === '' && chosen.size) return q.options.filter((o) => chosen.has(o.code)).map((o) => o.code)
  }
  return null
}

export function readAnswer(q: Question, raw: string): AnswerResult {
  const cell = raw.trim()
  if (cell === '') return { ok: true, value: null }
  const shown = cell.length > 40 ? `${cell.slice(0, 40)}…` : cell
  switch (q.type) {
    case 'binary': {
      const value = readYesNo(cell)
      return value ? { ok: true, value } : { ok: false, message: tr(said.notBinary, { value: shown }) }
    }
    case 'likert': {
      const value = /^[1-5]$/.test(cell) ? cell : (optionLabelled(q, cell)?.code ?? LIKERT.get(fold(cell)))
      return value ? { ok: true, value } : { ok: false, message: tr(said.notLikert, { value: shown }) }
    }
    case 'single_choice': {
      const option = q.options.find((o) => o.code === cell) ?? q.options.find((o) => fold(o.code) === fold(cell)) ?? optionLabelled(q, cell)
      return option
        ? { ok: true, value: option.code }
        : { ok: false, message: tr(said.notOption, { value: shown, options: q.options.map((o) => o.code).join(', ') }) }
    }
    case 'multiple_choice': {
      // As KoboToolbox and ODK write it: the chosen options' codes, separated by spaces (commas and semicolons are read too).
      const given = cell.split(/[\s,;]+/).filter(Boolean)
      const unknown = given.filter((g) => !q.options.some((o) => fold(o.code) === fold(g)))
      if (unknown.length === 0) return { ok: true, value: q.options.filter((o) => given.some((g) => fold(g) === fold(o.code))).map((o) => o.code).join(' ') }
      // A "labels" export lists the labels instead, themselves of several words: find each, longest first.
      const byLabel = chosenByLabel(q, cell)
      if (byLabel) return { ok: true, value: byLabel.join(' ') }
      return { ok: false, message: tr(said.notOption, { value: unknown[0]!.slice(0, 40), options: q.options.map((o) => o.code).join(', ') }) }
    }
    case 'score': {
      const n = readNumber(cell)
      if (n === null) return { ok: false, message: tr(said.notNumber, { value: shown }) }
      if ((q.min !== null && n < q.min) || (q.max !== null && n > q.max)) return { ok: false, message: tr(said.outside, { n, min: q.min, max: q.max }) }
      return { ok: true, value: String(n) }
    }
    case 'free_text':
      return cell.length > MAX_TEXT ? { ok: false, message: tr(said.tooLong, { max: MAX_TEXT }) } : { ok: true, value: cell }
  }
}

/** A zod field for one question: a cell in, the canonical answer (or null) out, the reason as the issue. */
export function answerField(q: Question) {
  return z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const result = readAnswer(q, raw)
      if (!result.ok) {
        ctx.addIssue({ code: 'custom', message: result.message })
        return z.NEVER
      }
      return result.value
    })
}

/** The options a stored multiple-choice answer chose. */
export const chosenOptions = (stored: string) => stored.split(' ').filter(Boolean)

/** "heard_from/radio": the name of one option of a multiple-choice question, as Kobo names its 0/1 column and the analysis its yes/no item. */
export const optionItem = (code: string, option: string) => `${code}/${option}`
