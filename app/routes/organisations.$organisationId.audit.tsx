import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { listAuditEvents } from '../features/organisations/index.server'
import { organisationParams, parseParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'

export const meta: MetaFunction = () => [{ title: 'Audit log – Lantern' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { organisationId } = parseParams(params, organisationParams)
  const events = await listAuditEvents(actor, organisationId)
  return {
    events: events.map((e) => ({
      ...e,
      at: e.at.toISOString(),
      before: e.before === null ? null : JSON.stringify(e.before),
      after: e.after === null ? null : JSON.stringify(e.after),
    })),
  }
}

export default function AuditLog() {
  const { events } = useLoaderData<typeof loader>()
  return (
    <>
      <h2>Audit log</h2>
      <p>Every change to this organisation’s data: who made it, when, and what it was before and after. Newest first.</p>
      {events.length === 0 ? (
        <p>Nothing has been recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Audit events</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{e.at.slice(0, 16).replace('T', ' ')}</td>
                  <td>{e.actorName ?? 'A deleted user'}</td>
                  <td>
                    <code>{e.action}</code> {e.entityType} {e.entityId}
                  </td>
                  <td>
                    <code>{e.before ?? '—'}</code>
                  </td>
                  <td>
                    <code>{e.after ?? '—'}</code>
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
