import type { LoaderFunctionArgs } from '@remix-run/node'
import { assertEditable } from '../features/campaigns/index.server'
import { overlapsOf, parseLiveCheck } from '../features/coordination/index.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { tr } from '../shared/i18n'

// GET /campaigns/:id/overlaps?country=…&subdivisions=…&startDate=…&endDate=…&audiences=…
// The live check of a campaign being edited, for values not yet saved.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  assertEditable(actor, campaignId)
  const parsed = parseLiveCheck(new URL(request.url).searchParams)
  if (!parsed.success) {
    return { overlaps: null, reason: tr({ id: 'overlap.live.needs_fields', defaultMessage: 'Set the country, the dates and at least one audience to see overlapping campaigns.' }) }
  }
  return { overlaps: await overlapsOf(actor, campaignId, { unsaved: parsed.data }), reason: null }
}
