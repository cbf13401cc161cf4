import { Link } from '@remix-run/react'
import { AUDIENCES } from '../domain/taxonomy'
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

export function CoverageTables({ data, country, countryName }: { data: Coverage; country: string; countryName: string }) {
  const heatMax = Math.max(0, ...data.heat.flatMap((r) => r.counts))
  const coverageMax = Math.max(0, ...data.coverage.flatMap((r) => r.counts))
  const gaps = data.coverage.filter((r) => r.counts.every((n) => n === 0)).map((r) => AUDIENCES.label(r.audience))
  return (
    <>
      <h2>Campaigns per subdivision per month, {countryName}</h2>
      <p>Each cell counts the campaigns running in that subdivision at some time in that month ({data.campaigns} campaigns in all). Choose a cell to list them.</p>
      <HeatMapChart country={country} months={data.months} rows={data.heat} />
      {/* Wide tables scroll sideways; focusable so keyboard users can scroll them too. */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Campaigns per subdivision per month">
        <table className="grid-table">
          <caption className="visually-hidden">Campaigns per subdivision per month</caption>
          <thead>
            <tr>
              <th scope="col">Subdivision</th>
              {data.months.map((m) => (
                <th scope="col" key={m}>
                  {monthLabel(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.heat.map((r) => (
              <tr key={r.subdivision}>
                <th scope="row">{r.subdivision}</th>
                {r.counts.map((n, k) => (
                  <td key={k} className={shade(n, heatMax)}>
                    {n ? <Link to={`/campaigns?${new URLSearchParams({ country, subdivision: r.subdivision, month: data.months[k]! })}`}>{n}<span className="visually-hidden"> campaigns in {r.subdivision}, {monthLabel(data.months[k]!)}</span></Link> : n}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Who is reached where, {countryName}</h2>
      <p>
        Campaigns reaching each audience in each subdivision. A zero is a gap.
        {gaps.length ? ` No campaign reaches: ${gaps.join(', ')}.` : ''}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Campaigns per audience and subdivision">
        <table className="grid-table">
          <caption className="visually-hidden">Campaigns per audience and subdivision</caption>
          <thead>
            <tr>
              <th scope="col">Audience</th>
              {data.subdivisions.map((s) => (
                <th scope="col" key={s}>
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.coverage
              .filter((r) => r.counts.some((n) => n > 0))
              .map((r) => (
                <tr key={r.audience}>
                  <th scope="row">{AUDIENCES.label(r.audience)}</th>
                  {r.counts.map((n, k) => (
                    <td key={k} className={shade(n, coverageMax)}>
                      {n}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
