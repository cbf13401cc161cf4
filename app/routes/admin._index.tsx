import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { countryName } from '../shared/taxonomy/countries'
import { ORGANISATION_TYPE_LABELS } from '../shared/permissions/roles'
import { approveOrganisationSchema } from '../features/organisations'
import { approveOrganisation, listOrganisationsForReview } from '../features/organisations/index.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { defineMessage, pageTitle, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.organisations_administration', defaultMessage: 'Organisations (administration)' }))

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const organisations = await listOrganisationsForReview(actor)
  return {
    organisations: organisations.map((o) => ({
      ...o,
      approvedAt: o.approvedAt?.toISOString() ?? null,
      createdAt: o.createdAt.toISOString(),
    })),
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const submission = parseWithZod(await readForm(request), { schema: approveOrganisationSchema })
  if (submission.status !== 'success') return data({ message: tr({ id: 'admin.choose_organisation', defaultMessage: 'Choose an organisation to approve.' }) }, { status: 400 })
  await approveOrganisation(actor, submission.value.organisationId)
  return { message: tr({ id: 'admin.approved_now', defaultMessage: 'The organisation has been approved.' }) }
}

export default function AdminOrganisations() {
  const { t } = useT()
  const { organisations } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const pending = organisations.filter((o) => !o.approvedAt).length
  return (
    <>
      {result ? (
        <div className="notice notice--success" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      <p>
        {pending === 0 ? tr({ id: 'admin.none_waiting', defaultMessage: 'No organisation is waiting for approval.' }) : tr({ id: 'admin.waiting_count', defaultMessage: '{count, plural, one {# organisation is} other {# organisations are}} waiting for approval.' }, { count: pending })}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t({ id: 'admin.organisations', defaultMessage: 'Organisations' })}</caption>
          <thead>
            <tr>
              <th scope="col">{t({ id: 'admin.organisation', defaultMessage: 'Organisation' })}</th>
              <th scope="col">{t({ id: 'admin.type', defaultMessage: 'Type' })}</th>
              <th scope="col">{t({ id: 'admin.country', defaultMessage: 'Country' })}</th>
              <th scope="col">{t({ id: 'admin.registered', defaultMessage: 'Registered' })}</th>
              <th scope="col">{t({ id: 'admin.status', defaultMessage: 'Status' })}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                </th>
                <td>{t(ORGANISATION_TYPE_LABELS[o.type])}</td>
                <td>{countryName(o.country)}</td>
                <td>{o.createdAt.slice(0, 10)}</td>
                <td>
                  {o.approvedAt ? (
                    <span className="tag tag--ok">{t({ id: 'admin.approved', defaultMessage: 'Approved' })}</span>
                  ) : (
                    <Form method="post" className="inline-form">
                      <span className="tag tag--pending">{t({ id: 'admin.waiting', defaultMessage: 'Waiting' })}</span>
                      <input type="hidden" name="intent" value="approve" />
                      <input type="hidden" name="organisationId" value={o.id} />
                      <button type="submit" className="button button--primary button--small">
                        {t({ id: 'admin.approve', defaultMessage: 'Approve' })}<span className="visually-hidden"> {o.name}</span>
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
