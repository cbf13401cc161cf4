import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Pagination } from '../shared/ui/filters'
import { ErrorSummary, SubmitButton, useActionForm, type Constraints } from '../shared/ui/forms'
import { constraintOf } from '../shared/forms.server'
import { WAVE_GROUPS, WAVE_KINDS } from '../shared/taxonomy/taxonomy'
import { getCampaign } from '../features/campaigns/index.server'
import { parseParams, waveParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { changeResults } from '../features/results/index.server'
import { SAMPLING_LABELS, SamplingFields, samplingSchema, samplingWords } from '../features/surveys'
import { responsesOf, setWaveSampling } from '../features/surveys/index.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.responses_of_a_wave', defaultMessage: 'Responses of a wave' }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, waveId } = parseParams(params, waveParams)
  const page = Math.max(1, Math.min(100_000, Number(new URL(request.url).searchParams.get('page')) || 1))
  const list = await responsesOf(actor, campaignId, waveId, page)
  const stored = await getCampaign(actor, campaignId)
  return { constraint: constraintOf(samplingSchema), campaign: { id: campaignId, title: stored.campaign.title }, canEdit: stored.row.status !== 'archived', page, ...list }
}

type Result = { saved: boolean; sampling: SubmissionResult<string[]> }

// POST: declares how the wave's respondents were drawn; the results follow the design.
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, waveId } = parseParams(params, waveParams)
  const submission = parseWithZod(await readForm(request), { schema: samplingSchema })
  if (submission.status !== 'success') return data<Result>({ saved: false, sampling: submission.reply() }, { status: 400 })
  const outcome = await changeResults(actor, campaignId, (change) => setWaveSampling(change, waveId, submission.value))
  if (!outcome.ok) return data<Result>({ saved: false, sampling: submission.reply({ formErrors: outcome.formErrors, fieldErrors: outcome.fieldErrors }) }, { status: 400 })
  return { saved: true, sampling: submission.reply() }
}

export default function WaveResponses() {
  const i18n = useT()
  const { t } = i18n
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const name = `${t(WAVE_KINDS.message(d.wave.kind))}, ${t(WAVE_GROUPS.message(d.wave.group)).toLowerCase()}`
  const base = `/campaigns/${d.campaign.id}/surveys`
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={base}>{t({ id: 'campaigns.surveys.waves.survey', defaultMessage: '{title}: survey' }, { title: d.campaign.title })}</Link>
      </p>
      <h1>{name}</h1>
      <p className="lede">
        {t({ id: 'campaigns.surveys.waves.response_type_in_answers_from_paper', defaultMessage: '{responses, plural, one {# response} other {# responses}}. Type in answers from paper questionnaires one at a time, or import a spreadsheet.' }, { responses: d.wave.responses })}</p>
      <p>
        {i18n.rich(
          { id: 'campaigns.surveys.waves.sampling_planned', defaultMessage: 'Sampling: <strong>{sampling}</strong>{planned, select, yes {, planned with a design effect of {effect}} other {}}.' },
          { sampling: samplingWords(d.wave), planned: d.wave.designEffect ? 'yes' : 'no', effect: i18n.number(d.wave.designEffect ?? 0), strong: (chunks) => <strong key="sampling">{chunks}</strong> },
        )}
      </p>
      {result?.saved ? (
        <div className="notice notice--success" role="status">
          <p>{t({ id: 'campaigns.surveys.waves.the_sampling_was_saved_the_results', defaultMessage: 'The sampling was saved; the results now follow it.' })}</p>
        </div>
      ) : null}
      {d.canEdit ? <SamplingForm constraint={d.constraint} wave={d.wave} lastResult={result?.sampling} /> : null}
      {d.canEdit ? (
        <div className="actions">
          <Link className="button button--primary" to={`${base}/responses/new?wave=${d.wave.id}`}>
            {t({ id: 'campaigns.surveys.waves.type_in_a_response', defaultMessage: 'Type in a response' })}</Link>
        </div>
      ) : null}
      {d.items.length ? (
        <ul className="task-list">
          {d.items.map((r) => (
            <li key={r.id}>
              <span>
                {r.respondentCode}
                <span className="task-list__summary">{t({ id: 'campaigns.surveys.waves.on', defaultMessage: '{value} on {slice}' }, { value: r.importId ? t({ id: 'campaigns.surveys.waves.imported', defaultMessage: 'imported' }) : t({ id: 'campaigns.surveys.waves.typed_in', defaultMessage: 'typed in' }), slice: i18n.date(r.createdAt) })}</span>
              </span>
              {d.canEdit ? (
                <Link to={`${base}/responses/${r.id}`}>
                  {t({ id: 'campaigns.surveys.waves.change', defaultMessage: 'Change' })}<span className="visually-hidden"> {t({ id: 'campaigns.surveys.waves.the_response_of', defaultMessage: 'the response of {respondentCode}' }, { respondentCode: r.respondentCode })}</span>
                </Link>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <Pagination page={d.page} pageCount={d.pageCount} />
    </div>
  )
}

function SamplingForm({ constraint, wave, lastResult }: { constraint: Constraints; wave: { sampling: string | null; clusterUnit: string | null; designEffect: number | null }; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useT()
  const defaults = { sampling: wave.sampling ?? '', clusterUnit: wave.clusterUnit ?? '', designEffect: wave.designEffect === null ? '' : String(wave.designEffect) }
  const [form, fields] = useActionForm('sampling', constraint, defaults, lastResult)
  return (
    <details className="details" open={lastResult?.status === 'error' || undefined}>
      <summary>{t({ id: 'campaigns.surveys.waves.say_how_the_respondents_were_drawn', defaultMessage: 'Say how the respondents were drawn' })}</summary>
      <ErrorSummary form={form} labels={SAMPLING_LABELS} />
      <Form method="post" {...getFormProps(form)}>
        <SamplingFields fields={fields} />
        <SubmitButton variant="secondary" pendingText={t({ id: 'campaigns.surveys.waves.saving', defaultMessage: 'Saving…' })}>
          {t({ id: 'campaigns.surveys.waves.save_the_sampling', defaultMessage: 'Save the sampling' })}</SubmitButton>
      </Form>
    </details>
  )
}
