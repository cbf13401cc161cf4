import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { can } from '../shared/permissions/permissions'
import { DIRECTIONS, INDICATOR_UNITS } from '../shared/taxonomy/taxonomy'
import { requireSession } from '../features/accounts/index.server'
import { standardIndicatorList } from '../features/standards/index.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.standard_indicators', defaultMessage: 'Standard indicators' }))

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  return { indicators: standardIndicatorList().map((s) => ({ ...s, createdAt: undefined, updatedAt: undefined })), canManage: can(actor, 'standards.manage', null) }
}

export default function StandardIndicators() {
  const { t } = useT()
  const d = useLoaderData<typeof loader>()
  return (
    <>
      <h1>{t({ id: 'standard_indicators.standard_indicators', defaultMessage: 'Standard indicators' })}</h1>
      <p className="lede">
        {t({ id: 'standard_indicators.indicators_the_coordinators_keep_for_everyone', defaultMessage: 'Indicators the coordinators keep for everyone. A campaign indicator that adopts one is measured the same way, so results add up across organisations.' })}</p>
      {d.canManage ? (
        <div className="actions">
          <Link className="button button--primary" to="/standard-indicators/new">
            {t({ id: 'standard_indicators.add_a_standard_indicator', defaultMessage: 'Add a standard indicator' })}</Link>
        </div>
      ) : null}
      {d.indicators.length === 0 ? (
        <p>{t({ id: 'standard_indicators.no_standard_indicators_yet', defaultMessage: 'No standard indicators yet.' })}</p>
      ) : (
        <div className="table-wrap" role="region" aria-label={t({ id: 'standard_indicators.standard_indicators', defaultMessage: 'Standard indicators' })} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t({ id: 'standard_indicators.indicator', defaultMessage: 'Indicator' })}</th>
                <th scope="col">{t({ id: 'standard_indicators.unit', defaultMessage: 'Unit' })}</th>
                <th scope="col">{t({ id: 'standard_indicators.better_when', defaultMessage: 'Better when' })}</th>
                <th scope="col">{t({ id: 'standard_indicators.adopted_by', defaultMessage: 'Adopted by' })}</th>
              </tr>
            </thead>
            <tbody>
              {d.indicators.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/standard-indicators/${s.code}`}>{s.name}</Link>
                    <span className="task-list__summary">{s.code}</span>
                  </th>
                  <td>{t(INDICATOR_UNITS.message(s.unit))}</td>
                  <td>{t(DIRECTIONS.message(s.direction))}</td>
                  <td>
                    {t({ id: 'standard_indicators.campaign_indicator', defaultMessage: '{adopted, plural, one {# campaign indicator} other {# campaign indicators}}' }, { adopted: s.adopted })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  )
}
