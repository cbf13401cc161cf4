import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { countryName } from '../shared/taxonomy/countries'
import { ORGANISATION_TYPE_LABELS } from '../shared/permissions/roles'
import { getOrganisation } from '../features/organisations/index.server'
import { organisationParams, parseParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { useT } from '../shared/i18n'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? 'Organisation'} – Lantern` },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { organisationId } = parseParams(params, organisationParams)
  const o = await getOrganisation(actor, organisationId)
  return {
    organisation: {
      name: o.name,
      type: o.type,
      country: o.country,
      contactName: o.contactName,
      contactEmail: o.contactEmail,
      website: o.website,
      approvedAt: o.approvedAt?.toISOString() ?? null,
    },
  }
}

export default function OrganisationProfile() {
  const { t } = useT()
  const { organisation: o } = useLoaderData<typeof loader>()
  return (
    <dl className="summary-list">
      <dt>{t({ id: 'organisations.type', defaultMessage: 'Type' })}</dt>
      <dd>{t(ORGANISATION_TYPE_LABELS[o.type])}</dd>
      <dt>{t({ id: 'organisations.country', defaultMessage: 'Country' })}</dt>
      <dd>
        {countryName(o.country)} ({o.country})
      </dd>
      <dt>{t({ id: 'organisations.contact', defaultMessage: 'Contact' })}</dt>
      <dd>
        {o.contactName ?? 'Not given'}
        {o.contactEmail ? (
          <>
            {' · '}
            <a href={`mailto:${o.contactEmail}`}>{o.contactEmail}</a>
          </>
        ) : null}
      </dd>
      <dt>{t({ id: 'organisations.website', defaultMessage: 'Website' })}</dt>
      <dd>{o.website ? <a href={o.website} rel="noopener noreferrer">{o.website}</a> : 'Not given'}</dd>
      <dt>{t({ id: 'organisations.status', defaultMessage: 'Status' })}</dt>
      <dd>{o.approvedAt ? `Approved on ${o.approvedAt.slice(0, 10)}` : 'Awaiting approval by a platform admin'}</dd>
    </dl>
  )
}
