import { Form, Link } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { answerFieldName, optionFieldName, sampleFieldsOf } from './response'
import { chosenOptions } from './answers'
import { SAMPLE_FIELDS } from './columns'
import { SEXES, type Sampling } from '../../shared/taxonomy/taxonomy'
import { FieldError } from '../../shared/ui/forms'
import type { FieldErrors } from '../../shared/outcome'
import { tr, useT } from '../../shared/i18n'
import { questionIn } from './translations'

// The data-entry form of one response: the respondent, then one field per
// question shaped by its type. Errors come from the server beside each field
// and in a summary that takes focus; works without JavaScript.

type Question = { code: string; text: string; type: string; options: readonly { code: string; label: string }[]; min: number | null; max: number | null }
export type ResponseFormProps = {
  questions: readonly Question[]
  values: Record<string, string>
  errors: FieldErrors
  submitLabel: string
  cancelTo: string
  hidden?: Record<string, string>
  /** How the wave was sampled: a cluster, stratified or weighted sample asks where each respondent was drawn. */
  sampling?: Sampling | null
}

const SAMPLE_LABELS = { get cluster() {
    return tr({ id: 'surveys.response_form.sample_labels.cluster', defaultMessage: 'Cluster' })
  }, get stratum() {
    return tr({ id: 'surveys.response_form.sample_labels.stratum', defaultMessage: 'Stratum' })
  }, get weight() {
    return tr({ id: 'surveys.response_form.sample_labels.weight', defaultMessage: 'Sampling weight' })
  }, }
const SAMPLE_HINTS = { get cluster() {
    return tr({ id: 'surveys.response_form.sample_hints.cluster', defaultMessage: 'The village, school or other place the respondent was drawn in.' })
  }, get stratum() {
    return tr({ id: 'surveys.response_form.sample_hints.stratum', defaultMessage: 'The stratum the cluster was drawn in, like urban or rural.' })
  }, get weight() {
    return tr({ id: 'surveys.response_form.sample_hints.weight', defaultMessage: 'How many people the respondent stands for, like 1.5.' })
  }, }

function Field({ name, label, error, hint, children }: { name: string; label: string; error?: readonly string[]; hint?: string; children: React.ReactNode }) {
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={name}>
        {label}
      </label>
      {hint ? (
        <div className="field__hint" id={`${name}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? <FieldError id={`${name}-error`} messages={error} /> : null}
      {children}
    </div>
  )
}

function Choices({ name, legend, error, choices, value }: { name: string; legend: string; error?: readonly string[]; choices: { value: string; label: string }[]; value: string }) {
  return (
    <fieldset className={error ? 'field field--error' : 'field'} id={name} aria-describedby={error ? `${name}-error` : undefined} tabIndex={-1}>
      <legend className="field__label">{legend}</legend>
      {error ? <FieldError id={`${name}-error`} messages={error} /> : null}
      <div className="choices">
        {[...choices, { value: '', label: tr({ id: 'surveys.response.no_answer', defaultMessage: 'No answer' }) }].map((c) => (
          <div className="choice" key={c.value}>
            <input type="radio" id={`${name}-${c.value || 'none'}`} name={name} value={c.value} defaultChecked={value === c.value} className="choice__input" />
            <label htmlFor={`${name}-${c.value || 'none'}`} className="choice__label">
              {c.label}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  )
}

const described = (name: string, error?: readonly string[], hint?: boolean) => [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined

export function ResponseForm({ questions, values, errors, submitLabel, cancelTo, hidden = {}, sampling = null }: ResponseFormProps) {
  const { t, locale } = useT()
  const summary = useRef<HTMLDivElement>(null)
  const count = Object.keys(errors).length
  useEffect(() => {
    if (count) summary.current?.focus()
  }, [count, errors])
  const input = (name: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}, hint = false) => (
    <input id={name} name={name} defaultValue={values[name] ?? ''} className="input" aria-invalid={errors[name] ? true : undefined} aria-describedby={described(name, errors[name], hint)} {...props} />
  )
  return (
    <>
      {count ? (
        <div className="error-summary" ref={summary} tabIndex={-1} role="alert" aria-labelledby="response-summary-title">
          <h2 className="error-summary__title" id="response-summary-title">
            {t({ id: 'surveys.response_form.there_is_a_problem', defaultMessage: 'There is a problem' })}</h2>
          <ul className="error-summary__list">
            {Object.entries(errors).map(([name, messages]) => (
              <li key={name}>
                <a href={`#${name}`}>{messages.join('. ')}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Form method="post">
        {Object.entries(hidden).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <Field name="respondentCode" label={t({ id: 'surveys.response_form.respondent_code', defaultMessage: 'Respondent code' })} error={errors.respondentCode} hint={t({ id: 'surveys.response_form.as_written_on_the_questionnaire_never', defaultMessage: 'As written on the questionnaire; never a name.' })}>
          {input('respondentCode', { autoComplete: 'off' }, true)}
        </Field>
        <Field name="sex" label={t({ id: 'surveys.response_form.sex_optional', defaultMessage: 'Sex (optional)' })} error={errors.sex}>
          <select id="sex" name="sex" defaultValue={values.sex ?? ''} className="select" aria-invalid={errors.sex ? true : undefined} aria-describedby={described('sex', errors.sex)}>
            <option value="">{t({ id: 'surveys.response_form.not_recorded', defaultMessage: 'Not recorded' })}</option>
            {SEXES.terms.map((t) => (
              <option key={t.code} value={t.code}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="ageBand" label={t({ id: 'surveys.response_form.age_band_optional', defaultMessage: 'Age band (optional)' })} error={errors.ageBand} hint={t({ id: 'surveys.response_form.like_18_24', defaultMessage: 'Like 18–24.' })}>
          {input('ageBand', { className: 'input input--narrow' }, true)}
        </Field>
        <Field name="locality" label={t({ id: 'surveys.response_form.locality_optional', defaultMessage: 'Locality (optional)' })} error={errors.locality}>
          {input('locality')}
        </Field>
        {sampleFieldsOf(sampling).map((field) => (
          <Field key={field} name={field} label={SAMPLE_FIELDS[sampling!].needs.includes(field) ? SAMPLE_LABELS[field] : t({ id: 'surveys.response_form.optional_field', defaultMessage: '{label} (optional)' }, { label: SAMPLE_LABELS[field] })} error={errors[field]} hint={SAMPLE_HINTS[field]}>
            {input(field, field === 'weight' ? { type: 'number', inputMode: 'decimal', step: 'any', className: 'input input--narrow' } : {}, true)}
          </Field>
        ))}
        {questions.map((asked) => {
          // Asked in the reader's language where the question has it; the codes are the same.
          const q = questionIn(asked, locale)
          const name = answerFieldName(q.code)
          const legend = `${q.code}: ${q.text}`
          if (q.type === 'binary') return <Choices key={q.code} name={name} legend={legend} error={errors[name]} value={values[name] ?? ''} choices={[{ value: '1', label: tr({ id: 'forms.yes', defaultMessage: 'Yes' }) }, { value: '0', label: tr({ id: 'forms.no', defaultMessage: 'No' }) }]} />
          if (q.type === 'multiple_choice') {
            const stored = chosenOptions(values[name] ?? '')
            return (
              <fieldset key={q.code} className={errors[name] ? 'field field--error' : 'field'} id={name} aria-describedby={errors[name] ? `${name}-error` : undefined} tabIndex={-1}>
                <legend className="field__label">{legend}</legend>
                <div className="field__hint">{t({ id: 'surveys.response_form.tick_every_option_the_respondent_chose', defaultMessage: 'Tick every option the respondent chose; none ticked means no answer.' })}</div>
                {errors[name] ? <FieldError id={`${name}-error`} messages={errors[name]} /> : null}
                <div className="choices">
                  {q.options.map((o) => (
                    <div className="choice" key={o.code}>
                      <input type="checkbox" id={`${name}-${o.code}`} name={optionFieldName(q.code, o.code)} value="1" defaultChecked={Boolean(values[optionFieldName(q.code, o.code)]) || stored.includes(o.code)} className="choice__input" />
                      <label htmlFor={`${name}-${o.code}`} className="choice__label">
                        {o.label}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            )
          }
          if (q.type === 'likert' || q.type === 'single_choice')
            return <Choices key={q.code} name={name} legend={legend} error={errors[name]} value={values[name] ?? ''} choices={q.options.map((o) => ({ value: o.code, label: q.type === 'likert' ? `${o.code} — ${o.label}` : o.label }))} />
          if (q.type === 'score')
            return (
              <Field key={q.code} name={name} label={legend} error={errors[name]} hint={t({ id: 'surveys.response_form.score_hint', defaultMessage: 'A number from {min, number} to {max, number}; empty when not answered.' }, { min: q.min ?? 0, max: q.max ?? 0 })}>
                {input(name, { type: 'number', inputMode: 'decimal', step: 'any', className: 'input input--narrow' }, true)}
              </Field>
            )
          return (
            <Field key={q.code} name={name} label={legend} error={errors[name]}>
              <textarea id={name} name={name} defaultValue={values[name] ?? ''} rows={3} className="input textarea" aria-invalid={errors[name] ? true : undefined} aria-describedby={described(name, errors[name])} />
            </Field>
          )
        })}
        <div className="actions">
          <button type="submit" name="intent" value="save" className="button button--primary">
            {submitLabel}
          </button>
          <Link to={cancelTo}>{t({ id: 'surveys.response_form.cancel', defaultMessage: 'Cancel' })}</Link>
        </div>
      </Form>
    </>
  )
}
