import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../components/campaign-section'
import { INDICATOR_LABELS, IndicatorFields, indicatorDefaults } from '../components/indicator-fields'
import { indicatorSchema } from '../schemas/campaign'
import { loadForEdit } from '../services/campaign-form.server'
import { updateIndicator } from '../services/campaigns.server'
import { notFound } from '../services/http.server'
import { indicatorParams, parseParams } from '../services/params.server'
import { readForm } from '../services/request.server'
import { requireSession } from '../services/session.server'
import { standardIndicatorOptions } from '../services/standard-indicators.server'

export const meta: MetaFunction = () => [{ title: 'Change an indicator – Lantern' }]

export async function loader(args: LoaderFunctionArgs) {
  const { indicatorId } = parseParams(args.params, indicatorParams)
  const { stored } = await loadForEdit(args)
  const indicator = stored.objectives.flatMap((o) => o.indicators).find((i) => i.id === indicatorId)
  if (!indicator) notFound('There is no such indicator in this campaign.')
  return { campaign: { id: stored.row.id, title: stored.campaign.title }, defaults: indicatorDefaults(indicator), standards: standardIndicatorOptions() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, indicatorId } = parseParams(params, indicatorParams)
  const submission = parseWithZod(await readForm(request), { schema: indicatorSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = await updateIndicator(actor, campaignId, indicatorId, submission.value)
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }), { status: 400 })
  return redirect(`/campaigns/${campaignId}/edit/objectives`)
}

export default function ChangeIndicator() {
  const { campaign, defaults, standards } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('indicator', indicatorSchema, defaults)
  return (
    <SectionPage title="Change an indicator" campaign={campaign} form={form} labels={INDICATOR_LABELS}>
      <IndicatorFields fields={fields} standards={standards} />
    </SectionPage>
  )
}
