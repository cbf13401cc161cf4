import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet } from '@remix-run/react'
import { assertCan } from '../shared/permissions/permissions.server'
import { requireSession } from '../features/accounts/index.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  assertCan(actor, 'platform.approve-organisation', null)
  return null
}

export default function AdminLayout() {
  return (
    <>
      <h1>Platform administration</h1>
      <nav aria-label="Administration" className="sub-nav">
        <ul>
          <li>
            <NavLink to="/admin" end>
              Organisations
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/users">Users and roles</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  )
}
