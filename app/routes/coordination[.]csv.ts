import type { LoaderFunctionArgs } from '@remix-run/node'
import { pairsTable, parsePairFilters } from '../features/coordination'
import { reasonWords } from '../features/overlap'
import { listPairClusters } from '../features/coordination/index.server'
import { requireSession } from '../features/accounts/index.server'
import { csvResponse } from '../shared/csv/csv-response.server'
import { countryAlpha3 } from '../shared/taxonomy/countries'
import { inEnglish } from '../shared/i18n/index.server'
import { todayIn } from '../shared/i18n'

// GET /coordination.csv?…filters… — the overlapping pairs of the workspace, with an HXL row.
export const loader = inEnglish(async ({ request }: LoaderFunctionArgs) => {
  const { actor, user } = await requireSession(request)
  // The same period as the workspace the file is downloaded from: its default ends today where the coordinator works.
  const { clusters } = await listPairClusters(actor, parsePairFilters(new URL(request.url).searchParams, todayIn(user.organisation?.timeZone ?? 'UTC')), { everything: true })
  const worded = clusters.map((cluster) => cluster.map((p) => ({ ...p, reasons: p.reasons.map(reasonWords) })))
  return csvResponse(pairsTable(worded, countryAlpha3), `lantern-overlaps-${new Date().toISOString().slice(0, 10)}.csv`)
})
