import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { INDICATOR_LABELS, IndicatorFields, indicatorDefaults, indicatorSchema } from '../features/campaigns'
import { loadForEdit, updateIndicator } from '../features/campaigns/index.server'
import { changeResults } from '../features/results/index.server'
import { notFound } from '../shared/http.server'
import { indicatorParams, parseParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { standardIndicatorOptions } from '../features/standards/index.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.change_an_indicator', defaultMessage: 'Change an indicator' }))

export async function loader(args: LoaderFunctionArgs) {
  const { indicatorId } = parseParams(args.params, indicatorParams)
  const { stored } = await loadForEdit(args)
  const indicator = stored.objectives.flatMap((o) => o.indicators).find((i) => i.id === indicatorId)
  if (!indicator) notFound({ id: 'errors.no_such_indicator', defaultMessage: 'There is no such indicator in this campaign.' })
  return {
    constraint: constraintOf(indicatorSchema), campaign: { id: stored.row.id, title: stored.campaign.title }, defaults: indicatorDefaults(indicator), standards: standardIndicatorOptions() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, indicatorId } = parseParams(params, indicatorParams)
  const submission = parseWithZod(await readForm(request), { schema: indicatorSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = await changeResults(actor, campaignId, (change) => updateIndicator(change, indicatorId, submission.value))
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }), { status: 400 })
  return redirect(`/campaigns/${campaignId}/edit/objectives`)
}

export default function ChangeIndicator() {
  const { t } = useT()
  const { campaign, defaults, standards, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('indicator', constraint, defaults)
  return (
    <SectionPage title={t({ id: 'campaigns.edit.indicators.change_an_indicator', defaultMessage: 'Change an indicator' })} campaign={campaign} form={form} labels={INDICATOR_LABELS}>
      <IndicatorFields fields={fields} standards={standards} />
    </SectionPage>
  )
}
