import { parseWithZod } from '@conform-to/zod/v4'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { RowAction } from '../components/forms'
import { SampleSizePlanner } from '../components/sample-size-planner'
import { WavesTable } from '../components/waves-table'
import { STARTER_QUESTIONS } from '../domain/survey-starters'
import { QUESTION_TYPES, WAVE_DESIGNS, WAVE_GROUPS, WAVE_KINDS } from '../domain/taxonomy'
import { idField } from '../schemas/fields'
import { plannerDefaults, readPlanner } from '../schemas/sample-size'
import { waveSchema } from '../schemas/survey'
import { getCampaign } from '../services/campaigns.server'
import { campaignParams, parseParams } from '../services/params.server'
import { importedMessage } from '../services/survey-import.server'
import { readForm } from '../services/request.server'
import { requireSession } from '../services/session.server'
import { addStarterQuestions, addWave, moveQuestion, removeQuestion, removeWave, surveyOf } from '../services/surveys.server'

export const meta: MetaFunction = () => [{ title: 'Survey – Lantern' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const survey = await surveyOf(actor, campaignId)
  const { campaign } = await getCampaign(actor, campaignId)
  const used = new Set(survey.questions.map((q) => q.code))
  const imported = survey.imports.find((i) => String(i.id) === new URL(request.url).searchParams.get('imported'))
  return {
    campaign: { id: campaignId, title: campaign.title },
    ...survey,
    planner: readPlanner(new URL(request.url).searchParams, plannerDefaults(campaign)).values,
    starters: STARTER_QUESTIONS.filter((s) => !used.has(s.code)),
    imported: imported ? importedMessage(imported.rows, imported.filename) : null,
  }
}

const schemas = {
  starters: z.object({ codes: z.array(z.string()).min(1, 'Choose at least one suggested question') }),
  move: z.object({ questionId: idField, direction: z.enum(['up', 'down']) }),
  'remove-question': z.object({ questionId: idField }),
  'add-wave': waveSchema,
  'remove-wave': z.object({ waveId: idField }),
}
const DONE: Record<keyof typeof schemas, string> = {
  starters: 'The questions were added.',
  move: 'The order was saved.',
  'remove-question': 'The question was removed.',
  'add-wave': 'The wave was added.',
  'remove-wave': 'The wave was removed.',
}

type Result = { ok: boolean; message: string }
const refuse = (message: string) => data<Result>({ ok: false, message }, { status: 400 })

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const form = await readForm(request)
  const intent = String(form.get('intent') ?? '')
  if (!(intent in schemas)) return refuse('Something in the form was not right.')
  const run = async (): Promise<{ ok: true } | { ok: false; formErrors?: string[]; fieldErrors?: Record<string, string[]> } | string> => {
    const parse = <S extends z.ZodType>(schema: S) => {
      const submission = parseWithZod(form, { schema })
      if (submission.status === 'success') return submission.value as z.output<S>
      return Object.values(submission.error ?? {}).flat().join(' ') || 'Something in the form was not right.'
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
      return typeof p === 'string' ? p : removeQuestion(actor, campaignId, p.questionId)
    }
    if (intent === 'add-wave') {
      const p = parse(schemas['add-wave'])
      return typeof p === 'string' ? p : addWave(actor, campaignId, p)
    }
    const p = parse(schemas['remove-wave'])
    return typeof p === 'string' ? p : removeWave(actor, campaignId, p.waveId)
  }
  const outcome = await run()
  if (typeof outcome === 'string') return refuse(outcome)
  if (!outcome.ok) return refuse([...(outcome.formErrors ?? []), ...Object.values(outcome.fieldErrors ?? {}).flat()].join(' '))
  return { ok: true, message: DONE[intent as keyof typeof schemas] }
}

function describeQuestion(q: { type: string; desired: string | null; options: readonly { code: string; label: string }[]; min: number | null; max: number | null }) {
  const type = QUESTION_TYPES.label(q.type)
  if (q.type === 'binary') return `${type}; desired answer: ${q.desired === '1' ? 'yes' : 'no'}`
  if (q.type === 'single_choice') return `${type}: ${q.options.map((o) => (o.code === q.desired ? `${o.code} (correct)` : o.code)).join(', ')}`
  if (q.type === 'score') return `${type} from ${q.min} to ${q.max}`
  return type
}

export default function Survey() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const base = `/campaigns/${d.campaign.id}/surveys`
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={`/campaigns/${d.campaign.id}`}>{d.campaign.title}</Link>
      </p>
      <h1>Survey</h1>
      <p className="lede">
        The questions you ask before the campaign (baseline) and after it (endline), and the answers. Only your organisation sees the answers and respondent codes.
      </p>
      {result ? (
        <div className={result.ok ? 'notice notice--success' : 'error-summary'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : d.imported ? (
        <div className="notice notice--success" role="status">
          <p>{d.imported}</p>
        </div>
      ) : null}

      <h2>Questions</h2>
      {d.questions.length === 0 ? <p>No questions yet. Add your own or start from the suggested ones below.</p> : null}
      {d.questions.length ? (
        <ol className="task-list">
          {d.questions.map((q, n) => (
            <li key={q.id}>
              <span>
                <strong>{q.code}</strong> — {q.text}
                <span className="task-list__summary">
                  {describeQuestion(q)} · {q.answers} answer{q.answers === 1 ? '' : 's'}
                </span>
              </span>
              {d.canEdit ? (
                <span className="inline-form">
                  <Link to={`${base}/questions/${q.id}`}>
                    Change<span className="visually-hidden"> {q.code}</span>
                  </Link>
                  {n > 0 ? <QuestionButton intent="move" questionId={q.id} direction="up" label="Move up" code={q.code} /> : null}
                  {n < d.questions.length - 1 ? <QuestionButton intent="move" questionId={q.id} direction="down" label="Move down" code={q.code} /> : null}
                  {q.answers === 0 ? <QuestionButton intent="remove-question" questionId={q.id} label="Remove" code={q.code} /> : null}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {d.canEdit ? (
        <div className="actions">
          <Link className="button button--secondary" to={`${base}/questions/new`}>
            Add a question
          </Link>
        </div>
      ) : null}
      {d.canEdit && d.starters.length ? (
        <details className="details">
          <summary>Suggested questions on recruitment fraud, safe migration, the signs of trafficking and the hotline</summary>
          <Form method="post">
            <input type="hidden" name="intent" value="starters" />
            <fieldset className="field">
              <legend className="field__label">Choose the questions to add</legend>
              <div className="choices">
                {d.starters.map((s) => (
                  <div className="choice" key={s.code}>
                    <input type="checkbox" id={`starter-${s.code}`} name="codes" value={s.code} className="choice__input" />
                    <label htmlFor={`starter-${s.code}`} className="choice__label">
                      {s.text}
                      <span className="choice__hint">
                        {s.topic} · {QUESTION_TYPES.label(s.type)} · {s.code}
                      </span>
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
            <button type="submit" className="button button--secondary">
              Add the chosen questions
            </button>
          </Form>
        </details>
      ) : null}

      <h2>Waves</h2>
      {d.waves.length === 0 ? <p>No waves yet. A baseline and an endline of the campaign group are the least an evaluation needs.</p> : null}
      {d.waves.length ? (
        <WavesTable
          waves={d.waves}
          responses={(w) => (
            <Link to={`${base}/waves/${w.id}`}>
              {w.responses}
              <span className="visually-hidden"> responses in the {WAVE_KINDS.label(w.kind)} of the {WAVE_GROUPS.label(w.group)}: see or type in</span>
            </Link>
          )}
          actions={(w) => (
            <span className="inline-form">
              {w.responses ? (
                <a href={`/campaigns/${d.campaign.id}/surveys.csv?wave=${w.id}`} download>
                  Download<span className="visually-hidden"> the {WAVE_KINDS.label(w.kind)} of the {WAVE_GROUPS.label(w.group)}</span>
                </a>
              ) : null}
              {d.canEdit && w.responses === 0 ? (
                <RowAction intent="remove-wave" fields={{ waveId: w.id }} about={`the ${WAVE_KINDS.label(w.kind)} of the ${WAVE_GROUPS.label(w.group)}`}>
                  Remove
                </RowAction>
              ) : null}
            </span>
          )}
        />
      ) : null}
      {d.canEdit ? (
        <details className="details">
          <summary>Add a wave</summary>
          <Form method="post" className="filters">
            <input type="hidden" name="intent" value="add-wave" />
            <WaveSelect name="kind" label="Wave" terms={WAVE_KINDS.terms} />
            <WaveSelect name="group" label="Group" terms={WAVE_GROUPS.terms} />
            <WaveSelect name="design" label="Design" terms={WAVE_DESIGNS.terms} />
            <div className="field">
              <label className="field__label" htmlFor="wave-startDate">From</label>
              <input id="wave-startDate" name="startDate" type="date" className="input" />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="wave-endDate">To</label>
              <input id="wave-endDate" name="endDate" type="date" className="input" />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="wave-targetSize">Target sample size</label>
              <input id="wave-targetSize" name="targetSize" type="number" min={1} inputMode="numeric" className="input input--narrow" />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="wave-samplingNotes">Sampling notes</label>
              <textarea id="wave-samplingNotes" name="samplingNotes" rows={2} className="input textarea" />
            </div>
            <div className="field">
              <button type="submit" className="button button--secondary">Add the wave</button>
            </div>
          </Form>
        </details>
      ) : null}

      <SampleSizePlanner initial={d.planner} waves={d.waves} action={base} />

      <h2>Answers</h2>
      <div className="actions">
        {d.canEdit && d.questions.length && d.waves.length ? (
          <Link className="button button--primary" to={`${base}/import`}>
            Import answers from a spreadsheet
          </Link>
        ) : null}
        {d.waves.some((w) => w.responses > 0) ? (
          <a href={`/campaigns/${d.campaign.id}/surveys.csv`} download>
            Download all answers (CSV, the import layout)
          </a>
        ) : null}
      </div>
      {d.canEdit && !(d.questions.length && d.waves.length) ? <p>Add questions and at least one wave before importing answers.</p> : null}
      {d.imports.length ? (
        <ul>
          {d.imports.map((i, n) => (
            <li key={n}>
              {i.at.slice(0, 16).replace('T', ' ')}: {i.filename}, {i.rows} rows
            </li>
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

function WaveSelect({ name, label, terms }: { name: string; label: string; terms: readonly { code: string; label: string }[] }) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={`wave-${name}`}>
        {label}
      </label>
      <select id={`wave-${name}`} name={name} className="select">
        {terms.map((t) => (
          <option key={t.code} value={t.code}>
            {t.label}
          </option>
        ))}
      </select>
    </div>
  )
}
