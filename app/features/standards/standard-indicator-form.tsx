import { getFormProps } from '@conform-to/react'
import { Form } from '@remix-run/react'
import { useSectionForm } from '../../shared/ui/section-page'
import { ChoiceGroup, ErrorSummary, SubmitButton, TextAreaField, TextField, type Constraints } from '../../shared/ui/forms'
import { termChoices } from '../../shared/ui/options'
import { DIRECTIONS, INDICATOR_UNITS } from '../../shared/taxonomy/taxonomy'
import { tr, useT } from '../../shared/i18n'

const LABELS = { get code() {
    return tr({ id: 'standards.standard_indicator_form.labels.code', defaultMessage: 'Code' })
  }, get name() {
    return tr({ id: 'standards.standard_indicator_form.labels.name', defaultMessage: 'Indicator' })
  }, get unit() {
    return tr({ id: 'standards.standard_indicator_form.labels.unit', defaultMessage: 'Unit' })
  }, get direction() {
    return tr({ id: 'standards.standard_indicator_form.labels.direction', defaultMessage: 'Which way is better?' })
  }, get guidance() {
    return tr({ id: 'standards.standard_indicator_form.labels.guidance', defaultMessage: 'Guidance' })
  }, }
type Values = { code: string; name: string; unit: string; direction: string; guidance: string }

/** Adding or changing a standard indicator: the same fields, the same checks. */
export function StandardIndicatorForm({ constraint, defaults, submit }: { constraint: Constraints; defaults: Values; submit: string }) {
  const { t } = useT()
  const [form, fields] = useSectionForm('standard-indicator', constraint, defaults)
  return (
    <>
      <ErrorSummary form={form} labels={LABELS} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.code} label={LABELS.code} hint={t({ id: 'standards.standard_indicator_form.stable_and_short_used_in_links', defaultMessage: 'Stable and short, used in links and exports: lower-case letters, digits and _, like knows_hotline_pct.' })} width="narrow" />
        <TextField meta={fields.name} label={LABELS.name} hint={t({ id: 'standards.standard_indicator_form.as_donors_and_organisations_will_read', defaultMessage: 'As donors and organisations will read it, like “% of the target group who know the national hotline number”.' })} />
        <ChoiceGroup meta={fields.unit} legend={LABELS.unit} type="radio" choices={termChoices(t, INDICATOR_UNITS, true)} />
        <ChoiceGroup meta={fields.direction} legend={LABELS.direction} type="radio" choices={termChoices(t, DIRECTIONS, true)} />
        <TextAreaField meta={fields.guidance} label={LABELS.guidance} hint={t({ id: 'standards.standard_indicator_form.how_to_measure_it_the_question', defaultMessage: 'How to measure it: the question to ask, who counts, when.' })} rows={4} />
        <div className="actions">
          <SubmitButton pendingText={t({ id: 'standards.standard_indicator_form.saving', defaultMessage: 'Saving…' })}>{submit}</SubmitButton>
        </div>
      </Form>
    </>
  )
}
