import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { BarsChart, CountryYearChart, ForestPlot, TargetActualChart, filterQuery } from '../features/dashboards'
import { FilterSelect } from '../shared/ui/filters'
import { PrintHeader } from '../shared/ui/print-header'
import { termChoices } from '../shared/ui/options'
import { countryName } from '../shared/taxonomy/countries'
import { formatIndicatorValue, formatP, progressWords } from '../features/results'
import { AUDIENCES, CHANNELS, PILLARS, STATUSES } from '../shared/taxonomy/taxonomy'
import { dashboardOf } from '../features/dashboards/index.server'
import { requireSession } from '../features/accounts/index.server'

export const meta: MetaFunction = () => [{ title: 'Dashboards – Lantern' }]

// GET /dashboards?funder=…&country=…&year=…&pillar=…&audience=…&organisation=…&status=…&standard=…
/** A chart or table beyond this many campaigns is not read any more: the page shows this many, the CSV has all. */
const SHOWN = 60

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const d = await dashboardOf(actor, new URL(request.url).searchParams)
  return {
    ...d,
    targetActual: d.targetActual.slice(0, SHOWN),
    targetActualTotal: d.targetActual.length,
    forest: d.forest && { ...d.forest, rows: d.forest.rows.slice(0, SHOWN), total: d.forest.rows.length },
    campaigns: undefined,
    today: new Date().toISOString().slice(0, 10),
  }
}

/** The filters in words, for the printed header. */
function printedFilters(d: { filters: Record<string, unknown>; menus: { funders: { id: number; name: string }[]; organisations: { id: number; name: string }[] }; standard: { name: string } | null }): string[] {
  const f = d.filters as { funder?: number; organisation?: number; country?: string; year?: number; pillar?: string; audience?: string; status?: string }
  const out = [
    f.funder !== undefined ? `funder: ${d.menus.funders.find((x) => x.id === f.funder)?.name ?? f.funder}` : null,
    f.organisation !== undefined ? `organisation: ${d.menus.organisations.find((x) => x.id === f.organisation)?.name ?? f.organisation}` : null,
    f.country ? `country: ${countryName(f.country)}` : null,
    f.year ? `year: ${f.year}` : null,
    f.pillar ? `pillar: ${PILLARS.label(f.pillar as never)}` : null,
    f.audience ? `audience: ${AUDIENCES.label(f.audience as never)}` : null,
    f.status ? `status: ${STATUSES.label(f.status as never)}` : null,
    d.standard ? `forest plot: ${d.standard.name}` : null,
  ].filter((x): x is string => x !== null)
  return out.length ? out : ['all campaigns in view']
}

function Shown({ shown, total }: { shown: number; total: number }) {
  return total > shown ? (
    <p className="muted">
      Showing {shown} of {total.toLocaleString('en')}: filter the dashboard, or download the CSV for all of them.
    </p>
  ) : null
}

const n = (v: number | null) => (v === null ? '—' : Math.round(v).toLocaleString('en'))

export default function Dashboards() {
  const d = useLoaderData<typeof loader>()
  const h = d.headline
  const query = filterQuery(d.filters)
  const csv = (chart: string) => `/dashboards.csv?${new URLSearchParams([...new URLSearchParams(query), ['chart', chart]])}`
  const percentTargets = d.targetActual.filter((r) => r.unit === 'percent')
  return (
    <>
      <PrintHeader title="Outcome dashboard" date={d.today} details={printedFilters(d)} />
      <h1>Outcome dashboard</h1>
      <p className="lede">
        What the campaigns in your view changed, against their targets, and how certain that is. Click a campaign for its results; results of the{' '}
        <Link to="/standard-indicators">standard indicators</Link> add up across organisations.
      </p>
      <Form method="get" className="filters" aria-label="Filters">
        <FilterSelect name="funder" label="Funder" value={d.filters.funder} options={d.menus.funders.map((f) => ({ value: String(f.id), label: f.name }))} />
        <FilterSelect name="organisation" label="Organisation" value={d.filters.organisation} options={d.menus.organisations.map((o) => ({ value: String(o.id), label: o.name }))} />
        <FilterSelect name="country" label="Country" value={d.filters.country} options={d.menus.countries.map((c) => ({ value: c, label: countryName(c) }))} />
        <FilterSelect name="year" label="Year" value={d.filters.year} options={d.menus.years.map((y) => ({ value: y, label: y }))} />
        <FilterSelect name="pillar" label="Pillar" value={d.filters.pillar} options={termChoices(PILLARS.terms)} />
        <FilterSelect name="audience" label="Audience" value={d.filters.audience} options={termChoices(AUDIENCES.terms)} />
        <FilterSelect name="status" label="Status" value={d.filters.status} options={termChoices(STATUSES.terms.filter((t) => t.code !== 'draft'))} />
        <FilterSelect name="standard" label="Standard indicator (forest plot)" value={d.standard?.code} options={d.menus.standards.map((s) => ({ value: s.code, label: s.name }))} />
        <div className="actions">
          <button type="submit" className="button button--secondary">
            Show
          </button>
          <Link to="/dashboards">Clear the filters</Link>
        </div>
      </Form>

      {d.problems.length ? (
        <div className="notice notice--warning" role="status">
          <p>
            <strong>Nothing to show:</strong> {d.problems.join('; ')}. Choose from the lists above.
          </p>
        </div>
      ) : h.campaigns === 0 ? (
        <p className="notice" role="status">
          No campaign in your view matches these filters.
        </p>
      ) : null}

      {d.iatiFiles.length ? (
        <div className="no-print">
          <p>These campaigns’ results as IATI 2.03 XML, one file per reporting organisation (private campaigns are not published):</p>
          <ul>
            {d.iatiFiles.map((f) => (
              <li key={f.organisationId}>
                <a href={`/dashboards/iati.xml?${new URLSearchParams([...new URLSearchParams(query)].filter(([k]) => k !== 'organisation').concat([['organisation', String(f.organisationId)]]))}`} download>
                  {f.organisation}
                </a>{' '}
                ({f.activities} {f.activities === 1 ? 'activity' : 'activities'})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h2 className="visually-hidden">Headline figures</h2>
      <ul className="headline">
        <li>
          <span className="headline__figure">{n(h.campaigns)}</span> campaigns
        </li>
        <li>
          <span className="headline__figure">{n(h.organisations)}</span> organisations
        </li>
        <li>
          <span className="headline__figure">{n(h.targeted)}</span> people targeted
        </li>
        <li>
          <span className="headline__figure">{n(h.reached)}</span> people reached
        </li>
        <li>
          <span className="headline__figure">{n(h.respondents)}</span> respondents surveyed
        </li>
        <li>
          <span className="headline__figure">{h.outcomesWithResult ? `${Math.round((h.outcomesMet / h.outcomesWithResult) * 100)}%` : '—'}</span> of {h.outcomesWithResult} outcome
          indicators with a result met their target
          {h.outcomesUnjudged ? ` (${h.outcomesUnjudged} more cannot be judged: the target is on the wrong side of the baseline)` : ''}
        </li>
        <li className="headline__wide">
          <span className="headline__figure headline__figure--small">{h.budgets.length ? h.budgets.map((s) => `${n(s.amount)} ${s.currency}`).join(' + ') : '—'}</span> in budgets, by currency
        </li>
      </ul>

      <section aria-labelledby="target-actual">
        <h2 id="target-actual">Targets and actuals</h2>
        <Shown shown={d.targetActual.length} total={d.targetActualTotal} />
        {percentTargets.length ? <TargetActualChart rows={percentTargets} /> : null}
        <DataTable
          caption="Outcome indicators with a target and an actual"
          csv={csv('target-actual')}
          head={['Campaign', 'Organisation', 'Indicator', 'Baseline', 'Target', 'Actual', 'Progress']}
          rows={d.targetActual.map((r) => [
            <Link key="c" to={`/campaigns/${r.campaignId}/results`}>
              {r.title}
            </Link>,
            r.organisation,
            r.indicator,
            r.baseline === null ? '—' : formatIndicatorValue(r.unit, r.baseline),
            formatIndicatorValue(r.unit, r.target),
            formatIndicatorValue(r.unit, r.actual),
            r.progress.kind === 'unknown' ? (r.met ? 'Target met' : 'Target not met') : progressWords(r.progress),
          ])}
        />
      </section>

      <section aria-labelledby="forest">
        <h2 id="forest">{d.standard ? `Change per campaign: ${d.standard.name}` : 'Change per campaign'}</h2>
        {d.forest && d.forest.rows.length ? (
          <>
            <p>
              {d.forest.rollup.actual !== null ? (
                <>
                  Across {d.forest.rollup.campaigns} campaigns of {d.forest.rollup.organisations} organisations
                  {d.forest.rollup.respondents ? ` (${n(d.forest.rollup.respondents)} respondents at endline)` : ''}:{' '}
                  <strong>
                    {formatIndicatorValue(d.standard!.unit, d.forest.rollup.baseline)} → {formatIndicatorValue(d.standard!.unit, d.forest.rollup.actual)}
                  </strong>
                  . <span className="muted">Roll-up: {d.forest.rollup.method}.</span>
                </>
              ) : null}{' '}
              <Link to={`/standard-indicators/${d.standard!.code}`}>About this indicator</Link>
            </p>
            <Shown shown={d.forest.rows.length} total={d.forest.total} />
            <ForestPlot rows={d.forest.rows} unit={d.standard!.unit} />
            <DataTable
              caption="Change with its 95% confidence interval, largest first"
              csv={csv('forest')}
              head={['Campaign', 'Organisation', 'Change', '95% CI', 'n', 'p']}
              rows={d.forest.rows.map((r) => [
                <Link key="c" to={`/campaigns/${r.campaignId}/results`}>
                  {r.title}
                </Link>,
                r.organisation,
                r.change.toFixed(1),
                `${r.low.toFixed(1)} to ${r.high.toFixed(1)}`,
                n(r.n),
                r.pValue === null ? '—' : formatP(r.pValue),
              ])}
            />
          </>
        ) : (
          <p>No campaign in view has a survey-measured change for {d.standard ? `“${d.standard.name}”` : 'a standard indicator'} yet.</p>
        )}
      </section>

      <section aria-labelledby="reach">
        <h2 id="reach">People reached by channel</h2>
        {d.reach.length ? (
          <>
            <BarsChart
              rows={d.reach.map((r) => ({ label: CHANNELS.label(r.channel as never), value: r.reached }))}
              label="People reached"
              description="Bar chart of people reached by channel; a campaign with several channels counts under each. The numbers are in the table below."
            />
            <DataTable
              caption="People reached by channel (a campaign with several channels counts under each)"
              csv={csv('reach')}
              head={['Channel', 'People reached', 'Campaigns']}
              rows={d.reach.map((r) => [CHANNELS.label(r.channel as never), n(r.reached), String(r.campaigns)])}
            />
          </>
        ) : (
          <p>No campaign in view has reported people reached.</p>
        )}
      </section>

      <section aria-labelledby="countries">
        <h2 id="countries">Campaigns by country over time</h2>
        {d.countries.years.length ? (
          <>
            <CountryYearChart years={d.countries.years} series={d.countries.series} />
            <DataTable
              caption="Campaigns starting each year, by country"
              csv={csv('countries')}
              head={['Country', ...d.countries.years]}
              rows={d.countries.series.map((s) => [countryName(s.country), ...s.counts.map(String)])}
            />
          </>
        ) : (
          <p>No dated campaigns in view.</p>
        )}
      </section>
    </>
  )
}

function DataTable({ caption, head, rows, csv }: { caption: string; head: string[]; rows: React.ReactNode[][]; csv: string }) {
  if (rows.length === 0) return <p>Nothing to show for these filters.</p>
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
          Download as CSV
        </a>
      </p>
    </>
  )
}
