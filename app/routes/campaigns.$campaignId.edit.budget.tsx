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
import { defineMessage, defineMessages, pageTitle, useT, type Translator } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.budget_funders_and_visibility', defaultMessage: 'Budget, funders and visibility' }))

export async function loader(args: LoaderFunctionArgs) {
  const { stored } = await loadForEdit(args)
  const c = stored.campaign
  return {
    constraint: constraintOf(budgetSchema),
    campaign: { id: stored.row.id, title: c.title },
    donors: (await donorOrganisations()).map((d) => ({ value: String(d.id), label: d.name })),
    // The codes only: the page names them in its reader's language, and the currency list stays on the server.
    currencies: CURRENCIES.map((c) => c.code),
    defaults: {
      budget: c.budget === null ? '' : String(c.budget),
      currency: c.currency ?? '',
      funderIds: c.funderIds.map(String),
      visibility: c.visibility,
    },
  }
}

export const action = sectionAction(budgetSchema, updateBudget)

const m = defineMessages({
  heading: { id: 'titles.budget_funders_and_visibility', defaultMessage: 'Budget, funders and visibility' },
  budget: { id: 'campaigns.fields.budget', defaultMessage: 'Budget' },
  currency: { id: 'campaigns.fields.currency', defaultMessage: 'Currency' },
  funderIds: { id: 'campaigns.fields.funders', defaultMessage: 'Funders' },
  visibility: { id: 'campaigns.fields.visibility', defaultMessage: 'Who can see this campaign' },
  budgetHint: { id: 'campaigns.budget.hint', defaultMessage: 'Whole units, without decimals. Optional.' },
  chooseCurrency: { id: 'campaigns.budget.choose_currency', defaultMessage: 'Choose a currency' },
  fundersHint: { id: 'campaigns.budget.funders_hint', defaultMessage: 'Donor organisations on Lantern that fund this campaign. They will see it even when it is private.' },
})

/** Currency names in the reader's language, from Intl; the code first, as budgets are written. */
const currencyOptions = (i18n: Translator, codes: readonly string[]) => codes.map((code) => ({ value: code, label: `${code} – ${i18n.currency(code)}` }))

export default function Budget() {
  const { campaign, donors, currencies, defaults, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('campaign-budget', constraint, defaults)
  const i18n = useT()
  const { t } = i18n
  const LABELS = { budget: t(m.budget), currency: t(m.currency), funderIds: t(m.funderIds), visibility: t(m.visibility) }
  return (
    <SectionPage title={t(m.heading)} campaign={campaign} form={form} labels={LABELS}>
      <InputField meta={fields.budget} label={LABELS.budget} type="number" inputMode="numeric" hint={t(m.budgetHint)} />
      <SelectField meta={fields.currency} label={LABELS.currency} options={currencyOptions(i18n, currencies)} placeholder={t(m.chooseCurrency)} />
      {donors.length ? (
        <ChoiceGroup meta={fields.funderIds} legend={LABELS.funderIds} hint={t(m.fundersHint)} type="checkbox" choices={donors} />
      ) : null}
      <ChoiceGroup meta={fields.visibility} legend={LABELS.visibility} type="radio" choices={termChoices(t, VISIBILITIES, true)} />
    </SectionPage>
  )
}
