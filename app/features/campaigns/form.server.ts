import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, data, redirect } from '@remix-run/node'
import { z } from 'zod'
import type { Actor } from '../../shared/permissions/permissions'
import type { Outcome } from '../../shared/outcome'
import { getCampaignForEdit } from './access.server'
import { campaignParams, parseParams } from '../../shared/params.server'
import { readForm } from '../../shared/request.server'
import { requireSession } from '../accounts/index.server'

// The campaign form is one page per section; each section's route is this
// same loader and action around its own schema and service function.

export async function loadForEdit({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const stored = await getCampaignForEdit(actor, campaignId)
  return { actor, stored }
}

export function sectionAction<S extends z.ZodType<Record<string, unknown>>>(
  schema: S,
  save: (actor: Actor, campaignId: number, value: z.infer<S>) => Promise<Outcome<unknown> | void>,
) {
  return async ({ request, params }: ActionFunctionArgs) => {
    const { actor } = await requireSession(request)
    const { campaignId } = parseParams(params, campaignParams)
    const submission = parseWithZod(await readForm(request), { schema })
    if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
    const outcome = await save(actor, campaignId, submission.value)
    if (outcome && !outcome.ok) {
      return data(submission.reply({ formErrors: outcome.formErrors, fieldErrors: outcome.fieldErrors }), { status: 400 })
    }
    return redirect(`/campaigns/${campaignId}/edit`)
  }
}
