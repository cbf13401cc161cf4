import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ResponseForm } from '../components/response-form'
import { answerFieldName, readResponseForm } from '../domain/survey-response'
import { getCampaign } from '../services/campaigns.server'
import { parseParams, responseParams } from '../services/params.server'
import { readForm } from '../services/request.server'
import { requireSession } from '../services/session.server'
import { deleteResponse, responseOf, surveyOf, updateResponse } from '../services/surveys.server'

export const meta: MetaFunction = () => [{ title: 'Change a response – Lantern' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, responseId } = parseParams(params, responseParams)
  const response = await responseOf(actor, campaignId, responseId)
  const survey = await surveyOf(actor, campaignId)
  const stored = await getCampaign(actor, campaignId)
  const values: Record<string, string> = {
    respondentCode: response.respondentCode,
    sex: response.sex ?? '',
    ageBand: response.ageBand ?? '',
    locality: response.locality ?? '',
    ...Object.fromEntries(Object.entries(response.answers).map(([code, value]) => [answerFieldName(code), value])),
  }
  return { campaign: { id: campaignId, title: stored.campaign.title }, waveId: response.waveId, questions: survey.questions, values }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, responseId } = parseParams(params, responseParams)
  const form = Object.fromEntries([...(await readForm(request)).entries()].map(([k, v]) => [k, String(v)]))
  if (form.intent === 'delete') {
    const waveId = await deleteResponse(actor, campaignId, responseId)
    return redirect(`/campaigns/${campaignId}/surveys/waves/${waveId}`)
  }
  const survey = await surveyOf(actor, campaignId)
  const read = readResponseForm(survey.questions, form)
  if (!read.ok) return data({ values: form, errors: read.errors }, { status: 400 })
  const outcome = await updateResponse(actor, campaignId, responseId, read.value)
  if (!outcome.ok) return data({ values: form, errors: Object.fromEntries(Object.entries(outcome.fieldErrors ?? {}).map(([k, v]) => [k, v.join(' ')])) }, { status: 400 })
  return redirect(`/campaigns/${campaignId}/surveys/waves/${outcome.value}`)
}

export default function ChangeResponse() {
  const { campaign, waveId, questions, values } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const back = `/campaigns/${campaign.id}/surveys/waves/${waveId}`
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={back}>{campaign.title}: wave</Link>
      </p>
      <h1>Change a response</h1>
      <ResponseForm questions={questions} values={result?.values ?? values} errors={result?.errors ?? {}} submitLabel="Save the changes" cancelTo={back} />
      <h2>Delete this response</h2>
      <p>Its answers are removed from the results; the audit log keeps a record.</p>
      <Form method="post">
        <button type="submit" name="intent" value="delete" className="button button--warning">
          Delete the response of {values.respondentCode}
        </button>
      </Form>
    </div>
  )
}
