import type { LoaderFunctionArgs } from '@remix-run/node'
import { idField } from '../shared/ui/fields'
import { campaignParams, parseParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { surveyResponsesCsv } from '../features/surveys/index.server'
import { csvResponse } from '../shared/csv/csv-response.server'
import { inEnglish } from '../shared/i18n/index.server'

// GET /campaigns/:id/surveys.csv[?wave=…] — the answers in the import layout, for the owning organisation only.
export const loader = inEnglish(async ({ request, params }: LoaderFunctionArgs) => {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const wave = idField.safeParse(new URL(request.url).searchParams.get('wave'))
  const { fields, rows } = await surveyResponsesCsv(actor, campaignId, wave.success ? wave.data : undefined)
  return csvResponse({ fields, rows }, `lantern-survey-${campaignId}${wave.success ? `-wave-${wave.data}` : ''}.csv`)
})
