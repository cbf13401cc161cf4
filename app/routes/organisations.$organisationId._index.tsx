import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { ORGANISATION_TYPE_LABELS } from '../shared/permissions/roles'
import { getOrganisation } from '../features/organisations/index.server'
import { organisationParams, parseParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { matchesTranslator, useT } from '../shared/i18n'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = matchesTranslator(matches)
  return [{ title: t({ id: 'meta.title', defaultMessage: '{page} – Lantern' }, { page: data?.organisation.name ?? t({ id: 'titles.organisation', defaultMessage: 'Organisation' }) }) }]
}

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
      timeZone: o.timeZone,
      approvedAt: o.approvedAt?.toISOString() ?? null,
    },
  }
}

export default function OrganisationProfile() {
  const i18n = useT()
  const { t } = i18n
  const { organisation: o } = useLoaderData<typeof loader>()
  return (
    <dl className="summary-list">
      <dt>{t({ id: 'organisations.type', defaultMessage: 'Type' })}</dt>
      <dd>{t(ORGANISATION_TYPE_LABELS[o.type])}</dd>
      <dt>{t({ id: 'organisations.country', defaultMessage: 'Country' })}</dt>
      <dd>
        {i18n.country(o.country)} ({o.country})
      </dd>
      <dt>{t({ id: 'organisations.contact', defaultMessage: 'Contact' })}</dt>
      <dd>
        {o.contactName ?? t({ id: 'organisations.not_given', defaultMessage: 'Not given' })}
        {o.contactEmail ? (
          <>
            {' · '}
            <a href={`mailto:${o.contactEmail}`}>{o.contactEmail}</a>
          </>
        ) : null}
      </dd>
      <dt>{t({ id: 'organisations.website', defaultMessage: 'Website' })}</dt>
      <dd>{o.website ? <a href={o.website} rel="noopener noreferrer">{o.website}</a> : t({ id: 'organisations.not_given', defaultMessage: 'Not given' })}</dd>
      <dt>{t({ id: 'organisations.time_zone', defaultMessage: 'Time zone' })}</dt>
      <dd><code>{o.timeZone}</code></dd>
      <dt>{t({ id: 'organisations.status', defaultMessage: 'Status' })}</dt>
      <dd>
        {o.approvedAt
          ? t({ id: 'organisations.approved_on', defaultMessage: 'Approved on {date}' }, { date: i18n.date(o.approvedAt) })
          : t({ id: 'organisations.awaiting_approval_by_admin', defaultMessage: 'Awaiting approval by a platform admin' })}
      </dd>
    </dl>
  )
}
