import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { LiveOverlaps } from '../features/coordination'
import { ChoiceGroup, InputField, TextField } from '../shared/ui/forms'
import { COUNTRY_OPTIONS } from '../shared/ui/options'
import { countryName } from '../shared/taxonomy/countries'
import { subdivisionsOf } from '../shared/taxonomy/subdivisions'
import { whereWhenSchema } from '../features/campaigns'
import { loadForEdit, sectionAction, updateWhereWhen, whereWhenServerSchema } from '../features/campaigns/index.server'
import { constraintOf } from '../shared/forms.server'

export const meta: MetaFunction = () => [{ title: 'Where and when – Lantern' }]

export async function loader(args: LoaderFunctionArgs) {
  const { stored } = await loadForEdit(args)
  const c = stored.campaign
  const url = new URL(args.request.url)
  // Without JavaScript, choosing a country reloads the page with it (GET ?country=).
  const chosen = (url.searchParams.get('country') ?? c.country ?? '').toUpperCase()
  const country = COUNTRY_OPTIONS.some((o) => o.value === chosen) ? chosen : ''
  return {
    constraint: constraintOf(whereWhenSchema),
    campaign: { id: stored.row.id, title: c.title },
    savedAudiences: c.audiences.map((a) => a.code as string),
    country,
    countryName: country ? countryName(country) : '',
    subdivisions: country ? subdivisionsOf(country).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })) : [],
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

const LABELS = { country: 'Country', subdivisions: 'Subdivisions', locality: 'Locality', startDate: 'Start date', endDate: 'End date' }

export default function WhereWhen() {
  const data = useLoaderData<typeof loader>()
  const { constraint } = data
  const [form, fields] = useSectionForm('campaign-where', constraint, data.defaults)
  return (
    <>
      {data.country ? null : (
        <form method="get" className="form" aria-label="Choose the country">
          <p className="muted">{data.campaign.title}</p>
          <h1>Where and when</h1>
          <div className="field">
            <label className="field__label" htmlFor="pick-country">
              Country
            </label>
            <div className="field__hint" id="pick-country-hint">
              Choose the country first; its subdivisions are shown next.
            </div>
            <select id="pick-country" name="country" className="select" aria-describedby="pick-country-hint" defaultValue="">
              <option value="">Choose a country</option>
              {COUNTRY_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--primary">
            Continue
          </button>
        </form>
      )}
      {data.country ? (
        <SectionPage title="Where and when" campaign={data.campaign} form={form} labels={LABELS}>
          {/* The subdivisions below belong to this country, so it is changed by choosing again, not in place. */}
          <input type="hidden" name={fields.country.name} value={data.country} />
          <div className="field">
            <p className="field__label" id="where-country">
              Country
            </p>
            <p>
              {data.countryName} ({data.country}) · <a href="?country=">Choose another country</a>
            </p>
          </div>
          <ChoiceGroup
            meta={fields.subdivisions}
            legend={`Subdivisions of ${data.countryName}`}
            hint="Leave all unticked if the campaign covers the whole country."
            type="checkbox"
            columns
            searchable
            choices={data.subdivisions}
          />
          <TextField meta={fields.locality} label={LABELS.locality} hint="Optional: district or town, in words." />
          <InputField meta={fields.startDate} label={LABELS.startDate} type="date" hint="For example 2026-04-01." />
          <InputField meta={fields.endDate} label={LABELS.endDate} type="date" />
        </SectionPage>
      ) : null}
      {data.country ? (
        <LiveOverlaps campaignId={data.campaign.id} formId={form.id} saved={{ audiences: data.savedAudiences }} />
      ) : null}
    </>
  )
}
