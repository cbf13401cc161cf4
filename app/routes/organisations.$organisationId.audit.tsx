import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { listAuditEvents } from '../features/organisations/index.server'
import { organisationParams, parseParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.audit_log', defaultMessage: 'Audit log' }))

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
  const { t } = useT()
  const { events } = useLoaderData<typeof loader>()
  return (
    <>
      <h2>{t({ id: 'organisations.audit.audit_log', defaultMessage: 'Audit log' })}</h2>
      <p>{t({ id: 'organisations.audit.every_change_to_this_organisation_s', defaultMessage: 'Every change to this organisation’s data: who made it, when, and what it was before and after. Newest first.' })}</p>
      {events.length === 0 ? (
        <p>{t({ id: 'organisations.audit.nothing_has_been_recorded_yet', defaultMessage: 'Nothing has been recorded yet.' })}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t({ id: 'organisations.audit.audit_events', defaultMessage: 'Audit events' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t({ id: 'organisations.audit.when_utc', defaultMessage: 'When (UTC)' })}</th>
                <th scope="col">{t({ id: 'organisations.audit.who', defaultMessage: 'Who' })}</th>
                <th scope="col">{t({ id: 'organisations.audit.what', defaultMessage: 'What' })}</th>
                <th scope="col">{t({ id: 'organisations.audit.before', defaultMessage: 'Before' })}</th>
                <th scope="col">{t({ id: 'organisations.audit.after', defaultMessage: 'After' })}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td>{e.at.slice(0, 16).replace('T', ' ')}</td>
                  <td>{e.actorName ?? t({ id: 'organisations.audit.deleted_user', defaultMessage: 'A deleted user' })}</td>
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
