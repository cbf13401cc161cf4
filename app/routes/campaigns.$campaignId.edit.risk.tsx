import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { ChoiceGroup, TextAreaField } from '../shared/ui/forms'
import { riskSchema } from '../features/campaigns'
import { loadForEdit, sectionAction, updateRisk } from '../features/campaigns/index.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, defineMessages, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.message_risk_review', defaultMessage: 'Message-risk review' }))

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

const m = defineMessages({
  heading: { id: 'titles.message_risk_review', defaultMessage: 'Message-risk review' },
  yes: { id: 'forms.yes', defaultMessage: 'Yes' },
  no: { id: 'forms.no', defaultMessage: 'No' },
  restraintImagery: { id: 'campaigns.risk.restraint_imagery', defaultMessage: 'Does any material show chains, cages, handcuffs or other restraint?' },
  antiMigration: { id: 'campaigns.risk.anti_migration', defaultMessage: 'Could the message read as “do not migrate”?' },
  identifiesVictim: { id: 'campaigns.risk.identifies_victim', defaultMessage: 'Could the material identify a victim?' },
  mitigation: { id: 'campaigns.risk.mitigation', defaultMessage: 'How will you change the material?' },
  lede: {
    id: 'campaigns.risk.lede',
    defaultMessage: 'Images of restraint misrepresent the crime, “don’t migrate” messages read as anti-migration, and sensational material can expose victims.',
  },
  mitigationHint: { id: 'campaigns.risk.mitigation_hint', defaultMessage: 'Needed when you answered yes to any question.' },
})

export default function Risk() {
  const { campaign, defaults, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('campaign-risk', constraint, defaults)
  const { t } = useT()
  const YES_NO = [
    { value: 'yes', label: t(m.yes) },
    { value: 'no', label: t(m.no) },
  ]
  const LABELS = { restraintImagery: t(m.restraintImagery), antiMigration: t(m.antiMigration), identifiesVictim: t(m.identifiesVictim), mitigation: t(m.mitigation) }
  return (
    <SectionPage
      title={t(m.heading)}
      campaign={campaign}
      form={form}
      labels={LABELS}
      intro={<p className="lede">{t(m.lede)}</p>}
    >
      <ChoiceGroup meta={fields.restraintImagery} legend={LABELS.restraintImagery} type="radio" choices={YES_NO} />
      <ChoiceGroup meta={fields.antiMigration} legend={LABELS.antiMigration} type="radio" choices={YES_NO} />
      <ChoiceGroup meta={fields.identifiesVictim} legend={LABELS.identifiesVictim} type="radio" choices={YES_NO} />
      <TextAreaField meta={fields.mitigation} label={LABELS.mitigation} hint={t(m.mitigationHint)} />
    </SectionPage>
  )
}
