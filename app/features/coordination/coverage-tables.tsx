import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { AUDIENCES } from '../../shared/taxonomy/taxonomy'
import { HeatMapChart } from './heat-map-chart'
import { currentTranslator, useT } from '../../shared/i18n'

type Coverage = {
  subdivisions: string[]
  months: string[]
  heat: { subdivision: string; counts: number[] }[]
  coverage: { audience: string; counts: number[] }[]
  campaigns: number
}

/** "Apr 26": a grid's column, short, in the reader's language. */
const monthLabel = (month: string) => currentTranslator().month(month, 'short')

/** Shade by count, always with the number in the cell: colour never carries meaning alone. */
const shade = (n: number, max: number) => (n === 0 ? 'cell--zero' : n / Math.max(1, max) > 0.66 ? 'cell--3' : n / Math.max(1, max) > 0.33 ? 'cell--2' : 'cell--1')

/** A count grid that scrolls sideways; focusable so keyboard users can scroll it too. */
function CountGrid({
  label,
  corner,
  columns,
  rows,
  cell,
}: {
  label: string
  corner: string
  columns: string[]
  rows: { key: string; label: string; counts: number[] }[]
  cell?: (row: string, column: number, n: number) => ReactNode
}) {
  const max = Math.max(0, ...rows.flatMap((r) => r.counts))
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="grid-table">
        <caption className="visually-hidden">{label}</caption>
        <thead>
          <tr>
            <th scope="col">{corner}</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {r.counts.map((n, k) => (
                <td key={k} className={shade(n, max)}>
                  {n && cell ? cell(r.key, k, n) : n}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export function CoverageTables({ data, country, countryName }: { data: Coverage; country: string; countryName: string }) {
  const { t } = useT()
  const gaps = data.coverage.filter((r) => r.counts.every((n) => n === 0)).map((r) => t(AUDIENCES.message(r.audience)))
  return (
    <>
      <h2>{t({ id: 'coordination.coverage_tables.campaigns_per_subdivision_per_month', defaultMessage: 'Campaigns per subdivision per month, {countryName}' }, { countryName })}</h2>
      <p>
        {t(
          {
            id: 'coordination.coverage_tables.each_cell_counts',
            defaultMessage:
              'Each cell counts the campaigns running in that subdivision at some time in that month ({campaigns, plural, one {# campaign} other {# campaigns}} in all). Choose a cell to list them.',
          },
          { campaigns: data.campaigns },
        )}
      </p>
      <HeatMapChart country={country} months={data.months} rows={data.heat} />
      <CountGrid
        label={t({ id: 'coordination.coverage_tables.campaigns_per_subdivision_per_month_2', defaultMessage: 'Campaigns per subdivision per month' })}
        corner={t({ id: 'coordination.coverage_tables.subdivision', defaultMessage: 'Subdivision' })}
        columns={data.months.map(monthLabel)}
        rows={data.heat.map((r) => ({ key: r.subdivision, label: r.subdivision, counts: r.counts }))}
        cell={(subdivision, k, n) => (
          <Link to={`/campaigns?${new URLSearchParams({ country, subdivision, month: data.months[k]! })}`}>
            {n}
            <span className="visually-hidden">
              {' '}
              {t({ id: 'coordination.coverage_tables.campaigns_in', defaultMessage: '{count, plural, one {campaign} other {campaigns}} in {subdivision}, {month}' }, { count: n, subdivision, month: monthLabel(data.months[k]!) })}
            </span>
          </Link>
        )}
      />
      <h2>{t({ id: 'coordination.coverage_tables.who_is_reached_where', defaultMessage: 'Who is reached where, {countryName}' }, { countryName })}</h2>
      <p>
        {t({ id: 'coordination.coverage_tables.campaigns_reaching_each_audience', defaultMessage: 'Campaigns reaching each audience in each subdivision. A zero is a gap.' })}
        {gaps.length ? ` ${t({ id: 'coordination.coverage_tables.no_campaign_reaches', defaultMessage: 'No campaign reaches: {gaps}.' }, { gaps: gaps.join(', ') })}` : ''}
      </p>
      <CountGrid
        label={t({ id: 'coordination.coverage_tables.campaigns_per_audience_and_subdivision', defaultMessage: 'Campaigns per audience and subdivision' })}
        corner={t({ id: 'coordination.coverage_tables.audience', defaultMessage: 'Audience' })}
        columns={data.subdivisions}
        rows={data.coverage.filter((r) => r.counts.some((n) => n > 0)).map((r) => ({ key: r.audience, label: t(AUDIENCES.message(r.audience)), counts: r.counts }))}
      />
    </>
  )
}
