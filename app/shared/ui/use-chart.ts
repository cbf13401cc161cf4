import { useEffect, type DependencyList, type RefObject } from 'react'

/**
 * Draws a Chart.js chart in the browser only, and destroys it when the data
 * change or the page goes. `load` imports the chart's kit: a module that
 * imports from chart.js, by name, only what this kind of chart registers, so
 * that the browser downloads that much of Chart.js and no more, and only on a
 * page with a chart. The table beside every chart carries its numbers for
 * screen readers and without JavaScript.
 */
export function useChart<Kit>(
  canvas: RefObject<HTMLCanvasElement | null>,
  load: () => Promise<Kit>,
  build: (kit: Kit, canvas: HTMLCanvasElement) => { destroy: () => void } | null,
  deps: DependencyList,
) {
  useEffect(() => {
    let chart: { destroy: () => void } | null = null
    let cancelled = false
    void (async () => {
      const kit = await load()
      if (cancelled || !canvas.current) return
      chart = build(kit, canvas.current)
    })()
    return () => {
      cancelled = true
      chart?.destroy()
    }
    // The caller names what the chart depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
}
