import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseCampaignFilters } from '../features/campaigns'
import { exportCampaignsCsv } from '../features/campaigns/index.server'
import { getSession } from '../features/accounts/index.server'
import { ensureSummaries } from '../features/results/index.server'
import { csvResponse } from '../shared/csv/csv-response.server'
import { inEnglish } from '../shared/i18n/index.server'

// GET /campaigns.csv?…filters… — the list as the viewer sees it, unpaged.
export const loader = inEnglish(async ({ request }: LoaderFunctionArgs) => {
  const session = await getSession(request)
  const filters = parseCampaignFilters(new URL(request.url).searchParams)
  // People reached come from the summaries, built here for campaigns that have none yet.
  await ensureSummaries()
  return csvResponse(await exportCampaignsCsv(session?.actor ?? null, filters), `lantern-campaigns-${new Date().toISOString().slice(0, 10)}.csv`)
})
