import { getFormProps, type FormMetadata, type SubmissionResult } from '@conform-to/react'
import { Form, Link, useActionData } from '@remix-run/react'
import type { ReactNode } from 'react'
import { ErrorSummary, SubmitButton, useActionForm, type Constraints } from './forms'
import { useT } from '../i18n'

// Every section of the campaign form: same form wiring (one zod schema in
// the action, its constraints in the page), same page frame, same way back to the task list.

// conform's types follow each schema exactly; the frame below only needs the shared parts.
/* eslint-disable @typescript-eslint/no-explicit-any */
type AnyForm = FormMetadata<any, string[]>

/** A section's form, answered by the section's own action. */
export function useSectionForm<T extends Record<string, any>>(id: string, constraint: Constraints, defaultValue: T) {
  return useActionForm(id, constraint, defaultValue, useActionData<SubmissionResult<string[]>>())
}

export function SectionPage({
  title,
  campaign,
  form,
  labels,
  children,
  intro,
  back,
}: {
  title: string
  campaign: { id: number; title: string }
  form: AnyForm
  labels: Record<string, string>
  children: ReactNode
  intro?: ReactNode
  /** Where the breadcrumb and Cancel lead: the task list unless another page of the campaign owns the form. */
  back?: string
}) {
  const { t } = useT()
  const to = back ?? `/campaigns/${campaign.id}/edit`
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={to}>{campaign.title}</Link>
      </p>
      <h1>{title}</h1>
      {intro}
      <ErrorSummary form={form} labels={labels} />
      <Form method="post" {...getFormProps(form)}>
        {children}
        <div className="actions">
          <SubmitButton pendingText={t({ id: 'forms.saving', defaultMessage: 'Saving…' })}>{t({ id: 'forms.save_and_return', defaultMessage: 'Save and return' })}</SubmitButton>
          <Link to={to}>{t({ id: 'forms.cancel', defaultMessage: 'Cancel' })}</Link>
        </div>
      </Form>
    </div>
  )
}
