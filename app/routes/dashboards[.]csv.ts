import type { LoaderFunctionArgs } from '@remix-run/node'
import { dashboardOf } from '../features/dashboards/index.server'
import { requireSession } from '../features/accounts/index.server'
import { csvResponse, type CsvTable } from '../shared/csv/csv-response.server'
import { inEnglish } from '../shared/i18n/index.server'

// GET /dashboards.csv?chart=target-actual|forest|reach|countries&…the dashboard's filters — one chart's numbers.
const CHARTS = ['target-actual', 'forest', 'reach', 'countries'] as const

export const loader = inEnglish(async ({ request }: LoaderFunctionArgs) => {
  const { actor } = await requireSession(request)
  const search = new URL(request.url).searchParams
  const chart = CHARTS.find((c) => c === search.get('chart'))
  if (!chart) return new Response(`Choose a chart: ${CHARTS.join(', ')}.`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const d = await dashboardOf(actor, search)
  const table: CsvTable =
    chart === 'target-actual'
      ? {
          fields: ['campaign_id', 'campaign', 'organisation', 'indicator', 'unit', 'direction', 'baseline', 'target', 'actual', 'progress', 'share_of_the_way', 'met'],
          rows: d.targetActual.map((r) => [
            r.campaignId,
            r.title,
            r.organisation,
            r.indicator,
            r.unit,
            r.direction,
            r.baseline,
            r.target,
            r.actual,
            r.progress.kind,
            r.progress.kind === 'toward' ? r.progress.share : null,
            r.met === null ? '' : r.met ? 'yes' : 'no',
          ]),
        }
      : chart === 'forest'
        ? {
            fields: ['standard_indicator', 'campaign_id', 'campaign', 'organisation', 'change', 'change_ci_low', 'change_ci_high', 'n', 'p_value'],
            rows: (d.forest?.rows ?? []).map((r) => [d.standard!.code, r.campaignId, r.title, r.organisation, r.change, r.low, r.high, r.n, r.pValue]),
          }
        : chart === 'reach'
          ? { fields: ['channel', 'people_reached', 'campaigns'], rows: d.reach.map((r) => [r.channel, r.reached, r.campaigns]) }
          : { fields: ['country', ...d.countries.years], rows: d.countries.series.map((s) => [s.country, ...s.counts]) }
  return csvResponse(table, `lantern-dashboard-${chart}.csv`)
})
