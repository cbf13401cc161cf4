import { useFetcher } from '@remix-run/react'
import { useEffect, useRef, useState } from 'react'
import type { loader } from '../../routes/campaigns.$campaignId.overlaps'
import { Overlaps } from './overlaps'
import { useT } from '../../shared/i18n'

/**
 * With JavaScript, re-checks overlaps as the form changes (debounced; Remix
 * cancels a superseded request). Without it, the saved draft shows them.
 */
export function LiveOverlaps({ campaignId, formId, saved }: { campaignId: number; formId: string; saved: Record<string, string | string[]> }) {
  const { t } = useT()
  const fetcher = useFetcher<typeof loader>()
  const timer = useRef<ReturnType<typeof setTimeout>>()
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => {
    setHydrated(true)
    const form = document.getElementById(formId)
    if (!(form instanceof HTMLFormElement)) return
    const check = () => {
      const query = new URLSearchParams()
      const data = new FormData(form)
      // Fields this page does not have come from the saved draft.
      for (const [key, value] of Object.entries(saved)) if (!data.has(key) && !form.querySelector(`[name="${key}"]`)) for (const v of [value].flat()) query.append(key, v)
      for (const [key, value] of data.entries()) if (typeof value === 'string') query.append(key, value)
      fetcher.load(`/campaigns/${campaignId}/overlaps?${query}`)
    }
    const schedule = () => {
      clearTimeout(timer.current)
      timer.current = setTimeout(check, 400)
    }
    check()
    form.addEventListener('input', schedule)
    form.addEventListener('change', schedule)
    return () => {
      clearTimeout(timer.current)
      form.removeEventListener('input', schedule)
      form.removeEventListener('change', schedule)
    }
    // fetcher.load is stable enough for this; re-running on every render would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaignId, formId])
  const result = fetcher.data
  if (!hydrated) return null
  return (
    <section aria-labelledby="live-overlaps-title" className="live-overlaps">
      <h2 id="live-overlaps-title">{t({ id: 'coordination.live_overlaps.overlap_with_other_organisations', defaultMessage: 'Overlap with other organisations' })}</h2>
      <div aria-live="polite">
        {result === undefined ? <p>{t({ id: 'coordination.live_overlaps.checking', defaultMessage: 'Checking…' })}</p> : result.overlaps ? <Overlaps summary={result.overlaps} planning /> : <p>{result.reason}</p>}
      </div>
    </section>
  )
}
