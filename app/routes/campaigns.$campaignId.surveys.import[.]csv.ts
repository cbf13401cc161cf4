import type { LoaderFunctionArgs } from '@remix-run/node'
import { parseImportChoice } from '../features/surveys'
import { notFound } from '../shared/http.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { importProblems } from '../features/surveys/index.server'
import { csvResponse } from '../shared/csv/csv-response.server'
import { inEnglish } from '../shared/i18n/index.server'

// GET …/surveys/import.csv?upload=…&c0=… — the problems an import of the upload with that mapping found.
export const loader = inEnglish(async ({ request, params }: LoaderFunctionArgs) => {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const choice = parseImportChoice(new URL(request.url).searchParams)
  if (!choice.upload) notFound()
  const { filename, problems } = await importProblems(actor, campaignId, choice.upload, choice)
  return csvResponse({ fields: ['line', 'column', 'problem'], rows: problems.map((p) => [p.line, p.column, p.message]) }, `problems-${filename}`)
})
