import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { QUESTION_LABELS, QuestionFields, questionDefaults, questionInput, questionSchema, wordsLabels } from '../features/surveys'
import { getCampaign } from '../features/campaigns/index.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { changeResults } from '../features/results/index.server'
import { addQuestions, surveyOf } from '../features/surveys/index.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.add_a_survey_question', defaultMessage: 'Add a survey question' }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const survey = await surveyOf(actor, campaignId)
  const { campaign } = await getCampaign(actor, campaignId)
  return {
    constraint: constraintOf(questionSchema), campaign: { id: campaignId, title: campaign.title }, indicators: survey.indicators }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const submission = parseWithZod(await readForm(request), { schema: questionSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = await changeResults(actor, campaignId, (change) => addQuestions(change, [questionInput(submission.value)]))
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }), { status: 400 })
  return redirect(`/campaigns/${campaignId}/surveys`)
}

export default function AddQuestion() {
  const { t } = useT()
  const { campaign, indicators, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('question', constraint, questionDefaults())
  return (
    <SectionPage title={t({ id: 'campaigns.surveys.questions.new.add_a_survey_question', defaultMessage: 'Add a survey question' })} campaign={campaign} form={form} labels={{ ...QUESTION_LABELS, ...wordsLabels() }} back={`/campaigns/${campaign.id}/surveys`}>
      <QuestionFields fields={fields} indicators={indicators} />
    </SectionPage>
  )
}
