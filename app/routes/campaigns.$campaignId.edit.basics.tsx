import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../shared/ui/forms'
import { termChoices } from '../shared/ui/options'
import { DAC_SECTORS, EXPLOITATION_FORMS, PILLARS, PURPOSES } from '../shared/taxonomy/taxonomy'
import { basicsSchema, defaultSector } from '../features/campaigns'
import { loadForEdit, sectionAction, updateBasics } from '../features/campaigns/index.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, defineMessages, useT } from '../shared/i18n'
import { pageTitle } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.basics', defaultMessage: 'Basics' }))

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

const m = defineMessages({
  heading: { id: 'titles.basics', defaultMessage: 'Basics' },
  title: { id: 'campaigns.fields.title', defaultMessage: 'Title' },
  summary: { id: 'campaigns.fields.summary', defaultMessage: 'Summary' },
  pillar: { id: 'campaigns.fields.pillar', defaultMessage: 'Pillar' },
  dacSector: { id: 'campaigns.fields.dac_sector', defaultMessage: 'Sector (OECD DAC)' },
  purposes: { id: 'campaigns.fields.purposes', defaultMessage: 'Purposes' },
  exploitationForms: { id: 'campaigns.fields.exploitation_forms', defaultMessage: 'Forms of exploitation addressed' },
  languages: { id: 'campaigns.fields.languages', defaultMessage: 'Languages' },
  summaryHint: { id: 'campaigns.basics.summary_hint', defaultMessage: 'What the campaign does, in two or three sentences.' },
  chooseAll: { id: 'forms.choose_all_that_apply', defaultMessage: 'Choose all that apply.' },
  sectorHint: {
    id: 'campaigns.basics.sector_hint',
    defaultMessage: 'The sector IATI files report the campaign under. Lantern suggests one from the pillar, audiences and forms of exploitation until you choose.',
  },
  languagesHint: { id: 'campaigns.basics.languages_hint', defaultMessage: 'Two-letter ISO 639-1 codes separated by commas, for example uk, ru.' },
})

export default function Basics() {
  const { campaign, defaults, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('campaign-basics', constraint, defaults)
  const { t } = useT()
  const LABELS = {
    title: t(m.title),
    summary: t(m.summary),
    pillar: t(m.pillar),
    dacSector: t(m.dacSector),
    purposes: t(m.purposes),
    exploitationForms: t(m.exploitationForms),
    languages: t(m.languages),
  }
  return (
    <SectionPage title={t(m.heading)} campaign={campaign} form={form} labels={LABELS}>
      <TextField meta={fields.title} label={LABELS.title} />
      <TextAreaField meta={fields.summary} label={LABELS.summary} hint={t(m.summaryHint)} />
      <SelectField meta={fields.pillar} label={LABELS.pillar} options={termChoices(t, PILLARS)} />
      <ChoiceGroup meta={fields.purposes} legend={LABELS.purposes} hint={t(m.chooseAll)} type="checkbox" choices={termChoices(t, PURPOSES, true)} />
      <ChoiceGroup meta={fields.exploitationForms} legend={LABELS.exploitationForms} type="checkbox" columns choices={termChoices(t, EXPLOITATION_FORMS)} />
      <SelectField
        meta={fields.dacSector}
        label={LABELS.dacSector}
        hint={t(m.sectorHint)}
        options={termChoices(t, DAC_SECTORS).map((o) => ({ ...o, label: `${o.value} ${o.label}` }))}
      />
      <TextField meta={fields.languages} label={LABELS.languages} hint={t(m.languagesHint)} />
    </SectionPage>
  )
}
