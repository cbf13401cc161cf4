import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ResponseForm, readResponseForm } from '../features/surveys'
import { WAVE_GROUPS, WAVE_KINDS } from '../shared/taxonomy/taxonomy'
import { idField } from '../shared/ui/fields'
import { getCampaign } from '../features/campaigns/index.server'
import { notFound } from '../shared/http.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { changeResults } from '../features/results/index.server'
import { addResponse, surveyOf } from '../features/surveys/index.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.type_in_a_response', defaultMessage: 'Type in a response' }))

function waveOf(url: string, form?: Record<string, string>) {
  const wave = idField.safeParse(form?.wave ?? new URL(url).searchParams.get('wave'))
  return wave.success ? wave.data : notFound({ id: 'errors.choose_wave_first', defaultMessage: 'Choose a wave on the survey page first.' })
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const survey = await surveyOf(actor, campaignId, { answerCounts: false })
  const wave = survey.waves.find((w) => w.id === waveOf(request.url)) ?? notFound({ id: 'errors.no_such_wave', defaultMessage: 'There is no such wave in this campaign.' })
  const stored = await getCampaign(actor, campaignId)
  return { campaign: { id: campaignId, title: stored.campaign.title }, wave, questions: survey.questions }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const form = Object.fromEntries([...(await readForm(request)).entries()].map(([k, v]) => [k, String(v)]))
  const waveId = waveOf(request.url, form)
  const survey = await surveyOf(actor, campaignId, { answerCounts: false })
  const read = readResponseForm(survey.questions, form, survey.waves.find((w) => w.id === waveId)?.sampling ?? null)
  if (!read.ok) return data({ values: form, errors: read.errors }, { status: 400 })
  const outcome = await changeResults(actor, campaignId, (change) => addResponse(change, waveId, read.value))
  if (!outcome.ok) return data({ values: form, errors: outcome.fieldErrors ?? {} }, { status: 400 })
  return redirect(`/campaigns/${campaignId}/surveys/waves/${waveId}`)
}

export default function NewResponse() {
  const { t } = useT()
  const { campaign, wave, questions } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const back = `/campaigns/${campaign.id}/surveys/waves/${wave.id}`
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={back}>
          {campaign.title}: {t(WAVE_KINDS.message(wave.kind)).toLowerCase()}, {t(WAVE_GROUPS.message(wave.group)).toLowerCase()}
        </Link>
      </p>
      <h1>{t({ id: 'campaigns.surveys.responses.new.type_in_a_response', defaultMessage: 'Type in a response' })}</h1>
      <ResponseForm hidden={{ wave: String(wave.id) }} sampling={wave.sampling} questions={questions} values={result?.values ?? {}} errors={result?.errors ?? {}} submitLabel={t({ id: 'campaigns.surveys.responses.save_response', defaultMessage: 'Save the response' })} cancelTo={back} />
    </div>
  )
}
