import type { LoaderFunctionArgs } from '@remix-run/node'
import { parsePairFilters } from '../features/coordination'
import { listPairClusters } from '../features/coordination/index.server'
import { requireSession } from '../features/accounts/index.server'
import { csvResponse } from '../shared/csv/csv-response.server'

// GET /coordination.csv?…filters… — the overlapping pairs of the workspace.
export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { clusters } = await listPairClusters(actor, parsePairFilters(new URL(request.url).searchParams), { everything: true })
  const rows = clusters.flatMap((pairs, n) =>
    pairs.map((p) => ({
      cluster: n + 1,
      campaign_a: p.a.title,
      code_a: p.a.id,
      organisation_a: p.a.organisation,
      campaign_b: p.b.title,
      code_b: p.b.id,
      organisation_b: p.b.organisation,
      score: p.score.toFixed(2),
      level: p.level,
      period_start: p.periodStart,
      period_end: p.periodEnd,
      review: p.verdict,
      note: p.note,
      reasons: p.reasons.join(' '),
    })),
  )
  const fields = ['cluster', 'campaign_a', 'code_a', 'organisation_a', 'campaign_b', 'code_b', 'organisation_b', 'score', 'level', 'period_start', 'period_end', 'review', 'note', 'reasons']
  return csvResponse({ fields, rows: rows.map((r) => fields.map((f) => r[f as keyof typeof r])) }, `lantern-overlaps-${new Date().toISOString().slice(0, 10)}.csv`)
}
