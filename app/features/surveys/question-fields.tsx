import type { FieldMetadata } from '@conform-to/react'
import { ChoiceGroup, InputField, SelectField, TextAreaField, TextField } from '../../shared/ui/forms'
import { termChoices } from '../../shared/ui/options'
import { QUESTION_TYPES } from '../../shared/taxonomy/taxonomy'
import { AUTONYMS, currentTranslator, LOCALES, tr, useT } from '../../shared/i18n'
import { labelLines, type QuestionTranslations } from './translations'

export const QUESTION_LABELS = {
  get code() {
    return tr({ id: 'surveys.question_fields.question_labels.code', defaultMessage: 'Code' })
  },
  get text() {
    return tr({ id: 'surveys.question_fields.question_labels.text', defaultMessage: 'Question' })
  },
  get type() {
    return tr({ id: 'surveys.question_fields.question_labels.type', defaultMessage: 'Type of answer' })
  },
  get desired() {
    return tr({ id: 'surveys.question_fields.question_labels.desired', defaultMessage: 'Desired or correct answer' })
  },
  get options() {
    return tr({ id: 'surveys.question_fields.question_labels.options', defaultMessage: 'Options (single or multiple choice)' })
  },
  get min() {
    return tr({ id: 'surveys.question_fields.question_labels.min', defaultMessage: 'Lowest score' })
  },
  get max() {
    return tr({ id: 'surveys.question_fields.question_labels.max', defaultMessage: 'Highest score' })
  },
  get indicatorId() {
    return tr({ id: 'surveys.question_fields.question_labels.indicatorid', defaultMessage: 'Indicator it measures' })
  },
}

/** The labels of the fields for the question's words in each language (named in the reader's), for the fields and the error summary. */
export function wordsLabels(): Record<string, string> {
  const language = (l: string) => currentTranslator().language(l)
  return Object.fromEntries(
    LOCALES.flatMap((l) => [
      [`text_${l}`, tr({ id: 'surveys.question_fields.text_in', defaultMessage: 'Question in {language}' }, { language: language(l) })],
      [`options_${l}`, tr({ id: 'surveys.question_fields.options_in', defaultMessage: 'Option labels in {language}' }, { language: language(l) })],
    ]),
  )
}

type Fields = Record<keyof typeof QUESTION_LABELS, FieldMetadata<string | undefined>> & Record<string, FieldMetadata<string | undefined>>

/** The fields of one survey question, for adding and for changing it; without JavaScript all show, each saying when it applies. */
export function QuestionFields({ fields, indicators }: { fields: Fields; indicators: { id: number; name: string }[] }) {
  const { t } = useT()
  const L = QUESTION_LABELS
  return (
    <>
      <TextField meta={fields.code} label={L.code} hint={t({ id: 'surveys.question_fields.short_and_stable_like_knows_hotline', defaultMessage: 'Short and stable, like knows_hotline: it is the column of the question in survey spreadsheets.' })} />
      <TextAreaField meta={fields.text} label={L.text} hint={t({ id: 'surveys.question_fields.as_respondents_hear_or_read_it', defaultMessage: 'As respondents hear or read it.' })} rows={2} />
      <ChoiceGroup meta={fields.type} legend={L.type} type="radio" choices={termChoices(t, QUESTION_TYPES, true)} />
      <TextField meta={fields.desired} label={L.desired} hint={t({ id: 'surveys.question_fields.yes_or_no_1_when_yes', defaultMessage: 'Yes or no: 1 when yes is the desired answer, 0 when no is. Single choice: the code of the correct option.' })} />
      <TextAreaField meta={fields.options} label={L.options} hint={t({ id: 'surveys.question_fields.one_per_line_code_label_like', defaultMessage: 'One per line: code = label, like “hotline = Call the hotline”.' })} rows={4} />
      <InputField meta={fields.min} label={L.min} type="number" inputMode="decimal" hint={t({ id: 'surveys.question_fields.numeric_score_only', defaultMessage: 'Numeric score only.' })} />
      <InputField meta={fields.max} label={L.max} type="number" inputMode="decimal" hint={t({ id: 'surveys.question_fields.numeric_score_only', defaultMessage: 'Numeric score only.' })} />
      <SelectField
        meta={fields.indicatorId}
        label={L.indicatorId}
        hint={t({ id: 'surveys.question_fields.optional_the_indicator_whose_baseline_and', defaultMessage: 'Optional: the indicator whose baseline and actual this question gives (% who answer correctly, or the mean score).' })}
        placeholder={t({ id: 'surveys.question_fields.none', defaultMessage: 'None' })}
        options={indicators.map((i) => ({ value: String(i.id), label: i.name }))}
      />
      <WordsFields fields={fields} />
    </>
  )
}

/**
 * The question in other languages, for the people who ask it and read its
 * results in them: open when some are given. Codes stay as above; only
 * words are translated.
 */
function WordsFields({ fields }: { fields: Fields }) {
  const { t } = useT()
  const labels = wordsLabels()
  const given = LOCALES.some((l) => fields[`text_${l}`]?.initialValue || fields[`options_${l}`]?.initialValue || fields[`text_${l}`]?.errors || fields[`options_${l}`]?.errors)
  return (
    <details className="details" open={given || undefined}>
      <summary>{t({ id: 'surveys.question_fields.in_other_languages', defaultMessage: 'The question in other languages (optional)' })}</summary>
      <p className="field__hint">
        {t({ id: 'surveys.question_fields.in_other_languages_hint', defaultMessage: 'Readers see the question in their language where it is given here; the codes stay the same. Option labels: one per line, code = label, with the codes above.' })}
      </p>
      {LOCALES.map((l) => (
        <fieldset key={l} className="field">
          <legend className="field__label" lang={l}>{AUTONYMS[l]}</legend>
          <TextAreaField meta={fields[`text_${l}`]!} label={labels[`text_${l}`]!} rows={2} lang={l} />
          <TextAreaField meta={fields[`options_${l}`]!} label={labels[`options_${l}`]!} rows={3} lang={l} />
        </fieldset>
      ))}
    </details>
  )
}

export function questionDefaults(q?: { code: string; text: string; type: string; desired: string | null; options: readonly { code: string; label: string }[]; min: number | null; max: number | null; indicatorId: number | null; translations?: QuestionTranslations }) {
  const words = Object.fromEntries(LOCALES.flatMap((l) => [[`text_${l}`, q?.translations?.[l]?.text ?? ''], [`options_${l}`, labelLines(q?.translations?.[l]?.options, q?.options ?? [])]]))
  return {
    ...words,
    code: q?.code ?? '',
    text: q?.text ?? '',
    type: q?.type ?? 'binary',
    desired: q?.desired ?? '',
    options: q?.type === 'single_choice' || q?.type === 'multiple_choice' ? q.options.map((o) => `${o.code} = ${o.label}`).join('\n') : '',
    min: q?.min === null || q?.min === undefined ? '' : String(q.min),
    max: q?.max === null || q?.max === undefined ? '' : String(q.max),
    indicatorId: q?.indicatorId ? String(q.indicatorId) : '',
  }
}
