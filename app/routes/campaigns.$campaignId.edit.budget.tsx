import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { ChoiceGroup, InputField, SelectField } from '../shared/ui/forms'
import { termChoices } from '../shared/ui/options'
import { CURRENCIES } from '../shared/taxonomy/languages'
import { VISIBILITIES } from '../shared/taxonomy/taxonomy'
import { budgetSchema } from '../features/campaigns'
import { donorOrganisations, loadForEdit, sectionAction, updateBudget } from '../features/campaigns/index.server'
import { constraintOf } from '../shared/forms.server'

export const meta: MetaFunction = () => [{ title: 'Budget, funders and visibility – Lantern' }]

export async function loader(args: LoaderFunctionArgs) {
  const { stored } = await loadForEdit(args)
  const c = stored.campaign
  return {
    constraint: constraintOf(budgetSchema),
    campaign: { id: stored.row.id, title: c.title },
    donors: (await donorOrganisations()).map((d) => ({ value: String(d.id), label: d.name })),
    defaults: {
      budget: c.budget === null ? '' : String(c.budget),
      currency: c.currency ?? '',
      funderIds: c.funderIds.map(String),
      visibility: c.visibility,
    },
  }
}

export const action = sectionAction(budgetSchema, updateBudget)

const LABELS = { budget: 'Budget', currency: 'Currency', funderIds: 'Funders', visibility: 'Who can see this campaign' }
const CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c.code, label: `${c.code} – ${c.name}` }))

export default function Budget() {
  const { campaign, donors, defaults, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('campaign-budget', constraint, defaults)
  return (
    <SectionPage title="Budget, funders and visibility" campaign={campaign} form={form} labels={LABELS}>
      <InputField meta={fields.budget} label={LABELS.budget} type="number" inputMode="numeric" hint="Whole units, without decimals. Optional." />
      <SelectField meta={fields.currency} label={LABELS.currency} options={CURRENCY_OPTIONS} placeholder="Choose a currency" />
      {donors.length ? (
        <ChoiceGroup meta={fields.funderIds} legend={LABELS.funderIds} hint="Donor organisations on Lantern that fund this campaign. They will see it even when it is private." type="checkbox" choices={donors} />
      ) : null}
      <ChoiceGroup meta={fields.visibility} legend={LABELS.visibility} type="radio" choices={termChoices(VISIBILITIES.terms, true)} />
    </SectionPage>
  )
}
