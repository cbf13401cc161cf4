import { InputField, SelectField, type FieldProps } from '../../shared/ui/forms'
import { termChoices } from '../../shared/ui/options'
import { SAMPLINGS } from '../../shared/taxonomy/taxonomy'

// How a wave's respondents were drawn: the same fields when a wave is added
// and when its design is declared later.

export const SAMPLING_LABELS = { sampling: 'How respondents were drawn', clusterUnit: 'What the clusters are', designEffect: 'Expected design effect' }

type Fields = Record<keyof typeof SAMPLING_LABELS, FieldProps['meta']>

export function SamplingFields({ fields }: { fields: Fields }) {
  return (
    <>
      <SelectField
        meta={fields.sampling}
        label={SAMPLING_LABELS.sampling}
        hint="Decides how certain the results are: a cluster sample is analysed with its clusters."
        options={termChoices(SAMPLINGS.terms)}
        placeholder="Not stated yet"
      />
      <InputField meta={fields.clusterUnit} label={SAMPLING_LABELS.clusterUnit} hint="For a cluster sample: what was drawn first, like village or school." type="text" width="full" />
      <InputField meta={fields.designEffect} label={SAMPLING_LABELS.designEffect} hint="For planning the size: 1.5 to 2 is common when villages or schools are drawn." type="number" inputMode="decimal" />
    </>
  )
}
