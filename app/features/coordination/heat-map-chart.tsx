import { useNavigate } from '@remix-run/react'
import { useRef } from 'react'
import { useChart } from '../../shared/ui/use-chart'
import { tr, useT } from '../../shared/i18n'

type Props = { country: string; months: string[]; rows: { subdivision: string; counts: number[] }[] }

/**
 * The heat map as a Chart.js matrix, drawn in the browser only; the table
 * beside it carries the same numbers for screen readers and without JS.
 */
export function HeatMapChart({ country, months, rows }: Props) {
  const { t } = useT()
  const canvas = useRef<HTMLCanvasElement>(null)
  const navigate = useNavigate()
  useChart(
    canvas,
    () => import('./heat-map-chart-kit'),
    ({ Chart }, element) => {
      const max = Math.max(1, ...rows.flatMap((r) => r.counts))
      const data = rows.flatMap((r) => r.counts.map((v, k) => ({ x: months[k]!, y: r.subdivision, v })))
      return new Chart(element, {
        type: 'matrix',
        data: {
          datasets: [
            {
              label: tr({ id: 'coordination.heat_map.running', defaultMessage: 'Campaigns running' }),
              data,
              backgroundColor: (ctx) => {
                const v = (ctx.raw as { v: number } | undefined)?.v ?? 0
                return v === 0 ? '#f3f2f1' : `rgba(29, 53, 87, ${0.15 + 0.85 * (v / max)})`
              },
              borderColor: '#ffffff',
              borderWidth: 1,
              width: ({ chart: c }) => (c.chartArea?.width ?? 0) / Math.max(1, months.length) - 1,
              height: ({ chart: c }) => (c.chartArea?.height ?? 0) / Math.max(1, rows.length) - 1,
            },
          ],
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          scales: {
            x: { type: 'category', labels: months, offset: true, grid: { display: false } },
            y: { type: 'category', labels: rows.map((r) => r.subdivision), offset: true, grid: { display: false }, ticks: { autoSkip: false, font: { size: 11 } } },
          },
          plugins: {
            tooltip: {
              callbacks: {
                title: () => '',
                label: (ctx) => {
                  const p = ctx.raw as { x: string; y: string; v: number }
                  return tr({ id: 'coordination.heat_map.tooltip', defaultMessage: '{subdivision}, {month}: {count, plural, one {# campaign} other {# campaigns}}' }, { subdivision: p.y, month: p.x, count: p.v })
                },
              },
            },
          },
          onClick: (_event, elements) => {
            const hit = elements[0]
            if (!hit) return
            const p = data[hit.index]!
            navigate(`/campaigns?${new URLSearchParams({ country, subdivision: p.y, month: p.x })}`)
          },
        },
      })
    },
    [country, months, rows, navigate],
  )
  return (
    <div className="chart">
      <canvas ref={canvas} role="img" aria-label={t({ id: 'coordination.heat_map_chart.heat_map_of_campaigns_per_subdivision', defaultMessage: 'Heat map of campaigns per subdivision per month; the same numbers are in the table below.' })} />
    </div>
  )
}
