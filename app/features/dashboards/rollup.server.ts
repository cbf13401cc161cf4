import { and, eq, ne } from 'drizzle-orm'
import { campaigns, indicatorSummaries, organisations } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import { db } from '../../shared/db.server'
import { visibleTo } from '../campaigns/index.server'
import { progressOf } from '../results'
import { ensureSummaries } from '../results/index.server'
import { standardIndicatorByCode } from '../standards/index.server'
import { rollUp } from './rollup'

/**
 * A standard indicator with every campaign the viewer may see that adopts it
 * (drafts are plans, not results), read from the summaries, and their roll-up.
 */
export async function standardIndicatorPage(viewer: Actor, code: string) {
  const standard = standardIndicatorByCode(code)
  await ensureSummaries()
  const rows = db
    .select({
      campaignId: campaigns.id,
      title: campaigns.title,
      status: campaigns.status,
      organisationId: campaigns.organisationId,
      organisation: organisations.name,
      direction: indicatorSummaries.direction,
      target: indicatorSummaries.target,
      baseline: indicatorSummaries.baseline,
      actual: indicatorSummaries.actual,
      actualFrom: indicatorSummaries.actualFrom,
      nBaseline: indicatorSummaries.nBaseline,
      nActual: indicatorSummaries.nActual,
      pValue: indicatorSummaries.pValue,
    })
    .from(indicatorSummaries)
    .innerJoin(campaigns, eq(campaigns.id, indicatorSummaries.campaignId))
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(and(eq(indicatorSummaries.standardIndicatorId, standard.id), ne(campaigns.status, 'draft'), visibleTo(viewer)))
    .all()
  // Results first, the best actual first (the highest, or the lowest where lower is better); then the campaigns still waiting for theirs.
  const better = standard.direction === 'increase' ? 1 : -1
  rows.sort((a, b) => (a.actual === null ? 1 : 0) - (b.actual === null ? 1 : 0) || better * ((b.actual ?? 0) - (a.actual ?? 0)) || a.title.localeCompare(b.title))
  const withProgress = rows.map((r) => ({ ...r, progress: progressOf(r.direction, r.baseline, r.actual, r.target) }))
  return { standard, rows: withProgress, rollup: rollUp(standard.unit, rows) }
}
