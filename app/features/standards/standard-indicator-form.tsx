import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useSectionForm } from '../../shared/ui/section-page'
import { ChoiceGroup, ErrorSummary, SubmitButton, TextAreaField, TextField, type Constraints } from '../../shared/ui/forms'
import { termChoices } from '../../shared/ui/options'
import { DIRECTIONS, INDICATOR_UNITS } from '../../shared/taxonomy/taxonomy'

const LABELS = { code: 'Code', name: 'Indicator', unit: 'Unit', direction: 'Which way is better?', guidance: 'Guidance' }
type Values = { code: string; name: string; unit: string; direction: string; guidance: string }

/** Adding or changing a standard indicator: the same fields, the same checks. */
export function StandardIndicatorForm({ constraint, defaults, submit }: { constraint: Constraints; defaults: Values; submit: string }) {
  const [form, fields] = useSectionForm('standard-indicator', constraint, defaults)
  return (
    <>
      <ErrorSummary form={form} labels={LABELS} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.code} label={LABELS.code} hint="Stable and short, used in links and exports: lower-case letters, digits and _, like knows_hotline_pct." width="narrow" />
        <TextField meta={fields.name} label={LABELS.name} hint="As donors and organisations will read it, like “% of the target group who know the national hotline number”." />
        <ChoiceGroup meta={fields.unit} legend={LABELS.unit} type="radio" choices={termChoices(INDICATOR_UNITS.terms, true)} />
        <ChoiceGroup meta={fields.direction} legend={LABELS.direction} type="radio" choices={termChoices(DIRECTIONS.terms, true)} />
        <TextAreaField meta={fields.guidance} label={LABELS.guidance} hint="How to measure it: the question to ask, who counts, when." rows={4} />
        <div className="actions">
          <SubmitButton pendingText="Saving…">{submit}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
