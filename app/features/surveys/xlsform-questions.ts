import type { QuestionType } from '../../shared/taxonomy/taxonomy'
import type { QuestionOption } from './answers'
import { suggestMapping } from './columns'
import type { QuestionTranslations } from './translations'
import { asks, formQuestionWords, type FormWords } from './xlsform'

// The questions of an XLSForm as Lantern would ask them: each form question
// the survey lacks, with the type its XLSForm type and choices suggest, its
// words in the form's first language and the others as translations. What
// the form cannot say (which answer is the desired one, a score's range
// where no constraint gives it) is left for a person to choose.

export type FormQuestion = {
  code: string
  text: string
  type: QuestionType
  options: QuestionOption[]
  min: number | null
  max: number | null
  translations: QuestionTranslations
}

/** Why a form question is not offered: a respondent's field, or a type Lantern does not analyse (dates, places, photos…). */
export type NotOffered = { code: string; why: 'field' | 'type' }

const YES_NO = [new Set(['yes', 'no']), new Set(['1', '0']), new Set(['true', 'false'])]
const SCALE = ['1', '2', '3', '4', '5']

/** "`. >= 0 and . <= 10`" → [0, 10]: the bounds a constraint on the answer itself sets, each null where it sets none. */
export function constraintRange(constraint: string): [number | null, number | null] {
  const bound = (ops: string) => new RegExp(`(?:^|[\\s(])\\.\\s*${ops}\\s*(-?\\d+(?:\\.\\d+)?)(?![\\d.])`).exec(constraint)?.[1]
  const [min, max] = [bound('>=?'), bound('<=?')]
  return [min === undefined ? null : Number(min), max === undefined ? null : Number(max)]
}

function typeOf(kind: string, choices: readonly string[]): QuestionType | null {
  const [base] = kind.split(/\s+/)
  if (base === 'select_one') {
    if (YES_NO.some((pair) => choices.length === 2 && choices.every((c) => pair.has(c.toLowerCase())))) return 'binary'
    if (choices.length === 5 && SCALE.every((c) => choices.includes(c))) return 'likert'
    return 'single_choice'
  }
  if (base === 'select_multiple') return 'multiple_choice'
  if (base === 'integer' || base === 'decimal') return 'score'
  if (base === 'text') return 'free_text'
  return null
}

/** The form's questions whose codes the survey lacks, as Lantern questions; and those not offered, with why. */
export function formQuestions(words: FormWords, have: ReadonlySet<string>): { offered: FormQuestion[]; notOffered: NotOffered[] } {
  const offered: FormQuestion[] = []
  const notOffered: NotOffered[] = []
  const { written } = words
  for (const [code, q] of words.questions) {
    if (have.has(code) || !asks(q)) continue
    // The respondent's code, wave, group, sex… are read by the import as fields, not asked as questions.
    const asField = suggestMapping([code], [])[0]
    if (asField !== 'choose') {
      if (asField !== 'drop') notOffered.push({ code, why: 'field' })
      continue
    }
    const choices = (q.list && words.choices.get(q.list)) || new Map<string, Record<string, string>>()
    const type = typeOf(q.type, [...choices.keys()])
    if (!type) {
      notOffered.push({ code, why: 'type' })
      continue
    }
    const options = type === 'binary' ? [] : [...choices].map(([name, labels]) => ({ code: name, label: labels[written] ?? name }))
    const translations = formQuestionWords(words, q, options.map((o) => o.code), words.languages.filter((l) => l !== written))
    const [min, max] = type === 'score' ? constraintRange(q.constraint) : [null, null]
    offered.push({ code, text: q.text[written] ?? Object.values(q.text)[0]!, type, options, min, max, translations })
  }
  return { offered, notOffered }
}
