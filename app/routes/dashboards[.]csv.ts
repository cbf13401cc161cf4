import type { LoaderFunctionArgs } from '@remix-run/node'
import Papa from 'papaparse'
import { dashboardOf } from '../services/dashboard.server'
import { requireSession } from '../services/session.server'

// GET /dashboards.csv?chart=target-actual|forest|reach|countries&…the dashboard's filters — one chart's numbers.
const CHARTS = ['target-actual', 'forest', 'reach', 'countries'] as const

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const search = new URL(request.url).searchParams
  const chart = CHARTS.find((c) => c === search.get('chart'))
  if (!chart) return new Response(`Choose a chart: ${CHARTS.join(', ')}.`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
  const d = dashboardOf(actor, search)
  const table: { fields: string[]; data: (string | number | null)[][] } =
    chart === 'target-actual'
      ? { fields: ['campaign_id', 'campaign', 'organisation', 'indicator', 'unit', 'target', 'actual', 'met'], data: d.targetActual.map((r) => [r.campaignId, r.title, r.organisation, r.indicator, r.unit, r.target, r.actual, r.met ? 'yes' : 'no']) }
      : chart === 'forest'
        ? {
            fields: ['standard_indicator', 'campaign_id', 'campaign', 'organisation', 'change', 'change_ci_low', 'change_ci_high', 'n', 'p_value'],
            data: (d.forest?.rows ?? []).map((r) => [d.standard!.code, r.campaignId, r.title, r.organisation, r.change, r.low, r.high, r.n, r.pValue]),
          }
        : chart === 'reach'
          ? { fields: ['channel', 'people_reached', 'campaigns'], data: d.reach.map((r) => [r.channel, r.reached, r.campaigns]) }
          : { fields: ['country', ...d.countries.years], data: d.countries.series.map((s) => [s.country, ...s.counts]) }
  return new Response(`\uFEFF${Papa.unparse(table, { newline: '\r\n' })}`, {
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="lantern-dashboard-${chart}.csv"`, 'Cache-Control': 'private, no-store' },
  })
}
