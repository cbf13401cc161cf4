import type { LoaderFunctionArgs } from '@remix-run/node'
import Papa from 'papaparse'
import { idField } from '../schemas/fields'
import { campaignParams, parseParams } from '../services/params.server'
import { requireSession } from '../services/session.server'
import { surveyResponsesCsv } from '../services/surveys.server'

// GET /campaigns/:id/surveys.csv[?wave=…] — the answers in the import layout, for the owning organisation only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const wave = idField.safeParse(new URL(request.url).searchParams.get('wave'))
  const { fields, rows } = await surveyResponsesCsv(actor, campaignId, wave.success ? wave.data : undefined)
  const csv = Papa.unparse({ fields, data: rows }, { newline: '\r\n' })
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="lantern-survey-${campaignId}${wave.success ? `-wave-${wave.data}` : ''}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
