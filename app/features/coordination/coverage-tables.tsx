import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'
import { AUDIENCES } from '../../shared/taxonomy/taxonomy'
import { HeatMapChart } from './heat-map-chart'

type Coverage = {
  subdivisions: string[]
  months: string[]
  heat: { subdivision: string; counts: number[] }[]
  coverage: { audience: string; counts: number[] }[]
  campaigns: number
}

const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const monthLabel = (m: string) => `${MONTH[Number(m.slice(5, 7)) - 1]} ${m.slice(2, 4)}`

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
  const gaps = data.coverage.filter((r) => r.counts.every((n) => n === 0)).map((r) => AUDIENCES.label(r.audience))
  return (
    <>
      <h2>Campaigns per subdivision per month, {countryName}</h2>
      <p>Each cell counts the campaigns running in that subdivision at some time in that month ({data.campaigns} campaigns in all). Choose a cell to list them.</p>
      <HeatMapChart country={country} months={data.months} rows={data.heat} />
      <CountGrid
        label="Campaigns per subdivision per month"
        corner="Subdivision"
        columns={data.months.map(monthLabel)}
        rows={data.heat.map((r) => ({ key: r.subdivision, label: r.subdivision, counts: r.counts }))}
        cell={(subdivision, k, n) => (
          <Link to={`/campaigns?${new URLSearchParams({ country, subdivision, month: data.months[k]! })}`}>
            {n}
            <span className="visually-hidden">
              {' '}
              campaigns in {subdivision}, {monthLabel(data.months[k]!)}
            </span>
          </Link>
        )}
      />
      <h2>Who is reached where, {countryName}</h2>
      <p>
        Campaigns reaching each audience in each subdivision. A zero is a gap.
        {gaps.length ? ` No campaign reaches: ${gaps.join(', ')}.` : ''}
      </p>
      <CountGrid
        label="Campaigns per audience and subdivision"
        corner="Audience"
        columns={data.subdivisions}
        rows={data.coverage.filter((r) => r.counts.some((n) => n > 0)).map((r) => ({ key: r.audience, label: AUDIENCES.label(r.audience), counts: r.counts }))}
      />
    </>
  )
}
