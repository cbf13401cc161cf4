import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { FieldError, SubmitButton } from '../shared/ui/forms'
import { DIRECTIONS, INDICATOR_LEVELS, INDICATOR_UNITS } from '../shared/taxonomy/taxonomy'
import { objectiveSchema } from '../features/campaigns'
import { idField } from '../shared/ui/fields'
import { loadForEdit, addObjective, removeIndicator, removeObjective } from '../features/campaigns/index.server'
import { changeResults } from '../features/results/index.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'

export const meta: MetaFunction = () => [{ title: 'Objectives and indicators – Lantern' }]

export async function loader(args: LoaderFunctionArgs) {
  const { stored } = await loadForEdit(args)
  return { campaign: { id: stored.row.id, title: stored.campaign.title }, objectives: stored.objectives }
}

const actionSchema = z.discriminatedUnion('intent', [
  objectiveSchema.extend({ intent: z.literal('add-objective') }),
  z.object({ intent: z.literal('remove-objective'), objectiveId: idField }),
  z.object({ intent: z.literal('remove-indicator'), indicatorId: idField }),
])

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const submission = parseWithZod(await readForm(request), { schema: actionSchema })
  if (submission.status !== 'success') return data({ error: submission.error?.statement?.[0] ?? 'Something in the form was not right.' }, { status: 400 })
  const input = submission.value
  if (input.intent === 'add-objective') await addObjective(actor, campaignId, input.statement)
  else if (input.intent === 'remove-objective') await changeResults(actor, campaignId, (change) => removeObjective(change, input.objectiveId))
  else await changeResults(actor, campaignId, (change) => removeIndicator(change, input.indicatorId))
  return { error: null }
}

function describe(i: { level: string; unit: string; direction: string; baseline: number | null; baselineAtSurvey: boolean; target: number | null }) {
  const baseline = i.baseline !== null ? `baseline ${i.baseline}` : i.baselineAtSurvey ? 'baseline to be measured' : 'no baseline'
  const target = i.target !== null ? `target ${i.target}` : 'no target'
  return `${INDICATOR_LEVELS.label(i.level)} · ${INDICATOR_UNITS.label(i.unit)} · ${DIRECTIONS.label(i.direction).toLowerCase()} · ${baseline} · ${target}`
}

export default function Objectives() {
  const { campaign, objectives } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={`/campaigns/${campaign.id}/edit`}>{campaign.title}</Link>
      </p>
      <h1>Objectives and indicators</h1>
      <p className="lede">
        Each objective says what should change; each indicator says how you will know, with a baseline and a target.
        Registering the campaign needs at least one outcome indicator.
      </p>
      {objectives.length === 0 ? <p>No objectives yet.</p> : null}
      {objectives.map((o, n) => (
        <section key={o.id} className="panel" aria-labelledby={`objective-${o.id}`}>
          <h2 id={`objective-${o.id}`} className="objective__title">
            Objective {n + 1}: {o.statement}
          </h2>
          {o.indicators.length ? (
            <ul className="task-list">
              {o.indicators.map((i) => (
                <li key={i.id}>
                  <span>
                    {i.name}
                    <span className="task-list__summary">{describe(i)}</span>
                  </span>
                  <span className="inline-form">
                    <Link to={`/campaigns/${campaign.id}/edit/indicators/${i.id}`}>
                      Change<span className="visually-hidden"> {i.name}</span>
                    </Link>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-indicator" />
                      <input type="hidden" name="indicatorId" value={i.id} />
                      <button type="submit" className="button button--link">
                        Remove<span className="visually-hidden"> {i.name}</span>
                      </button>
                    </Form>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>No indicators yet.</p>
          )}
          <div className="actions">
            <Link className="button button--secondary" to={`/campaigns/${campaign.id}/edit/objectives/${o.id}/indicator`}>
              Add an indicator<span className="visually-hidden"> to objective {n + 1}</span>
            </Link>
            <Form method="post">
              <input type="hidden" name="intent" value="remove-objective" />
              <input type="hidden" name="objectiveId" value={o.id} />
              <button type="submit" className="button button--link">
                Remove objective {n + 1}
              </button>
            </Form>
          </div>
        </section>
      ))}
      <h2>Add an objective</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="add-objective" />
        <div className={result?.error ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="objective-statement">
            Objective
          </label>
          <div className="field__hint" id="objective-statement-hint">
            Specific and measurable, for example “By June 2026, more prospective migrant workers in Lviv oblast know how to check a recruiter”.
          </div>
          {result?.error ? <FieldError id="objective-statement-error" messages={result.error} /> : null}
          <textarea
            id="objective-statement"
            name="statement"
            rows={3}
            className="input textarea"
            aria-invalid={result?.error ? true : undefined}
            aria-describedby={result?.error ? 'objective-statement-hint objective-statement-error' : 'objective-statement-hint'}
          />
        </div>
        <SubmitButton pendingText="Adding…" variant="secondary">
          Add objective
        </SubmitButton>
      </Form>
      <div className="actions">
        <Link className="button button--primary" to={`/campaigns/${campaign.id}/edit`}>
          Return to the campaign
        </Link>
      </div>
    </div>
  )
}
