import type { LoaderFunctionArgs } from '@remix-run/node'
import { pairsTable, parsePairFilters } from '../features/coordination'
import { reasonWords } from '../features/overlap'
import { listPairClusters } from '../features/coordination/index.server'
import { requireSession } from '../features/accounts/index.server'
import { csvResponse } from '../shared/csv/csv-response.server'
import { countryAlpha3 } from '../shared/taxonomy/countries'
import { inEnglish } from '../shared/i18n/index.server'

// GET /coordination.csv?…filters… — the overlapping pairs of the workspace, with an HXL row.
export const loader = inEnglish(async ({ request }: LoaderFunctionArgs) => {
  const { actor } = await requireSession(request)
  const { clusters } = await listPairClusters(actor, parsePairFilters(new URL(request.url).searchParams), { everything: true })
  const worded = clusters.map((cluster) => cluster.map((p) => ({ ...p, reasons: p.reasons.map(reasonWords) })))
  return csvResponse(pairsTable(worded, countryAlpha3), `lantern-overlaps-${new Date().toISOString().slice(0, 10)}.csv`)
})
