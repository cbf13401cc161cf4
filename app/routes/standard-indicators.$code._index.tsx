import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatIndicatorValue, beyondChance, progressWords } from '../features/results'
import { can } from '../shared/permissions/permissions'
import { DIRECTIONS, INDICATOR_UNITS, STATUSES } from '../shared/taxonomy/taxonomy'
import { parseParams, standardIndicatorParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { standardIndicatorPage } from '../features/dashboards/index.server'
import { ROLLUP_METHODS } from '../features/dashboards'
import { matchesTranslator, useT } from '../shared/i18n'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = matchesTranslator(matches)
  return [{ title: t({ id: 'meta.title', defaultMessage: '{page} – Lantern' }, { page: data?.standard.name ?? t({ id: 'titles.standard_indicator', defaultMessage: 'Standard indicator' }) }) }]
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { code } = parseParams(params, standardIndicatorParams)
  const page = await standardIndicatorPage(actor, code)
  return { ...page, standard: { ...page.standard, createdAt: undefined, updatedAt: undefined }, canManage: can(actor, 'standards.manage', null) }
}

export default function StandardIndicator() {
  const { t } = useT()
  const { standard: s, rows, rollup, canManage } = useLoaderData<typeof loader>()
  const value = (v: number | null) => formatIndicatorValue(s.unit, v)
  return (
    <>
      <p className="muted">
        <Link to="/standard-indicators">{t({ id: 'standard_indicators.standard_indicators', defaultMessage: 'Standard indicators' })}</Link> · {s.code}
      </p>
      <h1>{s.name}</h1>
      <p className="lede">
        {t({ id: 'standard_indicators.is_better', defaultMessage: '{label}; {toLowerCase} is better.' }, { label: t(INDICATOR_UNITS.message(s.unit)), toLowerCase: t(DIRECTIONS.message(s.direction)).toLowerCase() })}</p>
      {s.guidance ? <p className="pre-line">{s.guidance}</p> : null}
      {canManage ? (
        <div className="actions">
          <Link className="button button--secondary" to={`/standard-indicators/${s.code}/edit`}>
            {t({ id: 'standard_indicators.change_the_indicator', defaultMessage: 'Change the indicator' })}</Link>
        </div>
      ) : null}
      <h2>{t({ id: 'standard_indicators.across_campaigns', defaultMessage: 'Across campaigns' })}</h2>
      {rollup.campaigns === 0 ? (
        <p>{t({ id: 'standard_indicators.no_campaign_you_can_see_has', defaultMessage: 'No campaign you can see has a result for this indicator yet.' })}</p>
      ) : (
        <div className="notice">
          <p>
            <strong>
              {rollup.baseline !== null ? `${value(rollup.baseline)} → ` : ''}
              {value(rollup.actual)}
            </strong>{' '}
            {t(
              { id: 'standard_indicators.rollup_across', defaultMessage: 'across {campaigns, plural, one {# campaign} other {# campaigns}} of {organisations, plural, one {# organisation} other {# organisations}}{respondents, plural, =0 {} one {, # respondent at endline} other {, # respondents at endline}}.' },
              { campaigns: rollup.campaigns, organisations: rollup.organisations, respondents: rollup.respondents ?? 0 },
            )}
          </p>
          <p className="muted">
            {t({ id: 'standard_indicators.method', defaultMessage: 'Method: {method}.{unweighted, plural, =0 {} one { # campaign entered figures by hand without a respondent count and is not in the mean.} other { # campaigns entered figures by hand without a respondent count and are not in the mean.}}' }, { method: t(ROLLUP_METHODS[rollup.method]), unweighted: rollup.unweighted })}</p>
        </div>
      )}
      {rows.length ? (
        <div className="table-wrap" role="region" aria-label={t({ id: 'standard_indicators.campaigns_with_this_indicator', defaultMessage: 'Campaigns with this indicator' })} tabIndex={0}>
          <table>
            <caption>{t({ id: 'standard_indicators.campaigns_that_adopt_it', defaultMessage: 'Campaigns that adopt it' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t({ id: 'standard_indicators.campaign_2', defaultMessage: 'Campaign' })}</th>
                <th scope="col">{t({ id: 'standard_indicators.organisation_2', defaultMessage: 'Organisation' })}</th>
                <th scope="col">{t({ id: 'standard_indicators.baseline', defaultMessage: 'Baseline' })}</th>
                <th scope="col">{t({ id: 'standard_indicators.actual', defaultMessage: 'Actual' })}</th>
                <th scope="col">{t({ id: 'standard_indicators.target', defaultMessage: 'Target' })}</th>
                <th scope="col">{t({ id: 'standard_indicators.progress', defaultMessage: 'Progress' })}</th>
                <th scope="col">n</th>
                <th scope="col">{t({ id: 'standard_indicators.change_beyond_chance', defaultMessage: 'Change beyond chance?' })}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.campaignId}>
                  <th scope="row">
                    <Link to={`/campaigns/${r.campaignId}`}>{r.title}</Link>
                    <span className="task-list__summary">{t(STATUSES.message(r.status))}</span>
                  </th>
                  <td>{r.organisation}</td>
                  <td>{value(r.baseline)}</td>
                  <td>
                    {value(r.actual)}
                    {r.actualFrom ? <span className="task-list__summary">{r.actualFrom === 'survey' ? t({ id: 'standard_indicators.from_endline', defaultMessage: 'endline survey' }) : t({ id: 'standard_indicators.entered_by_date', defaultMessage: 'entered by date' })}</span> : null}
                  </td>
                  <td>{value(r.target)}</td>
                  <td>{progressWords(r.progress)}</td>
                  <td>{r.nActual?.toLocaleString('en') ?? '—'}</td>
                  <td>{beyondChance(r.pValue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  )
}
