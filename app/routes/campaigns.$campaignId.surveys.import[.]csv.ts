import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseImportChoice } from '../features/surveys'
import { notFound } from '../shared/http.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { importPlan } from '../features/surveys/index.server'
import { csvResponse } from '../shared/csv/csv-response.server'

// GET …/surveys/import.csv?upload=…&c0=… — every problem of an upload with that mapping.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const choice = parseImportChoice(new URL(request.url).searchParams)
  if (!choice.upload) notFound()
  const plan = await importPlan(actor, campaignId, choice.upload, choice)
  return csvResponse({ fields: ['line', 'column', 'problem'], rows: plan.problems.map((p) => [p.line, p.column, p.message]) }, `problems-${plan.upload.filename}`)
}
