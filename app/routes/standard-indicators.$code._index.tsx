import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatIndicatorValue, beyondChance, progressWords } from '../features/results'
import { can } from '../shared/permissions/permissions'
import { DIRECTIONS, INDICATOR_UNITS, STATUSES } from '../shared/taxonomy/taxonomy'
import { parseParams, standardIndicatorParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { standardIndicatorPage } from '../features/dashboards/index.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.standard.name ?? 'Standard indicator'} – Lantern` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { code } = parseParams(params, standardIndicatorParams)
  const page = await standardIndicatorPage(actor, code)
  return { ...page, standard: { ...page.standard, createdAt: undefined, updatedAt: undefined }, canManage: can(actor, 'standards.manage', null) }
}

export default function StandardIndicator() {
  const { standard: s, rows, rollup, canManage } = useLoaderData<typeof loader>()
  const value = (v: number | null) => formatIndicatorValue(s.unit, v)
  return (
    <>
      <p className="muted">
        <Link to="/standard-indicators">Standard indicators</Link> · {s.code}
      </p>
      <h1>{s.name}</h1>
      <p className="lede">
        {INDICATOR_UNITS.label(s.unit)}; {DIRECTIONS.label(s.direction).toLowerCase()} is better.
      </p>
      {s.guidance ? <p className="pre-line">{s.guidance}</p> : null}
      {canManage ? (
        <div className="actions">
          <Link className="button button--secondary" to={`/standard-indicators/${s.code}/edit`}>
            Change the indicator
          </Link>
        </div>
      ) : null}
      <h2>Across campaigns</h2>
      {rollup.campaigns === 0 ? (
        <p>No campaign you can see has a result for this indicator yet.</p>
      ) : (
        <div className="notice">
          <p>
            <strong>
              {rollup.baseline !== null ? `${value(rollup.baseline)} → ` : ''}
              {value(rollup.actual)}
            </strong>{' '}
            across {rollup.campaigns} campaign{rollup.campaigns === 1 ? '' : 's'} of {rollup.organisations} organisation{rollup.organisations === 1 ? '' : 's'}
            {rollup.respondents ? `, ${rollup.respondents.toLocaleString('en')} respondents at endline` : ''}.
          </p>
          <p className="muted">
            Method: {rollup.method}.
            {rollup.unweighted ? ` ${rollup.unweighted} campaign${rollup.unweighted === 1 ? '' : 's'} entered figures by hand without a respondent count and are not in the mean.` : ''}
          </p>
        </div>
      )}
      {rows.length ? (
        <div className="table-wrap" role="region" aria-label="Campaigns with this indicator" tabIndex={0}>
          <table>
            <caption>Campaigns that adopt it</caption>
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">Organisation</th>
                <th scope="col">Baseline</th>
                <th scope="col">Actual</th>
                <th scope="col">Target</th>
                <th scope="col">Progress</th>
                <th scope="col">n</th>
                <th scope="col">Change beyond chance?</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.campaignId}>
                  <th scope="row">
                    <Link to={`/campaigns/${r.campaignId}`}>{r.title}</Link>
                    <span className="task-list__summary">{STATUSES.label(r.status)}</span>
                  </th>
                  <td>{r.organisation}</td>
                  <td>{value(r.baseline)}</td>
                  <td>
                    {value(r.actual)}
                    {r.actualFrom ? <span className="task-list__summary">{r.actualFrom === 'survey' ? 'endline survey' : 'entered by date'}</span> : null}
                  </td>
                  <td>{value(r.target)}</td>
                  <td>{progressWords(r.progress)}</td>
                  <td>{r.nActual?.toLocaleString('en') ?? '—'}</td>
                  <td>{beyondChance(r.pValue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  )
}
