import type { LoaderFunctionArgs } from '@remix-run/node'
import Papa from 'papaparse'
import { parseImportChoice } from '../schemas/survey-import'
import { notFound } from '../services/http.server'
import { campaignParams, parseParams } from '../services/params.server'
import { requireSession } from '../services/session.server'
import { importPlan } from '../services/survey-import.server'

// GET …/surveys/import.csv?upload=…&c0=… — every problem of an upload with that mapping.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const choice = parseImportChoice(new URL(request.url).searchParams)
  if (!choice.upload) notFound()
  const plan = await importPlan(actor, campaignId, choice.upload, choice)
  const csv = Papa.unparse({ fields: ['line', 'column', 'problem'], data: plan.problems.map((p) => [p.line, p.column, p.message]) }, { newline: '\r\n' })
  return new Response(`\uFEFF${csv}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="problems-${plan.upload.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
      'Cache-Control': 'private, no-store',
    },
  })
}
