import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseCampaignFilters } from '../schemas/campaign-filters'
import { exportCampaignsCsv } from '../services/campaign-csv.server'
import { getSession } from '../services/session.server'

// GET /campaigns.csv?…filters… — the list as the viewer sees it, unpaged.
export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const filters = parseCampaignFilters(new URL(request.url).searchParams)
  const csv = await exportCampaignsCsv(session?.actor ?? null, filters)
  const date = new Date().toISOString().slice(0, 10)
  // The byte-order mark makes spreadsheet programs read the file as UTF-8.
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="lantern-campaigns-${date}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
