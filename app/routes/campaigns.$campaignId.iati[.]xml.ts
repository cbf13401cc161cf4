import type { LoaderFunctionArgs } from '@remix-run/node'
import { campaignIatiXml } from '../features/exports/index.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { getSession } from '../features/accounts/index.server'
import { inEnglish } from '../shared/i18n/index.server'

// GET /campaigns/:id/iati.xml — the campaign as an IATI 2.03 activity with its results.
export const loader = inEnglish(async ({ request, params }: LoaderFunctionArgs) => {
  const session = await getSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  return new Response(await campaignIatiXml(session?.actor ?? null, campaignId), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': `attachment; filename="lantern-campaign-${campaignId}-iati.xml"`, 'Cache-Control': 'private, no-store' },
  })
})
