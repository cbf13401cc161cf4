import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BarsChart, CountryYearChart, ForestPlot, ROLLUP_METHODS, TargetActualChart, filterQuery, problemWords } from '../features/dashboards'
import { FilterSelect } from '../shared/ui/filters'
import { PrintHeader } from '../shared/ui/print-header'
import { termChoices } from '../shared/ui/options'
import { formatIndicatorValue, formatP, progressWords } from '../features/results'
import { AUDIENCES, CHANNELS, PILLARS, STATUSES } from '../shared/taxonomy/taxonomy'
import { dashboardOf } from '../features/dashboards/index.server'
import { requireSession } from '../features/accounts/index.server'
import { currentTranslator, defineMessage, defineMessages, pageTitle, todayIn, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.dashboards', defaultMessage: 'Dashboards' }))

// GET /dashboards?funder=…&country=…&year=…&pillar=…&audience=…&organisation=…&status=…&standard=…
/** A chart or table beyond this many campaigns is not read any more: the page shows this many, the CSV has all. */
const SHOWN = 60

const m = defineMessages({
  funder: { id: 'dashboards.printed.funder', defaultMessage: 'funder: {value}' },
  organisation: { id: 'dashboards.printed.organisation', defaultMessage: 'organisation: {value}' },
  country: { id: 'dashboards.printed.country', defaultMessage: 'country: {value}' },
  year: { id: 'dashboards.printed.year', defaultMessage: 'year: {value}' },
  pillar: { id: 'dashboards.printed.pillar', defaultMessage: 'pillar: {value}' },
  audience: { id: 'dashboards.printed.audience', defaultMessage: 'audience: {value}' },
  status: { id: 'dashboards.printed.status', defaultMessage: 'status: {value}' },
  forest: { id: 'dashboards.printed.forest', defaultMessage: 'forest plot: {value}' },
  all: { id: 'dashboards.printed.all', defaultMessage: 'all campaigns in view' },
  lede: {
    id: 'dashboards.lede',
    defaultMessage:
      'What the campaigns in your view changed, against their targets, and how certain that is. Click a campaign for its results; results of the <link>standard indicators</link> add up across organisations.',
  },
  nothing: { id: 'dashboards.nothing_to_show_because', defaultMessage: '<strong>Nothing to show:</strong> {problems}. Choose from the lists above.' },
  activities: { id: 'dashboards.activities', defaultMessage: '({count, plural, one {# activity} other {# activities}})' },
  campaigns: { id: 'dashboards.headline.campaigns', defaultMessage: '{count, plural, one {campaign} other {campaigns}}' },
  organisations: { id: 'dashboards.headline.organisations', defaultMessage: '{count, plural, one {organisation} other {organisations}}' },
  targeted: { id: 'dashboards.headline.targeted', defaultMessage: '{count, plural, one {person targeted} other {people targeted}}' },
  reached: { id: 'dashboards.headline.reached', defaultMessage: '{count, plural, one {person reached} other {people reached}}' },
  respondents: { id: 'dashboards.headline.respondents', defaultMessage: '{count, plural, one {respondent surveyed} other {respondents surveyed}}' },
  met: {
    id: 'dashboards.headline.met',
    defaultMessage: 'of {count, plural, one {# outcome indicator} other {# outcome indicators}} with a result met their target',
  },
  unjudged: {
    id: 'dashboards.headline.unjudged',
    defaultMessage: '({count, plural, one {# more cannot be judged} other {# more cannot be judged}}: the target is on the wrong side of the baseline)',
  },
  budgets: { id: 'dashboards.headline.budgets', defaultMessage: 'in budgets, by currency' },
  colCampaign: { id: 'dashboards.columns.campaign', defaultMessage: 'Campaign' },
  colOrganisation: { id: 'dashboards.columns.organisation', defaultMessage: 'Organisation' },
  colIndicator: { id: 'dashboards.columns.indicator', defaultMessage: 'Indicator' },
  colBaseline: { id: 'dashboards.columns.baseline', defaultMessage: 'Baseline' },
  colTarget: { id: 'dashboards.columns.target', defaultMessage: 'Target' },
  colActual: { id: 'dashboards.columns.actual', defaultMessage: 'Actual' },
  colProgress: { id: 'dashboards.columns.progress', defaultMessage: 'Progress' },
  colChange: { id: 'dashboards.columns.change', defaultMessage: 'Change' },
  colCi: { id: 'dashboards.columns.ci', defaultMessage: '95% CI' },
  colChannel: { id: 'dashboards.columns.channel', defaultMessage: 'Channel' },
  colReached: { id: 'dashboards.columns.reached', defaultMessage: 'People reached' },
  colCampaigns: { id: 'dashboards.columns.campaigns', defaultMessage: 'Campaigns' },
  colCountry: { id: 'dashboards.columns.country', defaultMessage: 'Country' },
  targetMet: { id: 'dashboards.target_met', defaultMessage: 'Target met' },
  targetNotMet: { id: 'dashboards.target_not_met', defaultMessage: 'Target not met' },
  changePer: { id: 'dashboards.change_per_campaign', defaultMessage: 'Change per campaign' },
  changePerStandard: { id: 'dashboards.change_per_campaign_of', defaultMessage: 'Change per campaign: {name}' },
  across: {
    id: 'dashboards.across',
    defaultMessage: 'Across {campaigns, plural, one {# campaign} other {# campaigns}} of {organisations, plural, one {# organisation} other {# organisations}}:',
  },
  acrossRespondents: {
    id: 'dashboards.across_respondents',
    defaultMessage:
      'Across {campaigns, plural, one {# campaign} other {# campaigns}} of {organisations, plural, one {# organisation} other {# organisations}} ({respondents, plural, one {# respondent} other {# respondents}} at endline):',
  },
  range: { id: 'results.range', defaultMessage: '{low} to {high}' },
  noForest: { id: 'dashboards.no_forest', defaultMessage: 'No campaign in view has a survey-measured change for “{name}” yet.' },
  noForestAny: { id: 'dashboards.no_forest_any', defaultMessage: 'No campaign in view has a survey-measured change for a standard indicator yet.' },
})

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, user } = await requireSession(request)
  const d = await dashboardOf(actor, new URL(request.url).searchParams)
  return {
    ...d,
    targetActual: d.targetActual.slice(0, SHOWN),
    targetActualTotal: d.targetActual.length,
    forest: d.forest && { ...d.forest, rows: d.forest.rows.slice(0, SHOWN), total: d.forest.rows.length },
    campaigns: undefined,
    today: todayIn(user.organisation?.timeZone ?? 'UTC'),
  }
}

/** The filters in words, for the printed header. */
function printedFilters(d: { filters: Record<string, unknown>; menus: { funders: { id: number; name: string }[]; organisations: { id: number; name: string }[] }; standard: { name: string } | null }): string[] {
  const f = d.filters as { funder?: number; organisation?: number; country?: string; year?: number; pillar?: string; audience?: string; status?: string }
  const out = [
    f.funder !== undefined ? tr(m.funder, { value: d.menus.funders.find((x) => x.id === f.funder)?.name ?? f.funder }) : null,
    f.organisation !== undefined ? tr(m.organisation, { value: d.menus.organisations.find((x) => x.id === f.organisation)?.name ?? f.organisation }) : null,
    f.country ? tr(m.country, { value: currentTranslator().country(f.country) }) : null,
    f.year ? tr(m.year, { value: String(f.year) }) : null,
    f.pillar ? tr(m.pillar, { value: tr(PILLARS.message(f.pillar)) }) : null,
    f.audience ? tr(m.audience, { value: tr(AUDIENCES.message(f.audience)) }) : null,
    f.status ? tr(m.status, { value: tr(STATUSES.message(f.status)) }) : null,
    d.standard ? tr(m.forest, { value: d.standard.name }) : null,
  ].filter((x): x is string => x !== null)
  return out.length ? out : [tr(m.all)]
}

function Shown({ shown, total }: { shown: number; total: number }) {
  const { t } = useT()
  return total > shown ? (
    <p className="muted">
      {t({ id: 'dashboards.showing_of', defaultMessage: 'Showing {shown, number} of {total, number}: filter the dashboard, or download the CSV for all of them.' }, { shown, total })}
    </p>
  ) : null
}

const n = (v: number | null) => (v === null ? '—' : currentTranslator().number(Math.round(v)))

export default function Dashboards() {
  const i18n = useT()
  const { t } = i18n
  const d = useLoaderData<typeof loader>()
  const h = d.headline
  const query = filterQuery(d.filters)
  const csv = (chart: string) => `/dashboards.csv?${new URLSearchParams([...new URLSearchParams(query), ['chart', chart]])}`
  const percentTargets = d.targetActual.filter((r) => r.unit === 'percent')
  return (
    <>
      <PrintHeader title={t({ id: 'dashboards.outcome_dashboard', defaultMessage: 'Outcome dashboard' })} date={i18n.date(d.today)} details={printedFilters(d)} />
      <h1>{t({ id: 'dashboards.outcome_dashboard', defaultMessage: 'Outcome dashboard' })}</h1>
      <p className="lede">
        {i18n.rich(m.lede, {
          link: (chunks) => (
            <Link key="standards" to="/standard-indicators">
              {chunks}
            </Link>
          ),
        })}
      </p>
      <Form method="get" className="filters" aria-label={t({ id: 'dashboards.filters', defaultMessage: 'Filters' })}>
        <FilterSelect name="funder" label={t({ id: 'dashboards.funder', defaultMessage: 'Funder' })} value={d.filters.funder} options={d.menus.funders.map((f) => ({ value: String(f.id), label: f.name }))} />
        <FilterSelect name="organisation" label={t({ id: 'dashboards.organisation', defaultMessage: 'Organisation' })} value={d.filters.organisation} options={d.menus.organisations.map((o) => ({ value: String(o.id), label: o.name }))} />
        <FilterSelect name="country" label={t({ id: 'dashboards.country', defaultMessage: 'Country' })} value={d.filters.country} options={d.menus.countries.map((c) => ({ value: c, label: i18n.country(c) }))} />
        <FilterSelect name="year" label={t({ id: 'dashboards.year', defaultMessage: 'Year' })} value={d.filters.year} options={d.menus.years.map((y) => ({ value: y, label: y }))} />
        <FilterSelect name="pillar" label={t({ id: 'dashboards.pillar', defaultMessage: 'Pillar' })} value={d.filters.pillar} options={termChoices(t, PILLARS)} />
        <FilterSelect name="audience" label={t({ id: 'dashboards.audience', defaultMessage: 'Audience' })} value={d.filters.audience} options={termChoices(t, AUDIENCES)} />
        <FilterSelect name="status" label={t({ id: 'dashboards.status', defaultMessage: 'Status' })} value={d.filters.status} options={termChoices(t, STATUSES).filter((o) => o.value !== 'draft')} />
        <FilterSelect name="standard" label={t({ id: 'dashboards.standard_indicator_forest_plot', defaultMessage: 'Standard indicator (forest plot)' })} value={d.standard?.code} options={d.menus.standards.map((s) => ({ value: s.code, label: s.name }))} />
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t({ id: 'dashboards.show', defaultMessage: 'Show' })}</button>
          <Link to="/dashboards">{t({ id: 'dashboards.clear_the_filters', defaultMessage: 'Clear the filters' })}</Link>
        </div>
      </Form>

      {d.problems.length ? (
        <div className="notice notice--warning" role="status">
          <p>
            {i18n.rich(m.nothing, { problems: d.problems.map(problemWords).join('; '), strong: (chunks) => <strong key="strong">{chunks}</strong> })}
          </p>
        </div>
      ) : h.campaigns === 0 ? (
        <p className="notice" role="status">
          {t({ id: 'dashboards.no_campaign_in_your_view_matches', defaultMessage: 'No campaign in your view matches these filters.' })}</p>
      ) : null}

      {d.iatiFiles.length ? (
        <div className="no-print">
          <p>{t({ id: 'dashboards.these_campaigns_results_as_iati_2', defaultMessage: 'These campaigns’ results as IATI 2.03 XML, one file per reporting organisation (private campaigns are not published):' })}</p>
          <ul>
            {d.iatiFiles.map((f) => (
              <li key={f.organisationId}>
                <a href={`/dashboards/iati.xml?${new URLSearchParams([...new URLSearchParams(query)].filter(([k]) => k !== 'organisation').concat([['organisation', String(f.organisationId)]]))}`} download>
                  {f.organisation}
                </a>{' '}
                {t(m.activities, { count: f.activities })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2 className="visually-hidden">{t({ id: 'dashboards.headline_figures', defaultMessage: 'Headline figures' })}</h2>
      <ul className="headline">
        <li>
          <span className="headline__figure">{n(h.campaigns)}</span> {t(m.campaigns, { count: h.campaigns })}
        </li>
        <li>
          <span className="headline__figure">{n(h.organisations)}</span> {t(m.organisations, { count: h.organisations })}
        </li>
        <li>
          <span className="headline__figure">{n(h.targeted)}</span> {t(m.targeted, { count: h.targeted ?? 0 })}
        </li>
        <li>
          <span className="headline__figure">{n(h.reached)}</span> {t(m.reached, { count: h.reached ?? 0 })}
        </li>
        <li>
          <span className="headline__figure">{n(h.respondents)}</span> {t(m.respondents, { count: h.respondents ?? 0 })}
        </li>
        <li>
          <span className="headline__figure">{h.outcomesWithResult ? i18n.percent(h.outcomesMet / h.outcomesWithResult) : '—'}</span> {t(m.met, { count: h.outcomesWithResult })}
          {h.outcomesUnjudged ? ` ${t(m.unjudged, { count: h.outcomesUnjudged })}` : ''}
        </li>
        <li className="headline__wide">
          <span className="headline__figure headline__figure--small">
            {h.budgets.length ? h.budgets.map((s) => i18n.number(Math.round(s.amount), { style: 'currency', currency: s.currency, maximumFractionDigits: 0 })).join(' + ') : '—'}
          </span>{' '}
          {t(m.budgets)}
        </li>
      </ul>

      <section aria-labelledby="target-actual">
        <h2 id="target-actual">{t({ id: 'dashboards.targets_and_actuals', defaultMessage: 'Targets and actuals' })}</h2>
        <Shown shown={d.targetActual.length} total={d.targetActualTotal} />
        {percentTargets.length ? <TargetActualChart rows={percentTargets} /> : null}
        <DataTable
          caption={t({ id: 'dashboards.outcome_indicators_with_a_target_and', defaultMessage: 'Outcome indicators with a target and an actual' })}
          csv={csv('target-actual')}
          head={[t(m.colCampaign), t(m.colOrganisation), t(m.colIndicator), t(m.colBaseline), t(m.colTarget), t(m.colActual), t(m.colProgress)]}
          rows={d.targetActual.map((r) => [
            <Link key="c" to={`/campaigns/${r.campaignId}/results`}>
              {r.title}
            </Link>,
            r.organisation,
            r.indicator,
            r.baseline === null ? '—' : formatIndicatorValue(r.unit, r.baseline),
            formatIndicatorValue(r.unit, r.target),
            formatIndicatorValue(r.unit, r.actual),
            r.progress.kind === 'unknown' ? t(r.met ? m.targetMet : m.targetNotMet) : progressWords(r.progress),
          ])}
        />
      </section>

      <section aria-labelledby="forest">
        <h2 id="forest">{d.standard ? t(m.changePerStandard, { name: d.standard.name }) : t(m.changePer)}</h2>
        {d.forest && d.forest.rows.length ? (
          <>
            <p>
              {d.forest.rollup.actual !== null ? (
                <>
                  {d.forest.rollup.respondents
                    ? t(m.acrossRespondents, { campaigns: d.forest.rollup.campaigns, organisations: d.forest.rollup.organisations, respondents: d.forest.rollup.respondents })
                    : t(m.across, { campaigns: d.forest.rollup.campaigns, organisations: d.forest.rollup.organisations })}{' '}
                  <strong>
                    {formatIndicatorValue(d.standard!.unit, d.forest.rollup.baseline)} → {formatIndicatorValue(d.standard!.unit, d.forest.rollup.actual)}
                  </strong>
                  . <span className="muted">{t({ id: 'dashboards.roll_up', defaultMessage: 'Roll-up: {method}.' }, { method: t(ROLLUP_METHODS[d.forest.rollup.method]) })}</span>
                </>
              ) : null}{' '}
              <Link to={`/standard-indicators/${d.standard!.code}`}>{t({ id: 'dashboards.about_this_indicator', defaultMessage: 'About this indicator' })}</Link>
            </p>
            <Shown shown={d.forest.rows.length} total={d.forest.total} />
            <ForestPlot rows={d.forest.rows} unit={d.standard!.unit} />
            <DataTable
              caption={t({ id: 'dashboards.change_with_its_95_confidence_interval', defaultMessage: 'Change with its 95% confidence interval, largest first' })}
              csv={csv('forest')}
              head={[t(m.colCampaign), t(m.colOrganisation), t(m.colChange), t(m.colCi), 'n', 'p']}
              rows={d.forest.rows.map((r) => [
                <Link key="c" to={`/campaigns/${r.campaignId}/results`}>
                  {r.title}
                </Link>,
                r.organisation,
                i18n.number(r.change, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                t(m.range, { low: i18n.number(r.low, { minimumFractionDigits: 1, maximumFractionDigits: 1 }), high: i18n.number(r.high, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) }),
                n(r.n),
                r.pValue === null ? '—' : formatP(r.pValue),
              ])}
            />
          </>
        ) : (
          <p>{d.standard ? t(m.noForest, { name: d.standard.name }) : t(m.noForestAny)}</p>
        )}
      </section>

      <section aria-labelledby="reach">
        <h2 id="reach">{t({ id: 'dashboards.people_reached_by_channel', defaultMessage: 'People reached by channel' })}</h2>
        {d.reach.length ? (
          <>
            <BarsChart
              rows={d.reach.map((r) => ({ label: t(CHANNELS.message(r.channel as never)), value: r.reached }))}
              label={t({ id: 'dashboards.people_reached_2', defaultMessage: 'People reached' })}
              description={t({ id: 'dashboards.bar_chart_of_people_reached_by', defaultMessage: 'Bar chart of people reached by channel; a campaign with several channels counts under each. The numbers are in the table below.' })}
            />
            <DataTable
              caption={t({ id: 'dashboards.people_reached_by_channel_a_campaign', defaultMessage: 'People reached by channel (a campaign with several channels counts under each)' })}
              csv={csv('reach')}
              head={[t(m.colChannel), t(m.colReached), t(m.colCampaigns)]}
              rows={d.reach.map((r) => [t(CHANNELS.message(r.channel as never)), n(r.reached), n(r.campaigns)])}
            />
          </>
        ) : (
          <p>{t({ id: 'dashboards.no_campaign_in_view_has_reported', defaultMessage: 'No campaign in view has reported people reached.' })}</p>
        )}
      </section>

      <section aria-labelledby="countries">
        <h2 id="countries">{t({ id: 'dashboards.campaigns_by_country_over_time', defaultMessage: 'Campaigns by country over time' })}</h2>
        {d.countries.years.length ? (
          <>
            <CountryYearChart years={d.countries.years} series={d.countries.series} />
            <DataTable
              caption={t({ id: 'dashboards.campaigns_starting_each_year_by_country', defaultMessage: 'Campaigns starting each year, by country' })}
              csv={csv('countries')}
              head={[t(m.colCountry), ...d.countries.years.map(String)]}
              rows={d.countries.series.map((s) => [i18n.country(s.country), ...s.counts.map(n)])}
            />
          </>
        ) : (
          <p>{t({ id: 'dashboards.no_dated_campaigns_in_view', defaultMessage: 'No dated campaigns in view.' })}</p>
        )}
      </section>
    </>
  )
}

function DataTable({ caption, head, rows, csv }: { caption: string; head: string[]; rows: React.ReactNode[][]; csv: string }) {
  const { t } = useT()
  if (rows.length === 0) return <p>{t({ id: 'dashboards.nothing_to_show_for_these_filters', defaultMessage: 'Nothing to show for these filters.' })}</p>
  return (
    <>
      <div className="table-wrap" role="region" aria-label={caption} tabIndex={0}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {head.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, k) => (k === 0 ? <th key={k} scope="row">{cell}</th> : <td key={k}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="no-print">
        <a href={csv} download>
          {t({ id: 'dashboards.download_as_csv', defaultMessage: 'Download as CSV' })}</a>
      </p>
    </>
  )
}
