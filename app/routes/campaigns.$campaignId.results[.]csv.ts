import type { LoaderFunctionArgs } from '@remix-run/node'
import { IMPACT_COLUMNS, resultsCsvRows, campaignResults } from '../features/results/index.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { getSession } from '../features/accounts/index.server'
import { csvResponse } from '../shared/csv/csv-response.server'
import { inEnglish } from '../shared/i18n/index.server'

// GET /campaigns/:id/results.csv — the results page's figures in the command line's columns, with the same suppression.
export const loader = inEnglish(async ({ request, params }: LoaderFunctionArgs) => {
  const session = await getSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const r = await campaignResults(session?.actor ?? null, campaignId)
  const fields = [...IMPACT_COLUMNS, 'breakdown', 'breakdown_value']
  const rows = resultsCsvRows(r.records, r.breakdowns, r.threshold)
  return csvResponse({ fields, rows: rows.map((row) => fields.map((f) => row[f as keyof typeof row])) }, `lantern-results-${campaignId}.csv`)
})
