import type { FieldMetadata } from '@conform-to/react'
import { ChoiceGroup, InputField, SelectField, TextAreaField, TextField } from '../../shared/ui/forms'
import { termChoices } from '../../shared/ui/options'
import { DIRECTIONS, INDICATOR_LEVELS, INDICATOR_UNITS } from '../../shared/taxonomy/taxonomy'
import { tr, useT } from '../../shared/i18n'

export const INDICATOR_LABELS = {
  get name() {
    return tr({ id: 'campaigns.indicator_fields.indicator_labels.name', defaultMessage: 'Indicator' })
  },
  get level() {
    return tr({ id: 'campaigns.indicator_fields.indicator_labels.level', defaultMessage: 'Level' })
  },
  get unit() {
    return tr({ id: 'campaigns.indicator_fields.indicator_labels.unit', defaultMessage: 'Unit' })
  },
  get direction() {
    return tr({ id: 'campaigns.indicator_fields.indicator_labels.direction', defaultMessage: 'Which way is better?' })
  },
  get baseline() {
    return tr({ id: 'campaigns.indicator_fields.indicator_labels.baseline', defaultMessage: 'Baseline' })
  },
  get baselineAtSurvey() {
    return tr({ id: 'campaigns.indicator_fields.indicator_labels.baselineatsurvey', defaultMessage: 'Baseline plan' })
  },
  get target() {
    return tr({ id: 'campaigns.indicator_fields.indicator_labels.target', defaultMessage: 'Target' })
  },
  get meansOfVerification() {
    return tr({ id: 'campaigns.indicator_fields.indicator_labels.meansofverification', defaultMessage: 'Means of verification' })
  },
  get standardIndicatorId() {
    return tr({ id: 'campaigns.indicator_fields.indicator_labels.standardindicatorid', defaultMessage: 'Standard indicator (optional)' })
  },
}

type Fields = Record<keyof typeof INDICATOR_LABELS, FieldMetadata<string | undefined>>

export type StandardOption = { id: number; name: string; unit: string; direction: string }

/** The fields of one indicator, for adding and for changing it. */
export function IndicatorFields({ fields, standards }: { fields: Fields; standards: readonly StandardOption[] }) {
  const { t } = useT()
  const L = INDICATOR_LABELS
  return (
    <>
      {standards.length ? (
        <SelectField
          meta={fields.standardIndicatorId}
          label={L.standardIndicatorId}
          placeholder={t({ id: 'campaigns.indicator_fields.none', defaultMessage: 'None' })}
          options={standards.map((s) => ({ value: String(s.id), label: `${s.name} (${t(INDICATOR_UNITS.message(s.unit as never)).toLowerCase()})` }))}
          hint={t({ id: 'campaigns.indicator_fields.adopt_one_of_the_coordinators_shared', defaultMessage: 'Adopt one of the coordinators’ shared indicators, measured the same way, and your results add up with other organisations’. Choose the same unit and direction below.' })}
        />
      ) : null}
      <TextField meta={fields.name} label={L.name} hint={t({ id: 'campaigns.indicator_fields.for_example_of_prospective_migrants_who', defaultMessage: 'For example “% of prospective migrants who know the hotline number”.' })} />
      <ChoiceGroup meta={fields.level} legend={L.level} type="radio" choices={termChoices(t, INDICATOR_LEVELS, true)} />
      <ChoiceGroup meta={fields.unit} legend={L.unit} type="radio" choices={termChoices(t, INDICATOR_UNITS, true)} />
      <ChoiceGroup meta={fields.direction} legend={L.direction} type="radio" choices={termChoices(t, DIRECTIONS, true)} />
      <InputField meta={fields.baseline} label={L.baseline} type="number" inputMode="decimal" hint={t({ id: 'campaigns.indicator_fields.the_value_before_the_campaign_if', defaultMessage: 'The value before the campaign, if you know it.' })} />
      <ChoiceGroup
        meta={fields.baselineAtSurvey}
        legend={L.baselineAtSurvey}
        type="checkbox"
        choices={[{ value: 'on', label: tr({ id: 'campaigns.indicator.baseline_at_survey', defaultMessage: 'To be measured at baseline' }), hint: tr({ id: 'campaigns.indicator.baseline_at_survey_hint', defaultMessage: 'A survey before the campaign starts will give the baseline.' }) }]}
      />
      <InputField meta={fields.target} label={L.target} type="number" inputMode="decimal" />
      <TextAreaField meta={fields.meansOfVerification} label={L.meansOfVerification} hint={t({ id: 'campaigns.indicator_fields.how_you_will_know_a_baseline', defaultMessage: 'How you will know: a baseline and endline survey, hotline records, attendance lists…' })} rows={3} />
    </>
  )
}

export function indicatorDefaults(i?: {
  name: string
  level: string
  unit: string
  direction: string
  baseline: number | null
  baselineAtSurvey: boolean
  target: number | null
  meansOfVerification: string
  standardIndicatorId?: number | null
}) {
  return {
    name: i?.name ?? '',
    level: i?.level ?? 'outcome',
    unit: i?.unit ?? 'percent',
    direction: i?.direction ?? 'increase',
    baseline: i?.baseline === null || i?.baseline === undefined ? '' : String(i.baseline),
    baselineAtSurvey: i?.baselineAtSurvey ? 'on' : '',
    target: i?.target === null || i?.target === undefined ? '' : String(i.target),
    meansOfVerification: i?.meansOfVerification ?? '',
    standardIndicatorId: i?.standardIndicatorId ? String(i.standardIndicatorId) : '',
  }
}
