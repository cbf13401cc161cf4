import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../shared/ui/forms'
import { termChoices } from '../shared/ui/options'
import { DAC_SECTORS, EXPLOITATION_FORMS, PILLARS, PURPOSES } from '../shared/taxonomy/taxonomy'
import { basicsSchema, defaultSector } from '../features/campaigns'
import { loadForEdit, sectionAction, updateBasics } from '../features/campaigns/index.server'
import { constraintOf } from '../shared/forms.server'

export const meta: MetaFunction = () => [{ title: 'Basics – Lantern' }]

export async function loader(args: LoaderFunctionArgs) {
  const { stored } = await loadForEdit(args)
  const c = stored.campaign
  return {
    constraint: constraintOf(basicsSchema),
    campaign: { id: stored.row.id, title: c.title },
    defaults: {
      title: c.title,
      summary: c.summary,
      pillar: c.pillar,
      dacSector: stored.row.dacSector ?? defaultSector(c),
      purposes: c.purposes,
      exploitationForms: c.exploitationForms,
      languages: c.languages.join(', '),
    },
  }
}

export const action = sectionAction(basicsSchema, updateBasics)

const LABELS = { title: 'Title', summary: 'Summary', pillar: 'Pillar', dacSector: 'Sector (OECD DAC)', purposes: 'Purposes', exploitationForms: 'Forms of exploitation addressed', languages: 'Languages' }

export default function Basics() {
  const { campaign, defaults, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('campaign-basics', constraint, defaults)
  return (
    <SectionPage title="Basics" campaign={campaign} form={form} labels={LABELS}>
      <TextField meta={fields.title} label={LABELS.title} />
      <TextAreaField meta={fields.summary} label={LABELS.summary} hint="What the campaign does, in two or three sentences." />
      <SelectField meta={fields.pillar} label={LABELS.pillar} options={termChoices(PILLARS.terms)} />
      <ChoiceGroup meta={fields.purposes} legend={LABELS.purposes} hint="Choose all that apply." type="checkbox" choices={termChoices(PURPOSES.terms, true)} />
      <ChoiceGroup meta={fields.exploitationForms} legend={LABELS.exploitationForms} type="checkbox" columns choices={termChoices(EXPLOITATION_FORMS.terms)} />
      <SelectField
        meta={fields.dacSector}
        label={LABELS.dacSector}
        hint="The sector IATI files report the campaign under. Lantern suggests one from the pillar, audiences and forms of exploitation until you choose."
        options={termChoices(DAC_SECTORS.terms).map((o) => ({ ...o, label: `${o.value} ${o.label}` }))}
      />
      <TextField meta={fields.languages} label={LABELS.languages} hint="Two-letter ISO 639-1 codes separated by commas, for example uk, ru." />
    </SectionPage>
  )
}
