import {
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from '@conform-to/react'
import type { getZodConstraint } from '@conform-to/zod/v4'
import { Form, useNavigation } from '@remix-run/react'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useT } from '../i18n'

// Form building blocks in the GOV.UK pattern: a label, an optional hint, the
// error next to the field, and an error summary at the top that links to
// each field. conform wires aria-invalid and aria-describedby.

/** What a form's fields must be (required, lengths, ranges), from its schema on the server. */
export type Constraints = ReturnType<typeof getZodConstraint>

/**
 * A form checked by its action's zod schema, whose reply (`lastResult`) puts
 * each error next to its field. The browser gets only the schema's
 * constraints (required, lengths, ranges), from the loader (constraintOf):
 * the schemas and zod stay on the server. The fields are typed by their
 * default values.
 */
export function useActionForm<T extends Record<string, unknown>>(id: string, constraint: Constraints, defaultValue: T, lastResult: SubmissionResult<string[]> | null | undefined) {
  return useForm<T>({
    id,
    lastResult,
    // conform's types follow each schema exactly; forms here are typed by their default values instead.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    defaultValue: defaultValue as any,
    constraint,
  })
}

export type FieldProps = {
  meta: FieldMetadata<string | undefined>
  label: string
  hint?: ReactNode
}

function describedBy(meta: FieldMetadata<string | undefined>, hint: ReactNode | undefined) {
  const ids = [hint ? meta.descriptionId : null, meta.errors?.length ? meta.errorId : null].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

/**
 * A field's error messages, next to the field, with the id its input's
 * aria-describedby points at: the one way every form (conform's fields and
 * the hand-built ones alike) shows what is wrong with a field.
 */
export function FieldError({ id, messages }: { id: string; messages: string | readonly string[] }) {
  const { t } = useT()
  return (
    <p className="field__error" id={id}>
      <span className="visually-hidden">{t({ id: 'forms.error_prefix', defaultMessage: 'Error:' })} </span>
      {typeof messages === 'string' ? messages : messages.join('. ')}
    </p>
  )
}

/** The hint and the error message of a field, with the ids aria-describedby points at. */
function FieldMessages({ meta, hint }: { meta: FieldMetadata<unknown>; hint?: ReactNode }) {
  return (
    <>
      {hint ? (
        <div className="field__hint" id={meta.descriptionId}>
          {hint}
        </div>
      ) : null}
      {meta.errors?.length ? <FieldError id={meta.errorId} messages={meta.errors} /> : null}
    </>
  )
}

function FieldFrame({ meta, label, hint, children }: FieldProps & { children: ReactNode }) {
  const invalid = Boolean(meta.errors?.length)
  return (
    <div className={invalid ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={meta.id}>
        {label}
      </label>
      <FieldMessages meta={meta} hint={hint} />
      {children}
    </div>
  )
}

export function TextField({
  meta,
  label,
  hint,
  type = 'text',
  autoComplete,
  width,
}: FieldProps & {
  type?: 'text' | 'email' | 'password' | 'url'
  autoComplete?: string
  width?: 'narrow' | 'full'
}) {
  const props = getInputProps(meta, { type, ariaAttributes: false })
  return (
    <FieldFrame meta={meta} label={label} hint={hint}>
      <input
        {...props}
        // Passwords are never sent back to the browser after a failed submit.
        defaultValue={type === 'password' ? undefined : props.defaultValue}
        className={width === 'narrow' ? 'input input--narrow' : 'input'}
        autoComplete={autoComplete}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, hint)}
      />
    </FieldFrame>
  )
}

export function SelectField({
  meta,
  label,
  hint,
  options,
  placeholder,
}: FieldProps & { options: readonly { value: string; label: string }[]; placeholder?: string }) {
  const props = getSelectProps(meta, { ariaAttributes: false })
  return (
    <FieldFrame meta={meta} label={label} hint={hint}>
      <select
        {...props}
        className="select"
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, hint)}
      >
        {placeholder ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  )
}

/**
 * Lists every problem with a link to its field, once the form has been sent
 * (or the server has answered with errors), and takes focus then, so keyboard
 * and screen-reader users land on it. While someone is still filling the form,
 * errors appear beside their fields only: focus never moves while they type.
 */
export function ErrorSummary({
  form,
  labels,
}: {
  form: Pick<FormMetadata<never, string[]>, 'errors' | 'allErrors'> & { id: string }
  labels: Record<string, string>
}) {
  const { t } = useT()
  const ref = useRef<HTMLDivElement>(null)
  const fieldErrors = Object.entries(form.allErrors).filter(([name]) => name !== '' && name in labels)
  const formErrors = form.errors ?? []
  const count = fieldErrors.length + formErrors.length
  // Errors already there when the page arrives came from the server's answer to a send.
  const [sent, setSent] = useState(count > 0)
  const focusNext = useRef(count > 0)
  useEffect(() => {
    const element = document.getElementById(form.id)
    if (!element) return
    // Capture: the submit is seen even when validation stops it. conform checks a field as it is
    // left by sending the form with its own intent button: that is not the person sending it.
    const onSubmit = (event: Event) => {
      if ((event as SubmitEvent).submitter?.getAttribute('name') === '__intent__') return
      focusNext.current = true
      setSent(true)
    }
    element.addEventListener('submit', onSubmit, true)
    return () => element.removeEventListener('submit', onSubmit, true)
  }, [form.id])
  useEffect(() => {
    if (focusNext.current && count > 0) {
      focusNext.current = false
      // After conform has moved focus to the first wrong field: the summary, which links to every one, comes first.
      // Not cancelled by the renders that follow; after unmount the ref is empty and nothing happens.
      setTimeout(() => ref.current?.focus(), 0)
    }
  })
  if (count === 0 || !sent) return null
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby={`${form.id}-summary-title`}>
      <h2 className="error-summary__title" id={`${form.id}-summary-title`}>
        {t({ id: 'forms.error_summary', defaultMessage: 'There is a problem' })}
      </h2>
      <ul className="error-summary__list">
        {formErrors.map((message) => (
          <li key={message}>{message}</li>
        ))}
        {fieldErrors.map(([name, messages]) => (
          <li key={name}>
            <a href={`#${form.id}-${name}`}>{messages.join('. ')}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function SubmitButton({ children, pendingText, name, value, variant }: {
  children: ReactNode
  pendingText?: string
  name?: string
  value?: string
  variant?: 'primary' | 'secondary' | 'warning'
}) {
  const navigation = useNavigation()
  const pending =
    navigation.state === 'submitting' && (name === undefined || navigation.formData?.get(name) === value)
  return (
    <button type="submit" name={name} value={value} className={`button button--${variant ?? 'primary'}`} aria-disabled={pending || undefined}>
      {pending && pendingText ? pendingText : children}
    </button>
  )
}

type Choice = { value: string; label: string; hint?: string }

/** Checkboxes or radios in a fieldset whose legend is the question. */
export function ChoiceGroup({
  meta,
  legend,
  hint,
  choices,
  type,
  columns,
  searchable,
}: {
  meta: FieldMetadata<unknown>
  legend: string
  hint?: ReactNode
  choices: readonly Choice[]
  type: 'checkbox' | 'radio'
  columns?: boolean
  /** With JavaScript, a search box narrows long lists (by label or code). */
  searchable?: boolean
}) {
  const { t } = useT()
  const invalid = Boolean(meta.errors?.length)
  const [enhanced, setEnhanced] = useState(false)
  const [query, setQuery] = useState('')
  useEffect(() => setEnhanced(Boolean(searchable)), [searchable])
  const needle = query.trim().toLocaleLowerCase()
  const matches = (c: Choice) => needle === '' || c.label.toLocaleLowerCase().includes(needle) || c.value.toLocaleLowerCase().includes(needle)
  const shown = choices.filter(matches).length
  const initial = meta.initialValue
  const selected = new Set(Array.isArray(initial) ? initial.map(String) : initial === undefined || initial === null ? [] : [String(initial)])
  const describedBy = [hint ? meta.descriptionId : null, invalid ? meta.errorId : null].filter(Boolean).join(' ') || undefined
  return (
    <fieldset className={invalid ? 'field field--error' : 'field'} id={meta.id} aria-describedby={describedBy} tabIndex={-1}>
      <legend className="field__label">{legend}</legend>
      <FieldMessages meta={meta} hint={hint} />
      {enhanced ? (
        <div className="choices__search">
          <label className="visually-hidden" htmlFor={`${meta.id}-search`}>
            {t({ id: 'forms.choices.search', defaultMessage: 'Search {legend}' }, { legend })}
          </label>
          <input
            id={`${meta.id}-search`}
            type="search"
            className="input input--narrow"
            placeholder={t({ id: 'forms.choices.placeholder', defaultMessage: 'Type a name or code' })}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
          />
          <p className="field__hint" role="status">
            {shown === choices.length
              ? t({ id: 'forms.choices.all_shown', defaultMessage: '{count, number} shown' }, { count: choices.length })
              : t({ id: 'forms.choices.some_shown', defaultMessage: '{shown, number} of {count, number} shown' }, { shown, count: choices.length })}
          </p>
        </div>
      ) : null}
      <div className={columns ? 'choices choices--columns' : 'choices'}>
        {choices.map((c) => {
          const id = `${meta.id}-${c.value}`
          return (
            <div className="choice" key={c.value} hidden={!matches(c)}>
              <input type={type} id={id} name={meta.name} value={c.value} defaultChecked={selected.has(c.value)} className="choice__input" />
              <label htmlFor={id} className="choice__label">
                {c.label}
                {c.hint ? <span className="choice__hint">{c.hint}</span> : null}
              </label>
            </div>
          )
        })}
      </div>
    </fieldset>
  )
}

/** `lang`: the language of what is typed in it, where it is not the page's (a translation). */
export function TextAreaField({ meta, label, hint, rows = 4, lang }: FieldProps & { rows?: number; lang?: string }) {
  const props = getTextareaProps(meta, { ariaAttributes: false })
  return (
    <FieldFrame meta={meta} label={label} hint={hint}>
      <textarea
        {...props}
        lang={lang}
        rows={rows}
        className="input textarea"
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, hint)}
      />
    </FieldFrame>
  )
}

export function InputField({
  meta,
  label,
  hint,
  type,
  inputMode,
  width,
}: FieldProps & { type: 'date' | 'number' | 'text'; inputMode?: 'numeric' | 'decimal'; width?: 'narrow' | 'full' }) {
  const props = getInputProps(meta, { type, ariaAttributes: false })
  return (
    <FieldFrame meta={meta} label={label} hint={hint}>
      <input
        {...props}
        step={type === 'number' ? 'any' : undefined}
        inputMode={inputMode}
        className={width === 'full' ? 'input' : 'input input--narrow'}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={describedBy(meta, hint)}
      />
    </FieldFrame>
  )
}

/**
 * A one-button form for an action on one row (approve, remove): the intent
 * and the row's id as hidden fields, the button's visible word, and what it
 * acts on for screen readers.
 */
export function RowAction({
  intent,
  fields,
  children,
  about,
  className = 'button button--link',
}: {
  intent: string
  fields: Record<string, string | number>
  children: ReactNode
  about: string
  className?: string
}) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {children}
        <span className="visually-hidden"> {about}</span>
      </button>
    </Form>
  )
}
