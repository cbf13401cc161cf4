import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ResponseForm, answerFieldName, readResponseForm } from '../features/surveys'
import { getCampaign } from '../features/campaigns/index.server'
import { parseParams, responseParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { changeResults } from '../features/results/index.server'
import { deleteResponse, responseOf, surveyOf, updateResponse } from '../features/surveys/index.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.change_a_response', defaultMessage: 'Change a response' }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, responseId } = parseParams(params, responseParams)
  const response = await responseOf(actor, campaignId, responseId)
  const survey = await surveyOf(actor, campaignId, { answerCounts: false })
  const stored = await getCampaign(actor, campaignId)
  const values: Record<string, string> = {
    respondentCode: response.respondentCode,
    sex: response.sex ?? '',
    ageBand: response.ageBand ?? '',
    locality: response.locality ?? '',
    cluster: response.cluster ?? '',
    stratum: response.stratum ?? '',
    weight: response.weight === null ? '' : String(response.weight),
    ...Object.fromEntries(Object.entries(response.answers).map(([code, value]) => [answerFieldName(code), value])),
  }
  const sampling = survey.waves.find((w) => w.id === response.waveId)?.sampling ?? null
  return { campaign: { id: campaignId, title: stored.campaign.title }, waveId: response.waveId, sampling, questions: survey.questions, values }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, responseId } = parseParams(params, responseParams)
  const form = Object.fromEntries([...(await readForm(request)).entries()].map(([k, v]) => [k, String(v)]))
  if (form.intent === 'delete') {
    const waveId = await changeResults(actor, campaignId, (change) => deleteResponse(change, responseId))
    return redirect(`/campaigns/${campaignId}/surveys/waves/${waveId}`)
  }
  const survey = await surveyOf(actor, campaignId, { answerCounts: false })
  const before = await responseOf(actor, campaignId, responseId)
  const read = readResponseForm(survey.questions, form, survey.waves.find((w) => w.id === before.waveId)?.sampling ?? null)
  if (!read.ok) return data({ values: form, errors: read.errors }, { status: 400 })
  const outcome = await changeResults(actor, campaignId, (change) => updateResponse(change, responseId, read.value))
  if (!outcome.ok) return data({ values: form, errors: outcome.fieldErrors ?? {} }, { status: 400 })
  return redirect(`/campaigns/${campaignId}/surveys/waves/${outcome.value}`)
}

export default function ChangeResponse() {
  const { t } = useT()
  const { campaign, waveId, sampling, questions, values } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const back = `/campaigns/${campaign.id}/surveys/waves/${waveId}`
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={back}>{t({ id: 'campaigns.surveys.responses.wave', defaultMessage: '{title}: wave' }, { title: campaign.title })}</Link>
      </p>
      <h1>{t({ id: 'campaigns.surveys.responses.change_a_response', defaultMessage: 'Change a response' })}</h1>
      <ResponseForm sampling={sampling} questions={questions} values={result?.values ?? values} errors={result?.errors ?? {}} submitLabel={t({ id: 'campaigns.surveys.responses.save_changes', defaultMessage: 'Save the changes' })} cancelTo={back} />
      <h2>{t({ id: 'campaigns.surveys.responses.delete_this_response', defaultMessage: 'Delete this response' })}</h2>
      <p>{t({ id: 'campaigns.surveys.responses.its_answers_are_removed_from_the', defaultMessage: 'Its answers are removed from the results; the audit log keeps a record.' })}</p>
      <Form method="post">
        <button type="submit" name="intent" value="delete" className="button button--warning">
          {t({ id: 'campaigns.surveys.responses.delete_the_response_of', defaultMessage: 'Delete the response of {respondentCode}' }, { respondentCode: values.respondentCode })}</button>
      </Form>
    </div>
  )
}
