import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { LiveOverlaps } from '../features/coordination'
import { ChoiceGroup, InputField, TextField } from '../shared/ui/forms'
import { countryOptions } from '../shared/ui/options'
import { isCountryCode } from '../shared/taxonomy/countries'
import { subdivisionLabel, subdivisionsOf } from '../shared/taxonomy/subdivisions'
import { whereWhenSchema } from '../features/campaigns'
import { loadForEdit, sectionAction, updateWhereWhen, whereWhenServerSchema } from '../features/campaigns/index.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, defineMessages, pageTitle, useT } from '../shared/i18n'
import { translatorOf } from '../features/accounts/index.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.where_and_when', defaultMessage: 'Where and when' }))

export async function loader(args: LoaderFunctionArgs) {
  const { stored } = await loadForEdit(args)
  const c = stored.campaign
  const url = new URL(args.request.url)
  // Without JavaScript, choosing a country reloads the page with it (GET ?country=).
  const chosen = (url.searchParams.get('country') ?? c.country ?? '').toUpperCase()
  const country = isCountryCode(chosen) ? chosen : ''
  const { locale } = translatorOf(args.request)
  const collator = new Intl.Collator(locale)
  return {
    constraint: constraintOf(whereWhenSchema),
    campaign: { id: stored.row.id, title: c.title },
    savedAudiences: c.audiences.map((a) => a.code as string),
    country,
    subdivisions: country
      ? subdivisionsOf(country)
          .map((s) => ({ value: s.code, label: subdivisionLabel(s.code, locale) }))
          .sort((a, b) => collator.compare(a.label, b.label))
      : [],
    defaults: {
      country,
      subdivisions: country === c.country ? c.subdivisions : [],
      locality: c.locality,
      startDate: c.startDate ?? '',
      endDate: c.endDate ?? '',
    },
  }
}

export const action = sectionAction(whereWhenServerSchema, updateWhereWhen)

const m = defineMessages({
  heading: { id: 'titles.where_and_when', defaultMessage: 'Where and when' },
  country: { id: 'campaigns.fields.country', defaultMessage: 'Country' },
  subdivisions: { id: 'campaigns.fields.subdivisions', defaultMessage: 'Subdivisions' },
  locality: { id: 'campaigns.fields.locality', defaultMessage: 'Locality' },
  startDate: { id: 'campaigns.fields.start_date', defaultMessage: 'Start date' },
  endDate: { id: 'campaigns.fields.end_date', defaultMessage: 'End date' },
  chooseCountryForm: { id: 'campaigns.where.choose_country_form', defaultMessage: 'Choose the country' },
  countryFirst: { id: 'campaigns.where.country_first', defaultMessage: 'Choose the country first; its subdivisions are shown next.' },
  chooseCountry: { id: 'fields.country.required', defaultMessage: 'Choose a country' },
  continue: { id: 'forms.continue', defaultMessage: 'Continue' },
  another: { id: 'campaigns.where.another_country', defaultMessage: 'Choose another country' },
  subdivisionsOf: { id: 'campaigns.where.subdivisions_of', defaultMessage: 'Subdivisions of {country}' },
  wholeCountry: { id: 'campaigns.where.whole_country_hint', defaultMessage: 'Leave all unticked if the campaign covers the whole country.' },
  localityHint: { id: 'campaigns.where.locality_hint', defaultMessage: 'Optional: district or town, in words.' },
  dateHint: { id: 'campaigns.where.date_hint', defaultMessage: 'For example 2026-04-01.' },
})

export default function WhereWhen() {
  const data = useLoaderData<typeof loader>()
  const { constraint } = data
  const [form, fields] = useSectionForm('campaign-where', constraint, data.defaults)
  const i18n = useT()
  const { t } = i18n
  const LABELS = { country: t(m.country), subdivisions: t(m.subdivisions), locality: t(m.locality), startDate: t(m.startDate), endDate: t(m.endDate) }
  const countryName = data.country ? i18n.country(data.country) : ''
  return (
    <>
      {data.country ? null : (
        <form method="get" className="form" aria-label={t(m.chooseCountryForm)}>
          <p className="muted">{data.campaign.title}</p>
          <h1>{t(m.heading)}</h1>
          <div className="field">
            <label className="field__label" htmlFor="pick-country">
              {t(m.country)}
            </label>
            <div className="field__hint" id="pick-country-hint">
              {t(m.countryFirst)}
            </div>
            <select id="pick-country" name="country" className="select" aria-describedby="pick-country-hint" defaultValue="">
              <option value="">{t(m.chooseCountry)}</option>
              {countryOptions(i18n).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary">
            {t(m.continue)}
          </button>
        </form>
      )}
      {data.country ? (
        <SectionPage title={t(m.heading)} campaign={data.campaign} form={form} labels={LABELS}>
          {/* The subdivisions below belong to this country, so it is changed by choosing again, not in place. */}
          <input type="hidden" name={fields.country.name} value={data.country} />
          <div className="field">
            <p className="field__label" id="where-country">
              {t(m.country)}
            </p>
            <p>
              {countryName} ({data.country}) · <a href="?country=">{t(m.another)}</a>
            </p>
          </div>
          <ChoiceGroup
            meta={fields.subdivisions}
            legend={t(m.subdivisionsOf, { country: countryName })}
            hint={t(m.wholeCountry)}
            type="checkbox"
            columns
            searchable
            choices={data.subdivisions}
          />
          <TextField meta={fields.locality} label={LABELS.locality} hint={t(m.localityHint)} />
          <InputField meta={fields.startDate} label={LABELS.startDate} type="date" hint={t(m.dateHint)} />
          <InputField meta={fields.endDate} label={LABELS.endDate} type="date" />
        </SectionPage>
      ) : null}
      {data.country ? (
        <LiveOverlaps campaignId={data.campaign.id} formId={form.id} saved={{ audiences: data.savedAudiences }} />
      ) : null}
    </>
  )
}
