import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ResponseForm } from '../components/response-form'
import { readResponseForm } from '../domain/survey-response'
import { WAVE_GROUPS, WAVE_KINDS } from '../domain/taxonomy'
import { idField } from '../schemas/fields'
import { getCampaign } from '../services/campaigns.server'
import { notFound } from '../services/http.server'
import { campaignParams, parseParams } from '../services/params.server'
import { readForm } from '../services/request.server'
import { requireSession } from '../services/session.server'
import { addResponse, surveyOf } from '../services/surveys.server'

export const meta: MetaFunction = () => [{ title: 'Type in a response – Lantern' }]

function waveOf(url: string, form?: Record<string, string>) {
  const wave = idField.safeParse(form?.wave ?? new URL(url).searchParams.get('wave'))
  return wave.success ? wave.data : notFound('Choose a wave on the survey page first.')
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const survey = await surveyOf(actor, campaignId)
  const wave = survey.waves.find((w) => w.id === waveOf(request.url)) ?? notFound('There is no such wave in this campaign.')
  const stored = await getCampaign(actor, campaignId)
  return { campaign: { id: campaignId, title: stored.campaign.title }, wave, questions: survey.questions }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const form = Object.fromEntries([...(await readForm(request)).entries()].map(([k, v]) => [k, String(v)]))
  const waveId = waveOf(request.url, form)
  const survey = await surveyOf(actor, campaignId)
  const read = readResponseForm(survey.questions, form)
  if (!read.ok) return data({ values: form, errors: read.errors }, { status: 400 })
  const outcome = await addResponse(actor, campaignId, waveId, read.value)
  if (!outcome.ok) return data({ values: form, errors: Object.fromEntries(Object.entries(outcome.fieldErrors ?? {}).map(([k, v]) => [k, v.join(' ')])) }, { status: 400 })
  return redirect(`/campaigns/${campaignId}/surveys/waves/${waveId}`)
}

export default function NewResponse() {
  const { campaign, wave, questions } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const back = `/campaigns/${campaign.id}/surveys/waves/${wave.id}`
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={back}>
          {campaign.title}: {WAVE_KINDS.label(wave.kind).toLowerCase()}, {WAVE_GROUPS.label(wave.group).toLowerCase()}
        </Link>
      </p>
      <h1>Type in a response</h1>
      <ResponseForm hidden={{ wave: String(wave.id) }} questions={questions} values={result?.values ?? {}} errors={result?.errors ?? {}} submitLabel="Save the response" cancelTo={back} />
    </div>
  )
}
