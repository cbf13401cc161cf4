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
import { COMMON, currentTranslator, defineMessage, defineMessages, pageTitle, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.objectives_and_indicators', defaultMessage: 'Objectives and indicators' }))

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
  if (submission.status !== 'success') return data({ error: submission.error?.statement?.[0] ?? tr(COMMON.formWrong) }, { status: 400 })
  const input = submission.value
  if (input.intent === 'add-objective') await addObjective(actor, campaignId, input.statement)
  else if (input.intent === 'remove-objective') await changeResults(actor, campaignId, (change) => removeObjective(change, input.objectiveId))
  else await changeResults(actor, campaignId, (change) => removeIndicator(change, input.indicatorId))
  return { error: null }
}

const m = defineMessages({
  baseline: { id: 'campaigns.objectives.baseline', defaultMessage: 'baseline {value}' },
  baselineLater: { id: 'campaigns.objectives.baseline_later', defaultMessage: 'baseline to be measured' },
  noBaseline: { id: 'campaigns.objectives.no_baseline', defaultMessage: 'no baseline' },
  target: { id: 'campaigns.objectives.target', defaultMessage: 'target {value}' },
  noTarget: { id: 'campaigns.objectives.no_target', defaultMessage: 'no target' },
})

function describe(i: { level: string; unit: string; direction: string; baseline: number | null; baselineAtSurvey: boolean; target: number | null }) {
  const t = tr
  const number = currentTranslator().number
  const baseline = i.baseline !== null ? t(m.baseline, { value: number(i.baseline) }) : t(i.baselineAtSurvey ? m.baselineLater : m.noBaseline)
  const target = i.target !== null ? t(m.target, { value: number(i.target) }) : t(m.noTarget)
  return `${t(INDICATOR_LEVELS.message(i.level))} · ${t(INDICATOR_UNITS.message(i.unit))} · ${t(DIRECTIONS.message(i.direction)).toLocaleLowerCase()} · ${baseline} · ${target}`
}

export default function Objectives() {
  const { t } = useT()
  const { campaign, objectives } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={`/campaigns/${campaign.id}/edit`}>{campaign.title}</Link>
      </p>
      <h1>{t({ id: 'campaigns.edit.objectives.objectives_and_indicators', defaultMessage: 'Objectives and indicators' })}</h1>
      <p className="lede">
        {t({ id: 'campaigns.edit.objectives.each_objective_says_what_should_change', defaultMessage: 'Each objective says what should change; each indicator says how you will know, with a baseline and a target. Registering the campaign needs at least one outcome indicator.' })}</p>
      {objectives.length === 0 ? <p>{t({ id: 'campaigns.edit.objectives.no_objectives_yet', defaultMessage: 'No objectives yet.' })}</p> : null}
      {objectives.map((o, n) => (
        <section key={o.id} className="panel" aria-labelledby={`objective-${o.id}`}>
          <h2 id={`objective-${o.id}`} className="objective__title">
            {t({ id: 'campaigns.edit.objectives.objective', defaultMessage: 'Objective {value}: {statement}' }, { value: n + 1, statement: o.statement })}</h2>
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
                      {t({ id: 'campaigns.edit.objectives.change', defaultMessage: 'Change' })}<span className="visually-hidden"> {i.name}</span>
                    </Link>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove-indicator" />
                      <input type="hidden" name="indicatorId" value={i.id} />
                      <button type="submit" className="button button--link">
                        {t({ id: 'campaigns.edit.objectives.remove', defaultMessage: 'Remove' })}<span className="visually-hidden"> {i.name}</span>
                      </button>
                    </Form>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t({ id: 'campaigns.edit.objectives.no_indicators_yet', defaultMessage: 'No indicators yet.' })}</p>
          )}
          <div className="actions">
            <Link className="button button--secondary" to={`/campaigns/${campaign.id}/edit/objectives/${o.id}/indicator`}>
              {t({ id: 'campaigns.edit.objectives.add_an_indicator', defaultMessage: 'Add an indicator' })}<span className="visually-hidden"> {t({ id: 'campaigns.edit.objectives.to_objective', defaultMessage: 'to objective {value}' }, { value: n + 1 })}</span>
            </Link>
            <Form method="post">
              <input type="hidden" name="intent" value="remove-objective" />
              <input type="hidden" name="objectiveId" value={o.id} />
              <button type="submit" className="button button--link">
                {t({ id: 'campaigns.edit.objectives.remove_objective', defaultMessage: 'Remove objective {value}' }, { value: n + 1 })}</button>
            </Form>
          </div>
        </section>
      ))}
      <h2>{t({ id: 'campaigns.edit.objectives.add_an_objective', defaultMessage: 'Add an objective' })}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="add-objective" />
        <div className={result?.error ? 'field field--error' : 'field'}>
          <label className="field__label" htmlFor="objective-statement">
            {t({ id: 'campaigns.edit.objectives.objective_2', defaultMessage: 'Objective' })}</label>
          <div className="field__hint" id="objective-statement-hint">
            {t({ id: 'campaigns.edit.objectives.specific_and_measurable_for_example_by', defaultMessage: 'Specific and measurable, for example “By June 2026, more prospective migrant workers in Lviv oblast know how to check a recruiter”.' })}</div>
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
        <SubmitButton pendingText={t({ id: 'campaigns.edit.objectives.adding', defaultMessage: 'Adding…' })} variant="secondary">
          {t({ id: 'campaigns.edit.objectives.add_objective', defaultMessage: 'Add objective' })}</SubmitButton>
      </Form>
      <div className="actions">
        <Link className="button button--primary" to={`/campaigns/${campaign.id}/edit`}>
          {t({ id: 'campaigns.edit.objectives.return_to_the_campaign', defaultMessage: 'Return to the campaign' })}</Link>
      </div>
    </div>
  )
}
