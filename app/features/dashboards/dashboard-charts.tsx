import { useNavigate } from '@remix-run/react'
import { useRef } from 'react'
import type { ForestRow } from './dashboard'
import { useChart } from '../../shared/ui/use-chart'
import { COMMON, tr, useT } from '../../shared/i18n'

// The donor dashboard's charts. Each has a table beside it with the same
// numbers (for screen readers, without JavaScript, and for the CSV); clicking
// a campaign's mark opens its results page.

const BRAND = '#1d3557'
const ACCENT = '#b35c1e'
const PALETTE = ['#1d3557', '#b35c1e', '#2a7f62', '#6b4c9a', '#8a6d00', '#a23b5b', '#3b7ea1']

/** Heights come from classes: the page's CSP allows no inline styles. */
const size = (items: number) => (items > 12 ? 'chart--tall' : items > 5 ? 'chart--medium' : 'chart--short')

function Canvas({ label, items, canvas }: { label: string; items: number; canvas: React.RefObject<HTMLCanvasElement> }) {
  return (
    <div className={`chart ${size(items)}`}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  )
}

const short = (title: string) => (title.length > 38 ? `${title.slice(0, 36)}…` : title)

/** Percentage outcome indicators: the actual as a bar, the target as a line across it. */
export function TargetActualChart({ rows }: { rows: { campaignId: number; title: string; indicator: string; target: number; actual: number; met: boolean | null }[] }) {
  const i18n = useT()
  const { t } = i18n
  const canvas = useRef<HTMLCanvasElement>(null)
  const navigate = useNavigate()
  useChart(
    canvas,
    () => import('./dashboard-chart-kit'),
    ({ Chart }, element) => {
      return new Chart(element, {
        data: {
          labels: rows.map((r) => short(r.title)),
          datasets: [
            { type: 'bar', label: tr({ id: 'dashboards.charts.actual', defaultMessage: 'Actual' }), data: rows.map((r) => r.actual), backgroundColor: rows.map((r) => (r.met ? '#2a7f62' : BRAND)), order: 2 },
            { type: 'line', label: tr({ id: 'dashboards.charts.target', defaultMessage: 'Target' }), data: rows.map((r) => r.target), showLine: false, pointStyle: 'line', pointRadius: 22, pointBorderWidth: 3, borderColor: ACCENT, backgroundColor: ACCENT, order: 1 },
          ],
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          scales: { y: { min: 0, max: 100, ticks: { callback: (v) => i18n.percent(Number(v) / 100) } }, x: { ticks: { autoSkip: false, maxRotation: 40, minRotation: 40, font: { size: 11 } } } },
          plugins: { tooltip: { callbacks: { title: (items) => rows[items[0]!.dataIndex]!.title, label: (ctx) => `${ctx.dataset.label}: ${i18n.percent(Number(ctx.raw) / 100, 1)}` } } },
          onClick: (_e, elements) => {
            const hit = elements[0]
            if (hit) navigate(`/campaigns/${rows[hit.index]!.campaignId}/results`)
          },
        },
      })
    },
    [rows, navigate, i18n],
  )
  return <Canvas canvas={canvas} items={8} label={t({ id: 'dashboards.dashboard_charts.bar_chart_each_campaign_s_actual', defaultMessage: 'Bar chart: each campaign’s actual against its target line, for outcome indicators in percent. The numbers are in the table below.' })} />
}

/** A forest plot: each campaign's change with its 95% CI, largest first, and zero marked. */
export function ForestPlot({ rows, unit }: { rows: ForestRow[]; unit: string }) {
  const i18n = useT()
  const { t } = i18n
  const canvas = useRef<HTMLCanvasElement>(null)
  const navigate = useNavigate()
  useChart(
    canvas,
    () => import('./dashboard-chart-kit'),
    ({ Chart, ScatterWithErrorBarsController }, element) => {
      const labels = rows.map((r) => short(r.title))
      return new Chart(element, {
        type: ScatterWithErrorBarsController.id,
        data: {
          labels,
          datasets: [
            {
              label: t({ id: 'dashboards.charts.change_ci', defaultMessage: 'Change (95% CI)' }),
              data: rows.map((r, i) => ({ x: r.change, xMin: r.low, xMax: r.high, y: labels[i] })),
              backgroundColor: BRAND,
              borderColor: BRAND,
              pointRadius: 6,
              errorBarColor: '#0b0c0c',
              errorBarWhiskerColor: '#0b0c0c',
              errorBarLineWidth: 2,
            },
          ] as never,
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          scales: {
            y: { type: 'category', labels, offset: true, ticks: { autoSkip: false, font: { size: 11 } } },
            x: {
              // No change (0) is always on the axis: it is what each interval is read against.
              suggestedMin: Math.min(0, ...rows.map((r) => r.low)),
              suggestedMax: Math.max(0, ...rows.map((r) => r.high)),
              title: { display: true, text: unit === 'percent' ? tr({ id: 'dashboards.charts.change_points', defaultMessage: 'Change, percentage points' }) : tr({ id: 'dashboards.charts.change', defaultMessage: 'Change' }) },
              grid: { color: (ctx) => (ctx.tick?.value === 0 ? '#0b0c0c' : '#e5e5e5'), lineWidth: (ctx) => (ctx.tick?.value === 0 ? 2 : 1) },
            },
          },
          plugins: {
            tooltip: {
              callbacks: {
                label: (ctx) => {
                  const r = rows[ctx.dataIndex]!
                  const one = (v: number) => i18n.number(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
                  return t(COMMON.withInterval, { label: r.title, value: one(r.change), low: one(r.low), high: one(r.high) })
                },
              },
            },
          },
          onClick: (_e, elements) => {
            const hit = elements[0]
            if (hit) navigate(`/campaigns/${rows[hit.index]!.campaignId}/results`)
          },
        },
      })
    },
    [rows, unit, navigate, i18n],
  )
  return <Canvas canvas={canvas} items={rows.length} label={t({ id: 'dashboards.dashboard_charts.forest_plot_each_campaign_s_change', defaultMessage: 'Forest plot: each campaign’s change with its 95% confidence interval, largest first; the line marks no change. The numbers are in the table below.' })} />
}

/** A horizontal bar per category. */
export function BarsChart({ rows, label, description }: { rows: { label: string; value: number }[]; label: string; description: string }) {
  const i18n = useT()
  const canvas = useRef<HTMLCanvasElement>(null)
  useChart(
    canvas,
    () => import('./dashboard-chart-kit'),
    ({ Chart }, element) => {
      return new Chart(element, {
        type: 'bar',
        data: { labels: rows.map((r) => r.label), datasets: [{ label, data: rows.map((r) => r.value), backgroundColor: BRAND }] },
        options: { indexAxis: 'y', maintainAspectRatio: false, animation: false, plugins: { tooltip: { callbacks: { label: (ctx) => `${label}: ${i18n.number(Number(ctx.raw))}` } } } },
      })
    },
    [rows, label, i18n],
  )
  return <Canvas canvas={canvas} items={rows.length} label={description} />
}

/** Stacked bars: campaigns starting each year, by country. */
export function CountryYearChart({ years, series }: { years: string[]; series: { country: string; counts: number[] }[] }) {
  const { t } = useT()
  const canvas = useRef<HTMLCanvasElement>(null)
  useChart(
    canvas,
    () => import('./dashboard-chart-kit'),
    ({ Chart }, element) => {
      return new Chart(element, {
        type: 'bar',
        data: { labels: years, datasets: series.map((s, i) => ({ label: s.country, data: s.counts, backgroundColor: PALETTE[i % PALETTE.length] })) },
        options: { maintainAspectRatio: false, animation: false, scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 } } } },
      })
    },
    [years, series],
  )
  return <Canvas canvas={canvas} items={8} label={t({ id: 'dashboards.dashboard_charts.stacked_bar_chart_campaigns_starting_each', defaultMessage: 'Stacked bar chart: campaigns starting each year, by country. The numbers are in the table below.' })} />
}
