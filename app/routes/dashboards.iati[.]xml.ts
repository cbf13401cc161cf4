import type { LoaderFunctionArgs } from '@remix-run/node'
import { campaignIdsInView } from '../features/dashboards/index.server'
import { campaignsIatiXml } from '../features/exports/index.server'
import { requireSession } from '../features/accounts/index.server'
import { inEnglish } from '../shared/i18n/index.server'

// GET /dashboards/iati.xml?…the dashboard's filters — every campaign in view as IATI 2.03 activities.
export const loader = inEnglish(async ({ request }: LoaderFunctionArgs) => {
  const { actor } = await requireSession(request)
  const ids = await campaignIdsInView(actor, new URL(request.url).searchParams)
  return new Response(await campaignsIatiXml(actor, ids), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': 'attachment; filename="lantern-campaigns-iati.xml"', 'Cache-Control': 'private, no-store' },
  })
})
