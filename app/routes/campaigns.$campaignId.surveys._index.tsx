import { getFormProps, type SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { ErrorSummary, InputField, RowAction, SelectField, SubmitButton, TextAreaField, useActionForm, type Constraints } from '../shared/ui/forms'
import { constraintOf } from '../shared/forms.server'
import { termChoices } from '../shared/ui/options'
import { SampleSizePlanner, plannerDefaults, readPlanner } from '../features/results'
import { SAMPLING_LABELS, SamplingFields, WavesTable, questionIn, starterQuestions, waveSchema } from '../features/surveys'
import { QUESTION_TYPES, WAVE_DESIGNS, WAVE_GROUPS, WAVE_KINDS } from '../shared/taxonomy/taxonomy'
import { idField } from '../shared/ui/fields'
import { getCampaign } from '../features/campaigns/index.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { importedMessage, addStarterQuestions, addWave, moveQuestion, removeQuestion, removeWave, surveyOf } from '../features/surveys/index.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { changeResults, plannerAnswer } from '../features/results/index.server'
import { COMMON, defineMessage, defineMessages, lazy, pageTitle, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.survey', defaultMessage: 'Survey' }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const survey = await surveyOf(actor, campaignId)
  const { campaign } = await getCampaign(actor, campaignId)
  const used = new Set(survey.questions.map((q) => q.code))
  const imported = survey.imports.find((i) => String(i.id) === new URL(request.url).searchParams.get('imported'))
  return {
    constraint: constraintOf(waveSchema),
    campaign: { id: campaignId, title: campaign.title },
    ...survey,
    planner: plannerAnswer(readPlanner(new URL(request.url).searchParams, plannerDefaults(campaign, survey.waves)).values, survey.waves),
    starters: starterQuestions().filter((s) => !used.has(s.code)),
    imported: imported ? importedMessage(imported.rows, imported.filename, imported.repeated) : null,
  }
}

const schemas = {
  starters: z.object({ codes: z.array(z.string()).min(1, { error: lazy({ id: 'campaigns.surveys.starters.choose_one', defaultMessage: 'Choose at least one suggested question' }) }) }),
  move: z.object({ questionId: idField, direction: z.enum(['up', 'down']) }),
  'remove-question': z.object({ questionId: idField }),
  'add-wave': waveSchema,
  'remove-wave': z.object({ waveId: idField }),
}
const DONE = defineMessages({
  starters: { id: 'campaigns.surveys.done.starters', defaultMessage: 'The questions were added.' },
  move: { id: 'campaigns.surveys.done.move', defaultMessage: 'The order was saved.' },
  'remove-question': { id: 'campaigns.surveys.done.remove_question', defaultMessage: 'The question was removed.' },
  'add-wave': { id: 'campaigns.surveys.done.add_wave', defaultMessage: 'The wave was added.' },
  'remove-wave': { id: 'campaigns.surveys.done.remove_wave', defaultMessage: 'The wave was removed.' },
})

type Result = { ok: boolean; message: string; wave?: SubmissionResult<string[]> }
const refuse = (message: string) => data<Result>({ ok: false, message }, { status: 400 })

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '')
  if (!(intent in schemas)) return refuse(tr(COMMON.formWrong))
  if (intent === 'add-wave') {
    // A form of its own fields: each error goes back next to its field.
    const submission = parseWithZod(form, { schema: waveSchema })
    if (submission.status !== 'success') return data<Result>({ ok: false, message: '', wave: submission.reply() }, { status: 400 })
    const added = await addWave(actor, campaignId, submission.value)
    if (!added.ok) return data<Result>({ ok: false, message: '', wave: submission.reply({ formErrors: added.formErrors, fieldErrors: added.fieldErrors }) }, { status: 400 })
    return { ok: true, message: tr(DONE['add-wave']) }
  }
  const run = async (): Promise<{ ok: true } | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> } | string> => {
    const parse = <S extends z.ZodType>(schema: S) => {
      const submission = parseWithZod(form, { schema })
      if (submission.status === 'success') return submission.value as z.output<S>
      return Object.values(submission.error ?? {}).flat().join(' ') || tr(COMMON.formWrong)
    }
    if (intent === 'starters') {
      const p = parse(schemas.starters)
      return typeof p === 'string' ? p : addStarterQuestions(actor, campaignId, p.codes)
    }
    if (intent === 'move') {
      const p = parse(schemas.move)
      if (typeof p === 'string') return p
      await moveQuestion(actor, campaignId, p.questionId, p.direction)
      return { ok: true }
    }
    if (intent === 'remove-question') {
      const p = parse(schemas['remove-question'])
      return typeof p === 'string' ? p : changeResults(actor, campaignId, (change) => removeQuestion(change, p.questionId))
    }
    const p = parse(schemas['remove-wave'])
    return typeof p === 'string' ? p : removeWave(actor, campaignId, p.waveId)
  }
  const outcome = await run()
  if (typeof outcome === 'string') return refuse(outcome)
  if (!outcome.ok) return refuse([...(outcome.formErrors ?? []), ...Object.values(outcome.fieldErrors ?? {}).flat()].join(' '))
  return { ok: true, message: tr(DONE[intent as keyof typeof schemas]) }
}

const described = defineMessages({
  binary: { id: 'surveys.question.binary_desired', defaultMessage: '{type}; desired answer: {desired, select, yes {yes} other {no}}' },
  options: { id: 'surveys.question.options', defaultMessage: '{type}: {options}' },
  correct: { id: 'surveys.question.correct', defaultMessage: '{code} (correct)' },
  score: { id: 'surveys.question.score_range', defaultMessage: '{type} from {min, number} to {max, number}' },
})

function describeQuestion(q: { type: string; desired: string | null; options: readonly { code: string; label: string }[]; min: number | null; max: number | null }) {
  const type = tr(QUESTION_TYPES.message(q.type))
  if (q.type === 'binary') return tr(described.binary, { type, desired: q.desired === '1' ? 'yes' : 'no' })
  if (q.type === 'single_choice') return tr(described.options, { type, options: q.options.map((o) => (o.code === q.desired ? tr(described.correct, { code: o.code }) : o.code)).join(', ') })
  if (q.type === 'multiple_choice') return tr(described.options, { type, options: q.options.map((o) => o.code).join(', ') })
  if (q.type === 'score') return tr(described.score, { type, min: q.min ?? 0, max: q.max ?? 0 })
  return type
}

export default function Survey() {
  const i18n = useT()
  const { t } = i18n
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const base = `/campaigns/${d.campaign.id}/surveys`
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={`/campaigns/${d.campaign.id}`}>{d.campaign.title}</Link>
      </p>
      <h1>{t({ id: 'campaigns.surveys.survey', defaultMessage: 'Survey' })}</h1>
      <p className="lede">
        {t({ id: 'campaigns.surveys.the_questions_you_ask_before_the', defaultMessage: 'The questions you ask before the campaign (baseline) and after it (endline), and the answers. Only your organisation sees the answers and respondent codes.' })}</p>
      {result?.message ? (
        <div className={result.ok ? 'notice notice--success' : 'error-summary'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : d.imported ? (
        <div className="notice notice--success" role="status">
          <p>{d.imported}</p>
        </div>
      ) : null}

      <h2>{t({ id: 'campaigns.surveys.questions', defaultMessage: 'Questions' })}</h2>
      {d.questions.length === 0 ? <p>{t({ id: 'campaigns.surveys.no_questions_yet_add_your_own', defaultMessage: 'No questions yet. Add your own or start from the suggested ones below.' })}</p> : null}
      {d.questions.length ? (
        <ol className="task-list">
          {d.questions.map((q, n) => (
            <li key={q.id}>
              <span>
                <code>{q.code}</code> — <QuestionText question={q} />
                <span className="task-list__summary">
                  {t({ id: 'campaigns.surveys.answer', defaultMessage: '{description} · {answers, plural, one {# answer} other {# answers}}' }, { description: describeQuestion(q), answers: q.answers })}</span>
              </span>
              {d.canEdit ? (
                <span className="inline-form">
                  <Link to={`${base}/questions/${q.id}`}>
                    {t({ id: 'campaigns.surveys.change', defaultMessage: 'Change' })}<span className="visually-hidden"> {q.code}</span>
                  </Link>
                  {n > 0 ? <QuestionButton intent="move" questionId={q.id} direction="up" label={t({ id: 'campaigns.surveys.move_up', defaultMessage: 'Move up' })} code={q.code} /> : null}
                  {n < d.questions.length - 1 ? <QuestionButton intent="move" questionId={q.id} direction="down" label={t({ id: 'campaigns.surveys.move_down', defaultMessage: 'Move down' })} code={q.code} /> : null}
                  {q.answers === 0 ? <QuestionButton intent="remove-question" questionId={q.id} label={t({ id: 'campaigns.surveys.remove', defaultMessage: 'Remove' })} code={q.code} /> : null}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {d.canEdit ? (
        <div className="actions">
          <Link className="button button--secondary" to={`${base}/questions/new`}>
            {t({ id: 'campaigns.surveys.add_a_question', defaultMessage: 'Add a question' })}</Link>
          <Link to={`${base}/questions/from-form`}>{t({ id: 'campaigns.surveys.questions_from_form', defaultMessage: 'Add questions from a KoboToolbox or ODK form' })}</Link>
          {d.questions.length ? (
            <Link to={`${base}/languages`}>{t({ id: 'campaigns.surveys.in_other_languages', defaultMessage: 'The questions in other languages' })}</Link>
          ) : null}
        </div>
      ) : null}
      {d.canEdit && d.starters.length ? (
        <details className="details">
          <summary>{t({ id: 'campaigns.surveys.suggested_questions_on_recruitment_fraud_safe', defaultMessage: 'Suggested questions on recruitment fraud, safe migration, the signs of trafficking and the hotline' })}</summary>
          <Form method="post">
            <input type="hidden" name="intent" value="starters" />
            <fieldset className="field">
              <legend className="field__label">{t({ id: 'campaigns.surveys.choose_the_questions_to_add', defaultMessage: 'Choose the questions to add' })}</legend>
              <div className="choices">
                {d.starters.map((s) => (
                  <div className="choice" key={s.code}>
                    <input type="checkbox" id={`starter-${s.code}`} name="codes" value={s.code} className="choice__input" />
                    <label htmlFor={`starter-${s.code}`} className="choice__label">
                      {s.text}
                      <span className="choice__hint">
                        {s.topic} · {t(QUESTION_TYPES.message(s.type))} · <code>{s.code}</code>
                      </span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <button type="submit" className="button button--secondary">
              {t({ id: 'campaigns.surveys.add_the_chosen_questions', defaultMessage: 'Add the chosen questions' })}</button>
          </Form>
        </details>
      ) : null}

      <h2>{t({ id: 'campaigns.surveys.waves', defaultMessage: 'Waves' })}</h2>
      {d.waves.length === 0 ? <p>{t({ id: 'campaigns.surveys.no_waves_yet_a_baseline_and', defaultMessage: 'No waves yet. A baseline and an endline of the campaign group are the least an evaluation needs.' })}</p> : null}
      {d.waves.length ? (
        <WavesTable
          waves={d.waves}
          responses={(w) => (
            <Link to={`${base}/waves/${w.id}`}>
              {w.responses.toLocaleString('en')}
              <span className="visually-hidden"> {t({ id: 'campaigns.surveys.responses_in_the_of_the_see', defaultMessage: 'responses in the {label} of the {label2}: see or type in' }, { label: t(WAVE_KINDS.message(w.kind)), label2: t(WAVE_GROUPS.message(w.group)) })}</span>
            </Link>
          )}
          actions={(w) => (
            <span className="inline-form">
              {w.responses ? (
                <a href={`/campaigns/${d.campaign.id}/surveys.csv?wave=${w.id}`} download>
                  {t({ id: 'campaigns.surveys.download', defaultMessage: 'Download' })}<span className="visually-hidden"> {t({ id: 'campaigns.surveys.the_of_the', defaultMessage: 'the {label} of the {label2}' }, { label: t(WAVE_KINDS.message(w.kind)), label2: t(WAVE_GROUPS.message(w.group)) })}</span>
                </a>
              ) : null}
              {d.canEdit && w.responses === 0 ? (
                <RowAction intent="remove-wave" fields={{ waveId: w.id }} about={t({ id: 'campaigns.surveys.the_of_the', defaultMessage: 'the {label} of the {label2}' }, { label: t(WAVE_KINDS.message(w.kind)), label2: t(WAVE_GROUPS.message(w.group)) })}>
                  {t({ id: 'campaigns.surveys.remove', defaultMessage: 'Remove' })}</RowAction>
              ) : null}
            </span>
          )}
        />
      ) : null}
      {d.canEdit ? (
        <details className="details">
          <summary>{t({ id: 'campaigns.surveys.add_a_wave', defaultMessage: 'Add a wave' })}</summary>
          <WaveForm constraint={d.constraint} lastResult={result && 'wave' in result ? result.wave : undefined} />
        </details>
      ) : null}

      <SampleSizePlanner planner={d.planner} waves={d.waves} action={base} />

      <h2>{t({ id: 'campaigns.surveys.answers', defaultMessage: 'Answers' })}</h2>
      <div className="actions">
        {d.canEdit && d.questions.length && d.waves.length ? (
          <Link className="button button--primary" to={`${base}/import`}>
            {t({ id: 'campaigns.surveys.import_answers_from_a_spreadsheet', defaultMessage: 'Import answers from a spreadsheet' })}</Link>
        ) : null}
        {d.waves.some((w) => w.responses > 0) ? (
          <a href={`/campaigns/${d.campaign.id}/surveys.csv`} download>
            {t({ id: 'campaigns.surveys.download_all_answers_csv_the_import', defaultMessage: 'Download all answers (CSV, the import layout)' })}</a>
        ) : null}
      </div>
      {d.canEdit && !(d.questions.length && d.waves.length) ? <p>{t({ id: 'campaigns.surveys.add_questions_and_at_least_one', defaultMessage: 'Add questions and at least one wave before importing answers.' })}</p> : null}
      {d.imports.length ? (
        <ul>
          {d.imports.map((i, n) => (
            <li key={n}>
              {t({ id: 'campaigns.surveys.rows', defaultMessage: '{at}: {filename}, {rows, plural, one {# row} other {# rows}}' }, { at: i18n.dateTime(new Date(i.at)), filename: i.filename, rows: i.rows })}</li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** One action on a question, as a small form: works without JavaScript. */
function QuestionButton({ intent, questionId, direction, label, code }: { intent: string; questionId: number; direction?: 'up' | 'down'; label: string; code: string }) {
  return (
    <Form method="post">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="questionId" value={questionId} />
      <button type="submit" name={direction ? 'direction' : undefined} value={direction} className="button button--link">
        {label}
        <span className="visually-hidden"> {code}</span>
      </button>
    </Form>
  )
}

const WAVE_LABELS = {
  get kind() {
    return tr({ id: 'surveys.wave_fields.kind', defaultMessage: 'Wave' })
  },
  get group() {
    return tr({ id: 'surveys.wave_fields.group', defaultMessage: 'Group' })
  },
  get design() {
    return tr({ id: 'surveys.wave_fields.design', defaultMessage: 'Design' })
  },
  get startDate() {
    return tr({ id: 'surveys.wave_fields.start_date', defaultMessage: 'From' })
  },
  get endDate() {
    return tr({ id: 'surveys.wave_fields.end_date', defaultMessage: 'To' })
  },
  get targetSize() {
    return tr({ id: 'surveys.wave_fields.target_size', defaultMessage: 'Target sample size' })
  },
  get sampling() {
    return SAMPLING_LABELS.sampling
  },
  get clusterUnit() {
    return SAMPLING_LABELS.clusterUnit
  },
  get designEffect() {
    return SAMPLING_LABELS.designEffect
  },
  get samplingNotes() {
    return tr({ id: 'surveys.wave_fields.sampling_notes', defaultMessage: 'Sampling notes' })
  },
}

const WAVE_DEFAULTS = { kind: 'baseline', group: 'campaign', design: 'panel', startDate: '', endDate: '', targetSize: '', sampling: '', clusterUnit: '', designEffect: '', samplingNotes: '' }

function WaveForm({ constraint, lastResult }: { constraint: Constraints; lastResult?: SubmissionResult<string[]> }) {
  const { t } = useT()
  const [form, fields] = useActionForm('wave', constraint, WAVE_DEFAULTS, lastResult)
  return (
    <>
      <ErrorSummary form={form} labels={WAVE_LABELS} />
      <Form method="post" className="filters" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="add-wave" />
        <SelectField meta={fields.kind} label={WAVE_LABELS.kind} options={termChoices(t, WAVE_KINDS)} />
        <SelectField meta={fields.group} label={WAVE_LABELS.group} options={termChoices(t, WAVE_GROUPS)} />
        <SelectField meta={fields.design} label={WAVE_LABELS.design} options={termChoices(t, WAVE_DESIGNS)} />
        <InputField meta={fields.startDate} label={WAVE_LABELS.startDate} type="date" width="full" />
        <InputField meta={fields.endDate} label={WAVE_LABELS.endDate} type="date" width="full" />
        <InputField meta={fields.targetSize} label={WAVE_LABELS.targetSize} type="number" inputMode="numeric" />
        <SamplingFields fields={fields} />
        <TextAreaField meta={fields.samplingNotes} label={WAVE_LABELS.samplingNotes} rows={2} />
        <div className="field">
          <SubmitButton variant="secondary" pendingText={t({ id: 'campaigns.surveys.adding', defaultMessage: 'Adding…' })}>{t({ id: 'campaigns.surveys.add_the_wave', defaultMessage: 'Add the wave' })}</SubmitButton>
        </div>
      </Form>
    </>
  )
}

/** A question in the reader's language where it has been given in it, marked with that language. */
function QuestionText({ question }: { question: Parameters<typeof questionIn>[0] }) {
  const { locale } = useT()
  const shown = questionIn(question, locale)
  return <span lang={shown.lang ?? undefined}>{shown.text}</span>
}
