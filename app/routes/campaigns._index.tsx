import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { FilterDate, FilterSelect, Pagination } from '../shared/ui/filters'
import { countryOptions, termChoices } from '../shared/ui/options'
import { can } from '../shared/permissions/permissions'
import { subdivisionLabel, subdivisionsOf } from '../shared/taxonomy/subdivisions'
import { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, STATUSES } from '../shared/taxonomy/taxonomy'
import { parseCampaignFilters } from '../features/campaigns'
import { listCampaigns, organisationsWithCampaigns } from '../features/campaigns/index.server'
import { getSession, translatorOf } from '../features/accounts/index.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.campaigns', defaultMessage: 'Campaigns' }))

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const viewer = session?.actor ?? null
  const filters = parseCampaignFilters(new URL(request.url).searchParams)
  const [list, organisations] = await Promise.all([listCampaigns(viewer, filters), organisationsWithCampaigns(viewer)])
  return {
    filters,
    ...list,
    organisations,
    subdivisions: filters.country ? subdivisionsOf(filters.country).map((s) => ({ value: s.code, label: subdivisionLabel(s.code, translatorOf(request).locale) })) : [],
    canCreate: viewer !== null && can(viewer, 'campaign.edit', viewer.membership?.organisationId ?? null),
  }
}

const YEARS = Array.from({ length: 9 }, (_, i) => String(2022 + i)).map((y) => ({ value: y, label: y }))

export default function Campaigns() {
  const i18n = useT()
  const { t } = i18n
  const d = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const f = d.filters
  return (
    <>
      <h1>{t({ id: 'campaigns.campaigns', defaultMessage: 'Campaigns' })}</h1>
      <div className="actions">
        {d.canCreate ? (
          <>
            <Link className="button button--primary" to="/campaigns/new">
              {t({ id: 'campaigns.register_a_campaign', defaultMessage: 'Register a campaign' })}</Link>
            <Link to="/campaigns/import">{t({ id: 'campaigns.import_from_a_spreadsheet', defaultMessage: 'Import from a spreadsheet' })}</Link>
          </>
        ) : null}
        <a href={`/campaigns.csv?${search}`} download>
          {t({ id: 'campaigns.download_this_list_as_csv', defaultMessage: 'Download this list as CSV' })}</a>
      </div>
      <Form method="get" className="filters" aria-label={t({ id: 'campaigns.filter_campaigns', defaultMessage: 'Filter campaigns' })}>
        <div className="field">
          <label className="field__label" htmlFor="filter-q">
            {t({ id: 'campaigns.search', defaultMessage: 'Search' })}</label>
          <input id="filter-q" name="q" type="search" defaultValue={f.q ?? ''} className="input" />
        </div>
        <FilterSelect name="country" label={t({ id: 'campaigns.country', defaultMessage: 'Country' })} options={countryOptions(i18n)} value={f.country} />
        {d.subdivisions.length ? <FilterSelect name="subdivision" label={t({ id: 'campaigns.subdivision', defaultMessage: 'Subdivision' })} options={d.subdivisions} value={f.subdivision} /> : null}
        <FilterSelect name="audience" label={t({ id: 'campaigns.audience', defaultMessage: 'Audience' })} options={termChoices(t, AUDIENCES)} value={f.audience} />
        <FilterSelect name="channel" label={t({ id: 'campaigns.channel', defaultMessage: 'Channel' })} options={termChoices(t, CHANNELS)} value={f.channel} />
        <FilterSelect name="form" label={t({ id: 'campaigns.form_of_exploitation', defaultMessage: 'Form of exploitation' })} options={termChoices(t, EXPLOITATION_FORMS)} value={f.form} />
        <FilterSelect name="status" label={t({ id: 'campaigns.status', defaultMessage: 'Status' })} options={termChoices(t, STATUSES)} value={f.status} />
        <FilterSelect name="organisation" label={t({ id: 'campaigns.organisation', defaultMessage: 'Organisation' })} options={d.organisations.map((o) => ({ value: String(o.id), label: o.name }))} value={f.organisation} />
        <FilterSelect name="year" label={t({ id: 'campaigns.year', defaultMessage: 'Year' })} options={YEARS} value={f.year} />
        <FilterDate name="from" label={t({ id: 'campaigns.running_from', defaultMessage: 'Running from' })} value={f.from} />
        <FilterDate name="to" label={t({ id: 'campaigns.running_to', defaultMessage: 'Running to' })} value={f.to} />
        <div className="field">
          <label className="field__label" htmlFor="filter-sort">
            {t({ id: 'campaigns.sort_by', defaultMessage: 'Sort by' })}</label>
          <select id="filter-sort" name="sort" defaultValue={f.sort} className="select">
            <option value="start">{t({ id: 'campaigns.start_date_newest_first', defaultMessage: 'Start date, newest first' })}</option>
            <option value="title">{t({ id: 'campaigns.title', defaultMessage: 'Title' })}</option>
            <option value="updated">{t({ id: 'campaigns.last_changed', defaultMessage: 'Last changed' })}</option>
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button--secondary">
            {t({ id: 'campaigns.apply_filters', defaultMessage: 'Apply filters' })}</button>{' '}
          <Link to="/campaigns">{t({ id: 'campaigns.clear', defaultMessage: 'Clear' })}</Link>
        </div>
      </Form>
      <p role="status">
        {d.total === 0
          ? t({ id: 'campaigns.list.none', defaultMessage: 'No campaigns match.' })
          : d.pageCount > 1
            ? t({ id: 'campaigns.list.count_paged', defaultMessage: '{total, plural, one {# campaign} other {# campaigns}}, page {page, number} of {pages, number}.' }, { total: d.total, page: d.page, pages: d.pageCount })
            : t({ id: 'campaigns.list.count', defaultMessage: '{total, plural, one {# campaign} other {# campaigns}}.' }, { total: d.total })}
      </p>
      {d.items.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t({ id: 'campaigns.campaigns', defaultMessage: 'Campaigns' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t({ id: 'campaigns.campaign', defaultMessage: 'Campaign' })}</th>
                <th scope="col">{t({ id: 'campaigns.where', defaultMessage: 'Where' })}</th>
                <th scope="col">{t({ id: 'campaigns.when', defaultMessage: 'When' })}</th>
                <th scope="col">{t({ id: 'campaigns.audiences', defaultMessage: 'Audiences' })}</th>
                <th scope="col">{t({ id: 'campaigns.status', defaultMessage: 'Status' })}</th>
              </tr>
            </thead>
            <tbody>
              {d.items.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    <Link to={`/campaigns/${c.id}`}>{c.title}</Link>
                    <span className="task-list__summary">{c.organisationName}</span>
                  </th>
                  <td>
                    {c.country ? i18n.country(c.country) : '—'}
                    {c.subdivisions.length ? <span className="task-list__summary">{c.subdivisions.join(', ')}</span> : null}
                  </td>
                  <td>{c.startDate && c.endDate ? i18n.dateRange(c.startDate, c.endDate) : '—'}</td>
                  <td>{i18n.list(c.audiences.map((a) => t(AUDIENCES.message(a)))) || '—'}</td>
                  <td>{t(STATUSES.message(c.status))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination page={d.page} pageCount={d.pageCount} />
    </>
  )
}
