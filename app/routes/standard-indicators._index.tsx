import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '../shared/permissions/permissions'
import { DIRECTIONS, INDICATOR_UNITS } from '../shared/taxonomy/taxonomy'
import { requireSession } from '../features/accounts/index.server'
import { standardIndicatorList } from '../features/standards/index.server'

export const meta: MetaFunction = () => [{ title: 'Standard indicators – Lantern' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  return { indicators: standardIndicatorList().map((s) => ({ ...s, createdAt: undefined, updatedAt: undefined })), canManage: can(actor, 'standards.manage', null) }
}

export default function StandardIndicators() {
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Standard indicators</h1>
      <p className="lede">
        Indicators the coordinators keep for everyone. A campaign indicator that adopts one is measured the same way, so results add up across
        organisations.
      </p>
      {d.canManage ? (
        <div className="actions">
          <Link className="button button--primary" to="/standard-indicators/new">
            Add a standard indicator
          </Link>
        </div>
      ) : null}
      {d.indicators.length === 0 ? (
        <p>No standard indicators yet.</p>
      ) : (
        <div className="table-wrap" role="region" aria-label="Standard indicators" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Unit</th>
                <th scope="col">Better when</th>
                <th scope="col">Adopted by</th>
              </tr>
            </thead>
            <tbody>
              {d.indicators.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/standard-indicators/${s.code}`}>{s.name}</Link>
                    <span className="task-list__summary">{s.code}</span>
                  </th>
                  <td>{INDICATOR_UNITS.label(s.unit)}</td>
                  <td>{DIRECTIONS.label(s.direction)}</td>
                  <td>
                    {s.adopted} campaign indicator{s.adopted === 1 ? '' : 's'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
