import type { LoaderFunctionArgs } from '@remix-run/node'
import { NavLink, Outlet, useLoaderData } from '@remix-run/react'
import { can } from '../shared/permissions/permissions'
import { getOrganisation } from '../features/organisations/index.server'
import { organisationParams, parseParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { useT } from '../shared/i18n'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { organisationId } = parseParams(params, organisationParams)
  const organisation = await getOrganisation(actor, organisationId)
  return {
    organisation: { id: organisation.id, name: organisation.name, approved: organisation.approvedAt !== null },
    tabs: {
      edit: can(actor, 'organisation.edit', organisationId),
      members: can(actor, 'members.manage', organisationId),
      audit: can(actor, 'audit.view', organisationId),
    },
  }
}

export default function OrganisationLayout() {
  const { t } = useT()
  const { organisation, tabs } = useLoaderData<typeof loader>()
  const base = `/organisations/${organisation.id}`
  const links = [
    { to: base, label: t({ id: 'organisations.tabs.profile', defaultMessage: 'Profile' }), show: true },
    { to: `${base}/edit`, label: t({ id: 'organisations.tabs.edit', defaultMessage: 'Edit profile' }), show: tabs.edit },
    { to: `${base}/members`, label: t({ id: 'organisations.tabs.members', defaultMessage: 'Members' }), show: tabs.members },
    { to: `${base}/audit`, label: t({ id: 'organisations.tabs.audit', defaultMessage: 'Audit log' }), show: tabs.audit },
  ].filter((l) => l.show)
  return (
    <>
      <p className="muted">{t({ id: 'organisations.organisation', defaultMessage: 'Organisation' })}</p>
      <h1>
        {organisation.name}{' '}
        {organisation.approved ? null : <span className="tag tag--pending">{t({ id: 'organisations.awaiting_approval', defaultMessage: 'Awaiting approval' })}</span>}
      </h1>
      {links.length > 1 ? (
        <nav aria-label={t({ id: 'organisations.organisation', defaultMessage: 'Organisation' })} className="sub-nav">
          <ul>
            {links.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to} end>
                  {l.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <Outlet />
    </>
  )
}
