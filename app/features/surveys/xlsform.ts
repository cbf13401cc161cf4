import ISO6391 from 'iso-639-1'
import { defineMessages, tr } from '../../shared/i18n'
import type { QuestionOption } from './answers'
import type { QuestionTranslations } from './translations'

// The labels of an XLSForm (the form KoboToolbox and ODK build from), in every
// language it has: "label::Ukrainian (uk)" on the survey sheet for the
// questions, on the choices sheet for the options. A form's question `name`
// is Lantern's question code and a choice's `name` its option code, so the
// words land on the questions they belong to and nothing else changes.

export type SheetRows = readonly Record<string, string>[]

/**
 * The language of a label column: "label::Ukrainian (uk)", "label::uk" and
 * "label::Ukrainian" give "uk"; "label" gives the form's default language
 * (null when it names none); undefined for a column that is not a label, or
 * "?" when it is one in a language Lantern cannot tell.
 */
export function labelLanguage(header: string, defaultLanguage: string | null = null): string | null | undefined {
  const match = /^label(?:\s*::?\s*(.+))?$/i.exec(header.trim())
  if (!match) return undefined
  if (!match[1]) return defaultLanguage
  return languageCode(match[1])
}

/** "Ukrainian (uk)", "uk", "Ukrainian", "Українська" → "uk"; "?" when none fits. */
export function languageCode(name: string): string {
  const text = name.trim()
  const inBrackets = /\(([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?\)\s*$/.exec(text)?.[1]?.toLowerCase()
  if (inBrackets && ISO6391.validate(inBrackets)) return inBrackets
  if (ISO6391.validate(text.toLowerCase())) return text.toLowerCase()
  const byName = ISO6391.getCode(text.replace(/\s*\(.*\)\s*$/, ''))
  return byName || ISO6391.getAllCodes().find((c) => ISO6391.getNativeName(c).toLowerCase() === text.toLowerCase()) || '?'
}

export type FormWords = {
  /** Every language the form has labels in. */
  languages: string[]
  /** Question name → its labels by language, and the choice list it uses. */
  questions: Map<string, { type: string; text: Record<string, string>; list: string | null; constraint: string }>
  /** The language the form is written in first: its default_language, else its first label column's. */
  written: string
  /** Choice list → choice name → its labels by language. */
  choices: Map<string, Map<string, Record<string, string>>>
}

export type Read<T> = { ok: true; value: T } | { ok: false; message: string }

const said = defineMessages({
  noSurvey: { id: 'surveys.xlsform.no_survey', defaultMessage: 'This workbook has no “survey” sheet, so it is not an XLSForm. Upload the form as KoboToolbox or ODK download it (XLSForm, .xlsx).' },
  noColumns: { id: 'surveys.xlsform.no_columns', defaultMessage: 'The “survey” sheet needs its “type” and “name” columns.' },
  unknownLanguage: { id: 'surveys.xlsform.unknown_language', defaultMessage: 'Lantern cannot tell which language the column “{header}” is in: name it like label::Ukrainian (uk).' },
  noLanguages: {
    id: 'surveys.xlsform.no_languages',
    defaultMessage: 'The form’s labels do not say their language. Give each language its own column, like label::English (en) and label::Ukrainian (uk), or set default_language on the settings sheet.',
  },
})

/** Reads the label columns of a form's survey and choices sheets (and the default language of its settings). */
export function formWords(survey: SheetRows | null, choices: SheetRows | null, settings: SheetRows | null): Read<FormWords> {
  if (!survey) return { ok: false, message: tr(said.noSurvey) }
  const headers = new Set(survey.flatMap((row) => Object.keys(row)))
  const column = (name: string) => [...headers].find((h) => h.trim().toLowerCase() === name)
  const [type, name, constraint] = [column('type'), column('name'), column('constraint')]
  if (!type || !name) return { ok: false, message: tr(said.noColumns) }
  const defaultLanguage = settings?.[0]?.default_language ? languageCode(settings[0].default_language) : null

  const labelColumns = (sheetHeaders: Iterable<string>): Read<[string, string][]> => {
    const found: [string, string][] = []
    for (const header of sheetHeaders) {
      const language = labelLanguage(header, defaultLanguage)
      if (language === undefined || language === null) continue
      if (language === '?') return { ok: false, message: tr(said.unknownLanguage, { header }) }
      found.push([header, language])
    }
    return { ok: true, value: found }
  }
  const surveyLabels = labelColumns(headers)
  if (!surveyLabels.ok) return surveyLabels
  const choiceHeaders = new Set((choices ?? []).flatMap((row) => Object.keys(row)))
  const choiceLabels = labelColumns(choiceHeaders)
  if (!choiceLabels.ok) return choiceLabels
  const languages = [...new Set([...surveyLabels.value, ...choiceLabels.value].map(([, l]) => l))]
  if (!languages.length) return { ok: false, message: tr(said.noLanguages) }

  const labelsOf = (row: Record<string, string>, columns: [string, string][]) => Object.fromEntries(columns.flatMap(([h, l]) => (row[h]?.trim() ? [[l, row[h]!.trim()]] : [])))
  const questions: FormWords['questions'] = new Map()
  for (const row of survey) {
    const code = row[name]?.trim()
    if (!code) continue
    const kind = row[type]?.trim() ?? ''
    const list = /^select_(?:one|multiple)\s+(\S+)/.exec(kind)?.[1] ?? null
    questions.set(code, { type: kind, text: labelsOf(row, surveyLabels.value), list, constraint: (constraint && row[constraint]?.trim()) || '' })
  }
  const listColumn = [...choiceHeaders].find((h) => ['list_name', 'list name'].includes(h.trim().toLowerCase()))
  const choiceName = [...choiceHeaders].find((h) => h.trim().toLowerCase() === 'name')
  const lists: FormWords['choices'] = new Map()
  for (const row of listColumn && choiceName ? (choices ?? []) : []) {
    const list = row[listColumn!]?.trim()
    const code = row[choiceName!]?.trim()
    if (!list || !code) continue
    if (!lists.has(list)) lists.set(list, new Map())
    lists.get(list)!.set(code, labelsOf(row, choiceLabels.value))
  }
  const written = defaultLanguage && languages.includes(defaultLanguage) ? defaultLanguage : languages[0]!
  return { ok: true, value: { languages, questions, choices: lists, written } }
}

/** Whether a form row asks something: groups, notes and calculations do not; the tool's own fields (start, end, deviceid) have no label. */
export const asks = (q: { type: string; text: Record<string, string> }) => !/^(begin|end)[\s_]|^(note|calculate|hidden)$/i.test(q.type) && Object.keys(q.text).length > 0

type FormQuestionWords = FormWords['questions'] extends Map<string, infer Q> ? Q : never

/** A form question's words in each of `languages`: its label, and its choices' labels for the option codes given (never others). */
export function formQuestionWords(words: FormWords, form: FormQuestionWords, optionCodes: readonly string[], languages: readonly string[]): QuestionTranslations {
  const choices = form.list ? words.choices.get(form.list) : undefined
  const byLanguage: QuestionTranslations = {}
  for (const language of languages) {
    const options = Object.fromEntries(optionCodes.flatMap((code) => (choices?.get(code)?.[language] ? [[code, choices.get(code)![language]!]] : [])))
    const text = form.text[language]
    if (text || Object.keys(options).length) byLanguage[language] = { ...(text ? { text } : {}), ...(Object.keys(options).length ? { options } : {}) }
  }
  return byLanguage
}

/** The form's words for the survey's questions, matched by code (question code → its words in each language the form has). */
export function matchQuestions(words: FormWords, questions: readonly { code: string; options: readonly QuestionOption[] }[]): Map<string, QuestionTranslations> {
  const translations = new Map<string, QuestionTranslations>()
  for (const q of questions) {
    const form = words.questions.get(q.code)
    const byLanguage = form ? formQuestionWords(words, form, q.options.map((o) => o.code), words.languages) : {}
    if (Object.keys(byLanguage).length) translations.set(q.code, byLanguage)
  }
  return translations
}
