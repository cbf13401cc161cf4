import type { LoaderFunctionArgs } from '@remix-run/node'
import Papa from 'papaparse'
import { IMPACT_COLUMNS, resultsCsvRows } from '../domain/impact-table'
import { campaignResults } from '../services/impact.server'
import { campaignParams, parseParams } from '../services/params.server'
import { getSession } from '../services/session.server'

// GET /campaigns/:id/results.csv — the results page's figures in the command line's columns, with the same suppression.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const r = await campaignResults(session?.actor ?? null, campaignId)
  const fields = [...IMPACT_COLUMNS, 'breakdown', 'breakdown_value']
  const rows = resultsCsvRows(r.records, r.breakdowns, r.threshold)
  const csv = Papa.unparse({ fields, data: rows.map((row) => fields.map((f) => row[f as keyof typeof row])) }, { newline: '\r\n' })
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="lantern-results-${campaignId}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
