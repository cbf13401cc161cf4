import { labelLines } from './translations'
import type { FormQuestion } from './xlsform-questions'

// An XLSForm's offered questions on the page that adds them: the names of
// each one's fields, and what travels hidden. Kept apart from the reading of
// the form (xlsform-questions-form.ts), which needs zod, so the page loads none.

/** One offered question as the page shows it: what the form says, and what the person chose. */
export type FormQuestionRow = Omit<FormQuestion, 'min' | 'max'> & { add: boolean; desired: string; min: string; max: string }

export const rowField = (i: number, field: string) => `q${i}_${field}`

/** The fields that carry one offered question, as hidden inputs, besides those the person may change (its code, the desired answer, a score's range). */
export function carriedFields(q: Pick<FormQuestion, 'text' | 'type' | 'options' | 'translations'>, i: number): [string, string][] {
  return [
    [rowField(i, 'text'), q.text],
    [rowField(i, 'type'), q.type],
    [rowField(i, 'options'), labelLines(Object.fromEntries(q.options.map((o) => [o.code, o.label])), q.options)],
    [rowField(i, 'words'), JSON.stringify(q.translations)],
  ]
}

export const asRow = (q: FormQuestion): FormQuestionRow => ({ ...q, add: true, desired: '', min: q.min === null ? '' : String(q.min), max: q.max === null ? '' : String(q.max) })

