import { QUESTION_TYPES } from '../../shared/taxonomy/taxonomy'
import { useT } from '../../shared/i18n'
import { FieldError } from '../../shared/ui/forms'
import { QUESTION_LABELS } from './question-fields'
import { carriedFields, rowField, type FormQuestionRow } from './form-question-rows'

// The questions an XLSForm offers, each a fieldset: whether to add it, its
// code, and what the form cannot say (the desired answer, a score's range).
// What the form says travels in hidden fields; the person sees it written out.

type Props = { rows: readonly FormQuestionRow[]; written: string; errors: Record<string, readonly string[]> }

export function FormQuestionsFields({ rows, written, errors }: Props) {
  const { t } = useT()
  const L = QUESTION_LABELS
  return (
    <>
      {rows.map((row, i) => {
        const name = (field: string) => rowField(i, field)
        const errorOf = (field: string) => errors[name(field)]
        const errorAt = (field: string) => {
          const messages = errorOf(field)
          return messages?.length ? <FieldError id={`${name(field)}-error`} messages={messages} /> : null
        }
        const described = (field: string) => (errorOf(field)?.length ? { 'aria-invalid': true, 'aria-describedby': `${name(field)}-error` } : {})
        // What the person cannot change on this page, refused: said at the question as a whole.
        const rowErrors = ['text', 'type', 'options'].flatMap((f) => errorOf(f) ?? [])
        return (
          <fieldset className={rowErrors.length ? 'field field--error form-question' : 'field form-question'} key={i}>
            <legend className="field__label">
              <span lang={written}>{row.text}</span>
            </legend>
            {carriedFields(row, i).map(([field, value]) => (
              <input type="hidden" name={field} value={value} key={field} />
            ))}
            {rowErrors.length ? <FieldError id={name('row-error')} messages={rowErrors} /> : null}
            <div className="choice">
              <input type="checkbox" id={name('add')} name="add" value={String(i)} defaultChecked={row.add} className="choice__input" />
              <label htmlFor={name('add')} className="choice__label">
                {t({ id: 'surveys.form_questions.add_this', defaultMessage: 'Add this question' })}
                <span className="choice__hint">{t(QUESTION_TYPES.message(row.type))}</span>
              </label>
            </div>
            {row.options.length ? (
              <div className="muted">
                <p>{t({ id: 'surveys.form_questions.options', defaultMessage: 'Its options, as the form gives them:' })}</p>
                <ul lang={written}>
                  {row.options.map((o) => (
                    <li key={o.code}>
                      {o.label} <code>{o.code}</code>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <div className="field">
              <label className="field__label" htmlFor={name('code')}>
                {L.code}
              </label>
              {errorAt('code')}
              <input id={name('code')} name={name('code')} defaultValue={row.code} className="input" autoComplete="off" spellCheck={false} {...described('code')} />
            </div>
            {row.type === 'binary' || row.type === 'single_choice' ? (
              <div className="field">
                <label className="field__label" htmlFor={name('desired')}>
                  {L.desired}
                </label>
                {errorAt('desired')}
                <select id={name('desired')} name={name('desired')} defaultValue={row.desired} className="select" {...described('desired')}>
                  <option value="">{t({ id: 'surveys.form_questions.choose', defaultMessage: 'Choose…' })}</option>
                  {row.type === 'binary' ? (
                    <>
                      <option value="1">{t({ id: 'surveys.form_questions.yes', defaultMessage: 'Yes (1)' })}</option>
                      <option value="0">{t({ id: 'surveys.form_questions.no', defaultMessage: 'No (0)' })}</option>
                    </>
                  ) : (
                    row.options.map((o) => (
                      <option value={o.code} key={o.code} lang={written}>
                        {o.label}
                      </option>
                    ))
                  )}
                </select>
              </div>
            ) : null}
            {row.type === 'score'
              ? (['min', 'max'] as const).map((bound) => (
                  <div className="field" key={bound}>
                    <label className="field__label" htmlFor={name(bound)}>
                      {L[bound]}
                    </label>
                    {errorAt(bound)}
                    <input id={name(bound)} name={name(bound)} type="number" inputMode="decimal" step="any" defaultValue={row[bound]} className="input input--short" {...described(bound)} />
                  </div>
                ))
              : null}
          </fieldset>
        )
      })}
    </>
  )
}
