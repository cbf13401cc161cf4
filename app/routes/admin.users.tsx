import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { roleOptions } from '../shared/ui/options'
import { MEMBERSHIP_ROLES } from '../shared/permissions/roles'
import { grantRoleSchema } from '../features/organisations'
import { grantRole, listUsersWithRoles } from '../features/organisations/index.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { defineMessage, defineMessages, pageTitle, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.users_and_roles_administration', defaultMessage: 'Users and roles (administration)' }))

const m = defineMessages({
  chooseRole: { id: 'admin.users.choose_role', defaultMessage: 'Choose a role from the list.' },
  roleChanged: { id: 'organisations.members.role_changed', defaultMessage: 'The role has been changed. That person must log in again.' },
})

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  return { users: await listUsersWithRoles(actor) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const submission = parseWithZod(await readForm(request), { schema: grantRoleSchema })
  if (submission.status !== 'success') return data({ ok: false, message: tr(m.chooseRole) }, { status: 400 })
  await grantRole(actor, submission.value.membershipId, submission.value.role)
  return { ok: true, message: tr(m.roleChanged) }
}

export default function AdminUsers() {
  const { t } = useT()
  const { users } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <p>
        {t({ id: 'admin.users.coordinators_read_every_campaign_that_is', defaultMessage: 'Coordinators read every campaign that is not a draft and review overlaps; donors read outcome dashboards. Give these roles only to people of coordinating bodies and donor organisations.' })}</p>
      {result ? (
        <div className={result.ok ? 'notice notice--success' : 'error-summary'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t({ id: 'admin.users.users_and_their_roles', defaultMessage: 'Users and their roles' })}</caption>
          <thead>
            <tr>
              <th scope="col">{t({ id: 'admin.users.name', defaultMessage: 'Name' })}</th>
              <th scope="col">{t({ id: 'admin.users.email', defaultMessage: 'Email' })}</th>
              <th scope="col">{t({ id: 'admin.users.organisation', defaultMessage: 'Organisation' })}</th>
              <th scope="col">{t({ id: 'admin.users.role', defaultMessage: 'Role' })}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.userId}>
                <th scope="row">
                  {u.name}
                  {u.isPlatformAdmin ? <span className="muted"> {' '}{t({ id: 'admin.users.platform_admin', defaultMessage: '(platform admin)' })}</span> : null}
                </th>
                <td>{u.email}</td>
                <td>{u.organisationName ?? '—'}</td>
                <td>
                  {u.membershipId !== null && u.role ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="membershipId" value={u.membershipId} />
                      <label className="visually-hidden" htmlFor={`grant-${u.membershipId}`}>
                        {t({ id: 'admin.users.role_of', defaultMessage: 'Role of {name}' }, { name: u.name })}</label>
                      <select id={`grant-${u.membershipId}`} name="role" defaultValue={u.role} className="select">
                        {roleOptions(t, MEMBERSHIP_ROLES).map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--secondary button--small">
                        {t({ id: 'admin.users.save', defaultMessage: 'Save' })}<span className="visually-hidden"> {t({ id: 'admin.users.role_of_2', defaultMessage: 'role of {name}' }, { name: u.name })}</span>
                      </button>
                    </Form>
                  ) : (
                    tr({ id: 'admin.users.no_organisation', defaultMessage: 'No organisation' })
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
