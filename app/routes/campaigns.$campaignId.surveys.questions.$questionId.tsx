import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { QUESTION_LABELS, QuestionFields, questionDefaults, questionInput, questionSchema, wordsLabels } from '../features/surveys'
import { getCampaign } from '../features/campaigns/index.server'
import { notFound } from '../shared/http.server'
import { parseParams, questionParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { changeResults } from '../features/results/index.server'
import { surveyOf, updateQuestion } from '../features/surveys/index.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.change_a_survey_question', defaultMessage: 'Change a survey question' }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, questionId } = parseParams(params, questionParams)
  const survey = await surveyOf(actor, campaignId)
  const question = survey.questions.find((q) => q.id === questionId) ?? notFound({ id: 'errors.no_such_question', defaultMessage: 'There is no such question in this campaign.' })
  const { campaign } = await getCampaign(actor, campaignId)
  return {
    constraint: constraintOf(questionSchema), campaign: { id: campaignId, title: campaign.title }, indicators: survey.indicators, defaults: questionDefaults(question), answers: question.answers }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, questionId } = parseParams(params, questionParams)
  const submission = parseWithZod(await readForm(request), { schema: questionSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = await changeResults(actor, campaignId, (change) => updateQuestion(change, questionId, questionInput(submission.value)))
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }), { status: 400 })
  return redirect(`/campaigns/${campaignId}/surveys`)
}

export default function ChangeQuestion() {
  const { t } = useT()
  const { campaign, indicators, defaults, answers, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('question', constraint, defaults)
  const intro = answers ? (
    <p className="lede">
      {t({ id: 'campaigns.surveys.questions.this_question_has_answer_its_wording', defaultMessage: 'This question has {answers, plural, one {# answer} other {# answers}}. Its wording, labels and indicator may change; its code, type, options and desired answer may not, since the stored answers depend on them.' }, { answers })}</p>
  ) : null
  return (
    <SectionPage title={t({ id: 'campaigns.surveys.questions.change_a_survey_question', defaultMessage: 'Change a survey question' })} campaign={campaign} form={form} labels={{ ...QUESTION_LABELS, ...wordsLabels() }} intro={intro} back={`/campaigns/${campaign.id}/surveys`}>
      <QuestionFields fields={fields} indicators={indicators} />
    </SectionPage>
  )
}
