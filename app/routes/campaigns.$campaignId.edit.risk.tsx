import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { ChoiceGroup, TextAreaField } from '../shared/ui/forms'
import { riskSchema } from '../features/campaigns'
import { loadForEdit, sectionAction, updateRisk } from '../features/campaigns/index.server'
import { constraintOf } from '../shared/forms.server'

export const meta: MetaFunction = () => [{ title: 'Message-risk review – Lantern' }]

export async function loader(args: LoaderFunctionArgs) {
  const { stored } = await loadForEdit(args)
  const r = stored.campaign.risk
  return {
    constraint: constraintOf(riskSchema),
    campaign: { id: stored.row.id, title: stored.campaign.title },
    defaults: { restraintImagery: r.restraintImagery ?? '', antiMigration: r.antiMigration ?? '', identifiesVictim: r.identifiesVictim ?? '', mitigation: r.mitigation },
  }
}

export const action = sectionAction(riskSchema, updateRisk)

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
]
const LABELS = {
  restraintImagery: 'Does any material show chains, cages, handcuffs or other restraint?',
  antiMigration: 'Could the message read as “do not migrate”?',
  identifiesVictim: 'Could the material identify a victim?',
  mitigation: 'How will you change the material?',
}

export default function Risk() {
  const { campaign, defaults, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('campaign-risk', constraint, defaults)
  return (
    <SectionPage
      title="Message-risk review"
      campaign={campaign}
      form={form}
      labels={LABELS}
      intro={<p className="lede">Images of restraint misrepresent the crime, “don’t migrate” messages read as anti-migration, and sensational material can expose victims.</p>}
    >
      <ChoiceGroup meta={fields.restraintImagery} legend={LABELS.restraintImagery} type="radio" choices={YES_NO} />
      <ChoiceGroup meta={fields.antiMigration} legend={LABELS.antiMigration} type="radio" choices={YES_NO} />
      <ChoiceGroup meta={fields.identifiesVictim} legend={LABELS.identifiesVictim} type="radio" choices={YES_NO} />
      <TextAreaField meta={fields.mitigation} label={LABELS.mitigation} hint="Needed when you answered yes to any question." />
    </SectionPage>
  )
}
