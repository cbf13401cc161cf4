import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { assertCan } from '../shared/permissions/permissions.server'
import { requireSession } from '../features/accounts/index.server'
import { useT } from '../shared/i18n'

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  assertCan(actor, 'platform.approve-organisation', null)
  return null
}

export default function AdminLayout() {
  const { t } = useT()
  return (
    <>
      <h1>{t({ id: 'admin.platform_administration', defaultMessage: 'Platform administration' })}</h1>
      <nav aria-label={t({ id: 'admin.administration', defaultMessage: 'Administration' })} className="sub-nav">
        <ul>
          <li>
            <NavLink to="/admin" end>
              {t({ id: 'admin.organisations', defaultMessage: 'Organisations' })}</NavLink>
          </li>
          <li>
            <NavLink to="/admin/users">{t({ id: 'admin.users_and_roles', defaultMessage: 'Users and roles' })}</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  )
}
