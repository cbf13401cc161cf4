import { InputField, SelectField, type FieldProps } from '../../shared/ui/forms'
import { termChoices } from '../../shared/ui/options'
import { SAMPLINGS } from '../../shared/taxonomy/taxonomy'
import { tr, useT } from '../../shared/i18n'

// How a wave's respondents were drawn: the same fields when a wave is added
// and when its design is declared later.

export const SAMPLING_LABELS = { get sampling() {
    return tr({ id: 'surveys.sampling_fields.sampling_labels.sampling', defaultMessage: 'How respondents were drawn' })
  }, get clusterUnit() {
    return tr({ id: 'surveys.sampling_fields.sampling_labels.clusterunit', defaultMessage: 'What the clusters are' })
  }, get designEffect() {
    return tr({ id: 'surveys.sampling_fields.sampling_labels.designeffect', defaultMessage: 'Expected design effect' })
  }, }

type Fields = Record<keyof typeof SAMPLING_LABELS, FieldProps['meta']>

export function SamplingFields({ fields }: { fields: Fields }) {
  const { t } = useT()
  return (
    <>
      <SelectField
        meta={fields.sampling}
        label={SAMPLING_LABELS.sampling}
        hint={t({ id: 'surveys.sampling_fields.decides_how_certain_the_results_are', defaultMessage: 'Decides how certain the results are: a cluster sample is analysed with its clusters.' })}
        options={termChoices(t, SAMPLINGS)}
        placeholder={t({ id: 'surveys.sampling_fields.not_stated_yet', defaultMessage: 'Not stated yet' })}
      />
      <InputField meta={fields.clusterUnit} label={SAMPLING_LABELS.clusterUnit} hint={t({ id: 'surveys.sampling_fields.for_a_cluster_sample_what_was', defaultMessage: 'For a cluster sample: what was drawn first, like village or school.' })} type="text" width="full" />
      <InputField meta={fields.designEffect} label={SAMPLING_LABELS.designEffect} hint={t({ id: 'surveys.sampling_fields.for_planning_the_size_1_5', defaultMessage: 'For planning the size: 1.5 to 2 is common when villages or schools are drawn.' })} type="number" inputMode="decimal" />
    </>
  )
}
