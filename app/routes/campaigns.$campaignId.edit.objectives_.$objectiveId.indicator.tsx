import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { INDICATOR_LABELS, IndicatorFields, indicatorDefaults, indicatorSchema } from '../features/campaigns'
import { loadForEdit, addIndicator } from '../features/campaigns/index.server'
import { changeResults } from '../features/results/index.server'
import { notFound } from '../shared/http.server'
import { objectiveParams, parseParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { standardIndicatorOptions } from '../features/standards/index.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.add_an_indicator', defaultMessage: 'Add an indicator' }))

export async function loader(args: LoaderFunctionArgs) {
  const { objectiveId } = parseParams(args.params, objectiveParams)
  const { stored } = await loadForEdit(args)
  const objective = stored.objectives.find((o) => o.id === objectiveId)
  if (!objective) notFound({ id: 'errors.no_such_objective', defaultMessage: 'There is no such objective in this campaign.' })
  return {
    constraint: constraintOf(indicatorSchema), campaign: { id: stored.row.id, title: stored.campaign.title }, statement: objective.statement, standards: standardIndicatorOptions() }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, objectiveId } = parseParams(params, objectiveParams)
  const submission = parseWithZod(await readForm(request), { schema: indicatorSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = await changeResults(actor, campaignId, (change) => addIndicator(change, objectiveId, submission.value))
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }), { status: 400 })
  return redirect(`/campaigns/${campaignId}/edit/objectives`)
}

export default function AddIndicator() {
  const { t } = useT()
  const { campaign, statement, standards, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('indicator', constraint, indicatorDefaults())
  return (
    <SectionPage title={t({ id: 'campaigns.edit.indicator.add_an_indicator', defaultMessage: 'Add an indicator' })} campaign={campaign} form={form} labels={INDICATOR_LABELS} intro={<p className="lede">{t({ id: 'campaigns.edit.indicator.for_the_objective', defaultMessage: 'For the objective “{statement}”.' }, { statement })}</p>}>
      <IndicatorFields fields={fields} standards={standards} />
    </SectionPage>
  )
}
