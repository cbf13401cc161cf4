import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { roleOptions } from '../shared/ui/options'
import { MEMBERSHIP_ROLES } from '../shared/permissions/roles'
import { grantRoleSchema } from '../features/organisations'
import { grantRole, listUsersWithRoles } from '../features/organisations/index.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'

export const meta: MetaFunction = () => [{ title: 'Users and roles – Lantern administration' }]

const ROLE_OPTIONS = roleOptions(MEMBERSHIP_ROLES)

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  return { users: await listUsersWithRoles(actor) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const submission = parseWithZod(await readForm(request), { schema: grantRoleSchema })
  if (submission.status !== 'success') return data({ ok: false, message: 'Choose a role from the list.' }, { status: 400 })
  await grantRole(actor, submission.value.membershipId, submission.value.role)
  return { ok: true, message: 'The role has been changed. That person must log in again.' }
}

export default function AdminUsers() {
  const { users } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <p>
        Coordinators read every campaign that is not a draft and review overlaps; donors read outcome dashboards. Give
        these roles only to people of coordinating bodies and donor organisations.
      </p>
      {result ? (
        <div className={result.ok ? 'notice notice--success' : 'error-summary'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Users and their roles</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Organisation</th>
              <th scope="col">Role</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.userId}>
                <th scope="row">
                  {u.name}
                  {u.isPlatformAdmin ? <span className="muted"> (platform admin)</span> : null}
                </th>
                <td>{u.email}</td>
                <td>{u.organisationName ?? '—'}</td>
                <td>
                  {u.membershipId !== null && u.role ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="membershipId" value={u.membershipId} />
                      <label className="visually-hidden" htmlFor={`grant-${u.membershipId}`}>
                        Role of {u.name}
                      </label>
                      <select id={`grant-${u.membershipId}`} name="role" defaultValue={u.role} className="select">
                        {ROLE_OPTIONS.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--secondary button--small">
                        Save<span className="visually-hidden"> role of {u.name}</span>
                      </button>
                    </Form>
                  ) : (
                    'No organisation'
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
