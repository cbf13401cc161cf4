import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { FilterDate, FilterSelect, Pagination } from '../shared/ui/filters'
import { COUNTRY_OPTIONS, termChoices } from '../shared/ui/options'
import { can } from '../shared/permissions/permissions'
import { countryName } from '../shared/taxonomy/countries'
import { subdivisionsOf } from '../shared/taxonomy/subdivisions'
import { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, STATUSES } from '../shared/taxonomy/taxonomy'
import { parseCampaignFilters } from '../features/campaigns'
import { listCampaigns, organisationsWithCampaigns } from '../features/campaigns/index.server'
import { getSession } from '../features/accounts/index.server'

export const meta: MetaFunction = () => [{ title: 'Campaigns – Lantern' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const viewer = session?.actor ?? null
  const filters = parseCampaignFilters(new URL(request.url).searchParams)
  const [list, organisations] = await Promise.all([listCampaigns(viewer, filters), organisationsWithCampaigns(viewer)])
  return {
    filters,
    ...list,
    organisations,
    subdivisions: filters.country ? subdivisionsOf(filters.country).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })) : [],
    canCreate: viewer !== null && can(viewer, 'campaign.edit', viewer.membership?.organisationId ?? null),
  }
}

const YEARS = Array.from({ length: 9 }, (_, i) => String(2022 + i)).map((y) => ({ value: y, label: y }))

export default function Campaigns() {
  const d = useLoaderData<typeof loader>()
  const [search] = useSearchParams()
  const f = d.filters
  return (
    <>
      <h1>Campaigns</h1>
      <div className="actions">
        {d.canCreate ? (
          <>
            <Link className="button button--primary" to="/campaigns/new">
              Register a campaign
            </Link>
            <Link to="/campaigns/import">Import from a spreadsheet</Link>
          </>
        ) : null}
        <a href={`/campaigns.csv?${search}`} download>
          Download this list as CSV
        </a>
      </div>
      <Form method="get" className="filters" aria-label="Filter campaigns">
        <div className="field">
          <label className="field__label" htmlFor="filter-q">
            Search
          </label>
          <input id="filter-q" name="q" type="search" defaultValue={f.q ?? ''} className="input" />
        </div>
        <FilterSelect name="country" label="Country" options={COUNTRY_OPTIONS} value={f.country} />
        {d.subdivisions.length ? <FilterSelect name="subdivision" label="Subdivision" options={d.subdivisions} value={f.subdivision} /> : null}
        <FilterSelect name="audience" label="Audience" options={termChoices(AUDIENCES.terms)} value={f.audience} />
        <FilterSelect name="channel" label="Channel" options={termChoices(CHANNELS.terms)} value={f.channel} />
        <FilterSelect name="form" label="Form of exploitation" options={termChoices(EXPLOITATION_FORMS.terms)} value={f.form} />
        <FilterSelect name="status" label="Status" options={termChoices(STATUSES.terms)} value={f.status} />
        <FilterSelect name="organisation" label="Organisation" options={d.organisations.map((o) => ({ value: String(o.id), label: o.name }))} value={f.organisation} />
        <FilterSelect name="year" label="Year" options={YEARS} value={f.year} />
        <FilterDate name="from" label="Running from" value={f.from} />
        <FilterDate name="to" label="Running to" value={f.to} />
        <div className="field">
          <label className="field__label" htmlFor="filter-sort">
            Sort by
          </label>
          <select id="filter-sort" name="sort" defaultValue={f.sort} className="select">
            <option value="start">Start date, newest first</option>
            <option value="title">Title</option>
            <option value="updated">Last changed</option>
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button--secondary">
            Apply filters
          </button>{' '}
          <Link to="/campaigns">Clear</Link>
        </div>
      </Form>
      <p role="status">
        {d.total === 0 ? 'No campaigns match.' : `${d.total} campaign${d.total === 1 ? '' : 's'}${d.pageCount > 1 ? `, page ${d.page} of ${d.pageCount}` : ''}.`}
      </p>
      {d.items.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Campaigns</caption>
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Where</th>
                <th scope="col">When</th>
                <th scope="col">Audiences</th>
                <th scope="col">Status</th>
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
                    {c.country ? countryName(c.country) : '—'}
                    {c.subdivisions.length ? <span className="task-list__summary">{c.subdivisions.join(', ')}</span> : null}
                  </td>
                  <td>{c.startDate && c.endDate ? `${c.startDate} to ${c.endDate}` : '—'}</td>
                  <td>{c.audiences.map(AUDIENCES.label).join(', ') || '—'}</td>
                  <td>{STATUSES.label(c.status)}</td>
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
