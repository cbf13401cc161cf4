import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { countryName } from '../shared/taxonomy/countries'
import { ORGANISATION_TYPE_LABELS } from '../shared/permissions/roles'
import { approveOrganisationSchema } from '../features/organisations'
import { approveOrganisation, listOrganisationsForReview } from '../features/organisations/index.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'

export const meta: MetaFunction = () => [{ title: 'Organisations – Lantern administration' }]

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
  if (submission.status !== 'success') return data({ message: 'Choose an organisation to approve.' }, { status: 400 })
  await approveOrganisation(actor, submission.value.organisationId)
  return { message: 'The organisation has been approved.' }
}

export default function AdminOrganisations() {
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
        {pending === 0 ? 'No organisation is waiting for approval.' : `${pending} organisation${pending === 1 ? ' is' : 's are'} waiting for approval.`}
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Organisations</caption>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Type</th>
              <th scope="col">Country</th>
              <th scope="col">Registered</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.id}>
                <th scope="row">
                  <Link to={`/organisations/${o.id}`}>{o.name}</Link>
                </th>
                <td>{ORGANISATION_TYPE_LABELS[o.type]}</td>
                <td>{countryName(o.country)}</td>
                <td>{o.createdAt.slice(0, 10)}</td>
                <td>
                  {o.approvedAt ? (
                    <span className="tag tag--ok">Approved</span>
                  ) : (
                    <Form method="post" className="inline-form">
                      <span className="tag tag--pending">Waiting</span>
                      <input type="hidden" name="intent" value="approve" />
                      <input type="hidden" name="organisationId" value={o.id} />
                      <button type="submit" className="button button--primary button--small">
                        Approve<span className="visually-hidden"> {o.name}</span>
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
