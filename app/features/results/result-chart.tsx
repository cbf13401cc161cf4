import { useRef } from 'react'
import { useChart } from '../../shared/ui/use-chart'
import { COMMON, tr, useT } from '../../shared/i18n'

export type ResultBar = { label: string; pre: number | null; preLow: number | null; preHigh: number | null; post: number | null; postLow: number | null; postHigh: number | null }

type Props = {
  /** Read by screen readers in place of the picture; the table beside it has the numbers. */
  description: string
  bars: ResultBar[]
  percent: boolean
  min: number | null
  max: number | null
}

const COLOURS = ['#1d3557', '#b35c1e']

/**
 * Before and after as bars with their 95% intervals as error bars
 * (chartjs-chart-error-bars), drawn in the browser only.
 */
export function ResultChart({ description, bars, percent, min, max }: Props) {
  const i18n = useT()
  const canvas = useRef<HTMLCanvasElement>(null)
  useChart(
    canvas,
    () => import('./result-chart-kit'),
    ({ Chart, BarWithErrorBarsController }, element) => {
      const scale = (v: number | null) => (v === null ? null : percent ? v * 100 : v)
      const point = (y: number | null, low: number | null, high: number | null) => ({ y: scale(y), yMin: scale(low ?? y), yMax: scale(high ?? y) })
      return new Chart(element, {
        type: BarWithErrorBarsController.id,
        data: {
          labels: [tr({ id: 'results.baseline', defaultMessage: 'Baseline' }), tr({ id: 'results.endline', defaultMessage: 'Endline' })],
          datasets: bars.map((b, i) => ({
            label: b.label,
            data: [point(b.pre, b.preLow, b.preHigh), point(b.post, b.postLow, b.postHigh)],
            backgroundColor: COLOURS[i % COLOURS.length],
            errorBarColor: '#0b0c0c',
            errorBarWhiskerColor: '#0b0c0c',
            errorBarLineWidth: 2,
            errorBarWhiskerLineWidth: 2,
          })) as never,
        },
        options: {
          maintainAspectRatio: false,
          animation: false,
          scales: {
            y: {
              min: percent ? 0 : (min ?? undefined),
              max: percent ? 100 : (max ?? undefined),
              ticks: { callback: (v) => (percent ? i18n.percent(Number(v) / 100) : i18n.number(Number(v))) },
            },
          },
          plugins: {
            legend: { display: bars.length > 1 },
            tooltip: {
              callbacks: {
                label: (ctx) => {
                  const p = ctx.raw as { y: number; yMin: number; yMax: number }
                  const f = (v: number) => (percent ? i18n.percent(v / 100, 1) : i18n.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 }))
                  return tr(COMMON.withInterval, { label: String(ctx.dataset.label), value: f(p.y), low: f(p.yMin), high: f(p.yMax) })
                },
              },
            },
          },
        },
      })
    },
    [bars, percent, min, max, i18n],
  )
  return (
    <div className="chart chart--result">
      <canvas ref={canvas} role="img" aria-label={description} />
    </div>
  )
}
