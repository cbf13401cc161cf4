import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseLiveCheck } from '../schemas/live-check'
import { assertEditable } from '../services/campaigns.server'
import { overlapsOf } from '../services/overlaps.server'
import { campaignParams, parseParams } from '../services/params.server'
import { requireSession } from '../services/session.server'

// GET /campaigns/:id/overlaps?country=…&subdivisions=…&startDate=…&endDate=…&audiences=…
// The live check of a campaign being edited, for values not yet saved.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  assertEditable(actor, campaignId)
  const parsed = parseLiveCheck(new URL(request.url).searchParams)
  if (!parsed.success) {
    return { overlaps: null, reason: 'Set the country, the dates and at least one audience to see overlapping campaigns.' }
  }
  return { overlaps: await overlapsOf(actor, campaignId, { unsaved: parsed.data }), reason: null }
}
