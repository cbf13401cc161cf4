import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { LiveOverlaps } from '../features/coordination'
import { ChoiceGroup, InputField, TextField } from '../shared/ui/forms'
import { termChoices } from '../shared/ui/options'
import { AUDIENCES } from '../shared/taxonomy/taxonomy'
import { audiencesSchema } from '../features/campaigns'
import { loadForEdit, sectionAction, updateAudiences } from '../features/campaigns/index.server'
import { changeResults } from '../features/results/index.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, defineMessages, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.target_audiences', defaultMessage: 'Target audiences' }))

export async function loader(args: LoaderFunctionArgs) {
  const { stored } = await loadForEdit(args)
  const c = stored.campaign
  return {
    constraint: constraintOf(audiencesSchema),
    campaign: { id: stored.row.id, title: c.title },
    saved: { country: c.country ?? '', subdivisions: c.subdivisions, startDate: c.startDate ?? '', endDate: c.endDate ?? '' },
    defaults: {
      audiences: c.audiences.map((a) => a.code),
      sizes: Object.fromEntries(c.audiences.filter((a) => a.estimatedSize !== null).map((a) => [a.code, String(a.estimatedSize)])) as Record<string, string>,
      audienceOther: c.audienceOther,
    },
  }
}

// The audiences' sizes are the campaign's people targeted, a total its summary keeps.
export const action = sectionAction(audiencesSchema, (actor, id, value) => changeResults(actor, id, (change) => updateAudiences(change, value), { totalsOnly: true }))

const m = defineMessages({
  heading: { id: 'titles.target_audiences', defaultMessage: 'Target audiences' },
  audienceOther: { id: 'campaigns.fields.audience_other_label', defaultMessage: 'Other audience' },
  sizeError: { id: 'campaigns.audiences.size_label', defaultMessage: 'Estimated size: {audience}' },
  sizeField: { id: 'campaigns.audiences.size_field', defaultMessage: 'Estimated number: {audience}' },
  lede: {
    id: 'campaigns.audiences.lede',
    defaultMessage: 'Who must the campaign reach? Name the groups most at risk, those who create demand, or the professionals who can spot victims — not only “everyone”.',
  },
  chooseOne: { id: 'forms.choose_one_or_more', defaultMessage: 'Choose one or more.' },
  onlyOther: { id: 'forms.only_if_other', defaultMessage: 'Only if you chose “Other”.' },
  sizes: { id: 'campaigns.audiences.sizes', defaultMessage: 'Estimated size of each audience (optional)' },
  sizesHint: { id: 'campaigns.audiences.sizes_hint', defaultMessage: 'How many people of each chosen group the campaign aims to reach.' },
})

export default function Audiences() {
  const { campaign, defaults, saved, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('campaign-audiences', constraint, defaults)
  const sizes = fields.sizes.getFieldset()
  const { t } = useT()
  const LABELS: Record<string, string> = {
    audiences: t(m.heading),
    audienceOther: t(m.audienceOther),
    ...Object.fromEntries(AUDIENCES.terms.map((term) => [`sizes.${term.code}`, t(m.sizeError, { audience: t(AUDIENCES.message(term.code)) })])),
  }
  return (
    <>
    <SectionPage
      title={t(m.heading)}
      campaign={campaign}
      form={form}
      labels={LABELS}
      intro={<p className="lede">{t(m.lede)}</p>}
    >
      <ChoiceGroup meta={fields.audiences} legend={LABELS.audiences!} hint={t(m.chooseOne)} type="checkbox" columns choices={termChoices(t, AUDIENCES)} />
      <TextField meta={fields.audienceOther} label={LABELS.audienceOther!} hint={t(m.onlyOther)} />
      <details className="details">
        <summary>{t(m.sizes)}</summary>
        <p className="field__hint">{t(m.sizesHint)}</p>
        {AUDIENCES.terms
          .filter((term) => term.code !== 'other')
          .map((term) => (
            <InputField key={term.code} meta={sizes[term.code]!} label={t(m.sizeField, { audience: t(AUDIENCES.message(term.code)) })} type="number" inputMode="numeric" />
          ))}
      </details>
    </SectionPage>
    <LiveOverlaps campaignId={campaign.id} formId={form.id} saved={saved} />
    </>
  )
}
