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

export const meta: MetaFunction = () => [{ title: 'Target audiences – Lantern' }]

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

const LABELS: Record<string, string> = {
  audiences: 'Target audiences',
  audienceOther: 'Other audience',
  ...Object.fromEntries(AUDIENCES.terms.map((t) => [`sizes.${t.code}`, `Estimated size: ${t.label}`])),
}

export default function Audiences() {
  const { campaign, defaults, saved, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('campaign-audiences', constraint, defaults)
  const sizes = fields.sizes.getFieldset()
  return (
    <>
    <SectionPage
      title="Target audiences"
      campaign={campaign}
      form={form}
      labels={LABELS}
      intro={<p className="lede">Who must the campaign reach? Name the groups most at risk, those who create demand, or the professionals who can spot victims — not only “everyone”.</p>}
    >
      <ChoiceGroup meta={fields.audiences} legend={LABELS.audiences!} hint="Choose one or more." type="checkbox" columns choices={termChoices(AUDIENCES.terms)} />
      <TextField meta={fields.audienceOther} label={LABELS.audienceOther!} hint="Only if you chose “Other”." />
      <details className="details">
        <summary>Estimated size of each audience (optional)</summary>
        <p className="field__hint">How many people of each chosen group the campaign aims to reach.</p>
        {AUDIENCES.terms
          .filter((t) => t.code !== 'other')
          .map((t) => (
            <InputField key={t.code} meta={sizes[t.code]!} label={`Estimated number: ${t.label}`} type="number" inputMode="numeric" />
          ))}
      </details>
    </SectionPage>
    <LiveOverlaps campaignId={campaign.id} formId={form.id} saved={saved} />
    </>
  )
}
