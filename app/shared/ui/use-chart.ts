import { useEffect, type DependencyList, type RefObject } from 'react'

type ChartJs = typeof import('chart.js')
type ErrorBars = typeof import('chartjs-chart-error-bars')

/**
 * Draws a Chart.js chart in the browser only (the libraries load on demand;
 * the table beside every chart carries its numbers for screen readers and
 * without JavaScript), and destroys it when the data change or the page goes.
 */
export function useChart(canvas: RefObject<HTMLCanvasElement | null>, build: (chartjs: ChartJs, errorBars: ErrorBars, canvas: HTMLCanvasElement) => { destroy: () => void } | null, deps: DependencyList) {
  useEffect(() => {
    let chart: { destroy: () => void } | null = null
    let cancelled = false
    void (async () => {
      const [chartjs, errorBars] = await Promise.all([import('chart.js'), import('chartjs-chart-error-bars')])
      if (cancelled || !canvas.current) return
      chart = build(chartjs, errorBars, canvas.current)
    })()
    return () => {
      cancelled = true
      chart?.destroy()
    }
    // The caller names what the chart depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
}
