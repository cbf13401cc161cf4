import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { z } from 'zod'
import type { Actor } from '../domain/permissions'
import { qualityCheck } from '../domain/quality'
import type { Outcome } from './auth.server'
import { transitionSchema } from '../schemas/campaign'
import { duplicateCampaign, getCampaignForEdit, transitionCampaign } from './campaigns.server'
import { noteCoordination } from './overlaps.server'
import { campaignParams, parseParams } from './params.server'
import { readForm } from './request.server'
import { requireSession } from './session.server'

// The campaign form is one page per section; each section's route is this
// same loader and action around its own schema and service function.

export async function loadForEdit({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const stored = await getCampaignForEdit(actor, campaignId)
  return { actor, stored, findings: qualityCheck(stored.campaign) }
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

const pageActionSchema = z.discriminatedUnion('intent', [
  transitionSchema,
  z.object({ intent: z.literal('duplicate') }),
  z.object({ intent: z.literal('coordinate'), otherId: z.coerce.number().int().positive(), note: z.string().trim().max(1000, 'The note must be 1,000 characters or fewer').default('') }),
])

/**
 * The action of the pages that change a campaign's status (task list,
 * campaign page) or copy it as a new draft.
 */
export async function campaignPageAction({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const submission = parseWithZod(await readForm(request), { schema: pageActionSchema })
  if (submission.status !== 'success') return data({ ok: false as const, errors: ['Choose a status from the list.'] }, { status: 400 })
  if (submission.value.intent === 'coordinate') {
    await noteCoordination(actor, campaignId, submission.value.otherId, submission.value.note)
    return { ok: true as const, errors: [] }
  }
  if (submission.value.intent === 'duplicate') {
    const copy = await duplicateCampaign(actor, campaignId)
    return redirect(`/campaigns/${copy}/edit`)
  }
  const outcome = await transitionCampaign(actor, campaignId, submission.value.to)
  if (!outcome.ok) return data({ ok: false as const, errors: outcome.formErrors ?? [] }, { status: 400 })
  return redirect(`/campaigns/${campaignId}`)
}
