import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Findings, allowedTransitions, campaignPageActionSchema } from '../features/campaigns'
import { Overlaps } from '../features/coordination'
import { countryName } from '../shared/taxonomy/countries'
import { subdivisionLabel } from '../shared/taxonomy/subdivisions'
import { formatIndicatorValue, beyondChance, plannedDesignEffect, progressWords, type Progress } from '../features/results'
import { languageName } from '../shared/taxonomy/languages'
import { AUDIENCES, CHANNELS, DIRECTIONS, EXPLOITATION_FORMS, INDICATOR_LEVELS, INDICATOR_UNITS, PILLARS, PURPOSES, STATUSES, VISIBILITIES } from '../shared/taxonomy/taxonomy'
import { duplicateCampaign, getCampaignPage } from '../features/campaigns/index.server'
import { noteCoordination, overlapsOf } from '../features/coordination/index.server'
import { campaignFindings, indicatorPlans, summarisedIndicators, transitionCampaign } from '../features/results/index.server'
import { readForm } from '../shared/request.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { getSession, requireSession } from '../features/accounts/index.server'
import { waveRows } from '../features/surveys/index.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.title ?? 'Campaign'} – Lantern` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const { stored, funders, history, canEdit, canDuplicate } = await getCampaignPage(session?.actor ?? null, campaignId)
  const indicators = await summarisedIndicators(campaignId)
  return {
    id: stored.row.id,
    status: stored.row.status,
    organisation: stored.organisation,
    campaign: stored.campaign,
    subdivisionLabels: stored.campaign.subdivisions.map(subdivisionLabel),
    objectives: stored.objectives,
    indicators,
    plans: indicatorPlans(stored.objectives.flatMap((o) => o.indicators), indicators, plannedDesignEffect(waveRows(campaignId))),
    funders,
    history: history.map((h) => ({ ...h, at: h.at.toISOString() })),
    findings: await campaignFindings(stored, indicators),
    canEdit,
    canDuplicate,
    transitions: canEdit ? allowedTransitions(stored.row.status) : [],
    // An archived campaign overlaps nothing any more (DESIGN.md §5).
    overlaps: stored.row.status === 'archived' ? null : await overlapsOf(session?.actor ?? null, campaignId),
  }
}

/** The campaign page's buttons, and the task list's (which uses this action too). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const submission = parseWithZod(await readForm(request), { schema: campaignPageActionSchema })
  if (submission.status !== 'success') return data({ ok: false as const, errors: ['Choose a status from the list.'] }, { status: 400 })
  const intent = submission.value
  if (intent.intent === 'coordinate') {
    await noteCoordination(actor, campaignId, intent.otherId, intent.note)
    return { ok: true as const, errors: [] }
  }
  if (intent.intent === 'duplicate') return redirect(`/campaigns/${await duplicateCampaign(actor, campaignId)}/edit`)
  const outcome = await transitionCampaign(actor, campaignId, intent.to)
  if (!outcome.ok) return data({ ok: false as const, errors: outcome.formErrors ?? [] }, { status: 400 })
  return redirect(`/campaigns/${campaignId}`)
}

const TRANSITION_LABELS: Record<string, string> = {
  planned: 'Register as planned',
  active: 'Mark as active',
  completed: 'Mark as completed',
  evaluated: 'Mark as evaluated',
  draft: 'Return to draft',
  archived: 'Archive',
}

export default function CampaignPage() {
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const c = d.campaign
  const list = (items: string[]) => (items.length ? items.join(', ') : 'None given')
  return (
    <>
      <p className="muted">
        <Link to={`/organisations/${d.organisation.id}`}>{d.organisation.name}</Link> · <span className="tag">{STATUSES.label(d.status)}</span>{' '}
        <span className="tag">{VISIBILITIES.label(c.visibility)}</span>
      </p>
      <h1>{c.title}</h1>
      {c.summary ? <p className="lede">{c.summary}</p> : null}
      {d.canEdit || d.canDuplicate ? (
        <div className="actions">
          {d.canEdit ? (
            <Link className="button button--secondary" to={`/campaigns/${d.id}/edit`}>
              Edit the campaign
            </Link>
          ) : null}
          {d.canDuplicate ? (
            <Link className="button button--secondary" to={`/campaigns/${d.id}/surveys`}>
              Survey: questions, waves and answers
            </Link>
          ) : null}
          {d.canDuplicate ? (
            <Form method="post">
              <input type="hidden" name="intent" value="duplicate" />
              <button type="submit" className="button button--secondary">
                Duplicate as new draft
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      <div className="two-col">
        <div>
          <h2>About the campaign</h2>
          <dl className="summary-list">
            <dt>Pillar</dt>
            <dd>{PILLARS.label(c.pillar)}</dd>
            <dt>Purposes</dt>
            <dd>{list(c.purposes.map(PURPOSES.label))}</dd>
            <dt>Forms of exploitation</dt>
            <dd>{list(c.exploitationForms.map(EXPLOITATION_FORMS.label))}</dd>
            <dt>Target audiences</dt>
            <dd>
              {list(
                c.audiences.map((a) =>
                  `${a.code === 'other' && c.audienceOther ? c.audienceOther : AUDIENCES.label(a.code)}${a.estimatedSize ? ` (about ${a.estimatedSize.toLocaleString('en')})` : ''}`,
                ),
              )}
            </dd>
            <dt>Channels</dt>
            <dd>{list(c.channels.map((ch) => (ch === 'other' && c.channelOther ? c.channelOther : CHANNELS.label(ch))))}</dd>
            <dt>Where</dt>
            <dd>
              {c.country ? `${countryName(c.country)}: ${c.subdivisions.length ? d.subdivisionLabels.join(', ') : 'the whole country'}` : 'Not set'}
              {c.locality ? ` · ${c.locality}` : ''}
            </dd>
            <dt>When</dt>
            <dd>{c.startDate && c.endDate ? `${c.startDate} to ${c.endDate}` : 'Not set'}</dd>
            <dt>Languages</dt>
            <dd>{list(c.languages.map(languageName))}</dd>
            <dt>Budget</dt>
            <dd>{c.budget !== null ? `${c.budget.toLocaleString('en')} ${c.currency ?? ''}` : 'Not given'}</dd>
            <dt>Funders</dt>
            <dd>{list(d.funders.map((f) => f.name))}</dd>
          </dl>
          {c.keyMessages ? (
            <>
              <h2>Key messages</h2>
              <p className="pre-line">{c.keyMessages}</p>
            </>
          ) : null}
          <h2>Objectives and indicators</h2>
          <p>
            <Link to={`/campaigns/${d.id}/results`}>Survey results: what changed, by how much, how certain</Link>
          </p>
          {d.objectives.length === 0 ? <p>No objectives yet.</p> : null}
          {d.objectives.map((o, n) => (
            <div key={n} className="table-wrap" role="region" aria-label={`Objective ${n + 1}`} tabIndex={0}>
              <table>
                <caption>
                  Objective {n + 1}: {o.statement}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Indicator</th>
                    <th scope="col">Baseline</th>
                    <th scope="col">Target</th>
                    <th scope="col">Actual</th>
                    <th scope="col">Progress</th>
                    <th scope="col">Change beyond chance?</th>
                  </tr>
                </thead>
                <tbody>
                  {o.indicators.map((i) => (
                    <IndicatorRow key={i.id} indicator={i} result={d.indicators.find((x) => x.id === i.id)} plan={d.plans[i.id] ?? null} campaignId={d.id} canEdit={d.canEdit} />
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </div>
        <aside>
          <h2>Quality check</h2>
          <Findings findings={d.findings} editBase={d.canEdit ? `/campaigns/${d.id}/edit` : undefined} />
          <h2>Overlap with other organisations</h2>
          {d.overlaps ? <Overlaps summary={d.overlaps} planning={d.status === 'draft'} canNote={d.canEdit} /> : <p>Archived campaigns are left out of the overlap check.</p>}
          <h2>Status history</h2>
          <ol className="history">
            {d.history.map((h, n) => (
              <li key={n}>
                {STATUSES.label(h.to)} on {h.at.slice(0, 10)}
                {h.actorName ? ` by ${h.actorName}` : ''}
              </li>
            ))}
          </ol>
          {d.transitions.length ? (
            <>
              <h2>Change status</h2>
              {result && !result.ok ? (
                <div className="error-summary" role="alert">
                  <h3 className="error-summary__title">The status was not changed</h3>
                  <ul className="error-summary__list">
                    {result.errors.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className="actions">
                {d.transitions.map((to) => (
                  <Form method="post" key={to}>
                    <input type="hidden" name="intent" value="transition" />
                    <input type="hidden" name="to" value={to} />
                    <button type="submit" className={to === 'archived' ? 'button button--warning' : 'button button--secondary'}>
                      {TRANSITION_LABELS[to]}
                    </button>
                  </Form>
                ))}
              </div>
            </>
          ) : null}
        </aside>
      </div>
    </>
  )
}

type IndicatorView = ReturnType<typeof useLoaderData<typeof loader>>['objectives'][number]['indicators'][number]
type ResultView = ReturnType<typeof useLoaderData<typeof loader>>['indicators'][number]
type PlanView = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['plans'][number]>

/** One indicator: the plan, where it stands, and whether a survey-measured change is more than chance. */
function IndicatorRow({ indicator: i, result, plan, campaignId, canEdit }: { indicator: IndicatorView; result: ResultView | undefined; plan: PlanView | null; campaignId: number; canEdit: boolean }) {
  const r = result?.result
  const value = (v: number | null | undefined) => formatIndicatorValue(i.unit, v ?? null)
  const planned = plan?.size ?? null
  const plannerQuery = plan?.query ?? ''
  return (
    <tr>
      <th scope="row">
        {i.name}
        <span className="task-list__summary">
          {INDICATOR_LEVELS.label(i.level)} · {INDICATOR_UNITS.label(i.unit).toLowerCase()}, {DIRECTIONS.label(i.direction).toLowerCase()} is better
          {result?.question ? ` · measured by survey question ${result.question.code}` : ''}
          {i.meansOfVerification ? ` · ${i.meansOfVerification}` : ''}
        </span>
        {canEdit && !result?.question ? (
          <Link to={`/campaigns/${campaignId}/indicators/${i.id}`}>
            Enter actuals<span className="visually-hidden"> for {i.name}</span>
          </Link>
        ) : null}
      </th>
      <td>
        {r?.baseline !== null && r?.baseline !== undefined ? value(r.baseline) : i.baselineAtSurvey ? 'To be measured' : '—'}
        {r?.baselineFrom === 'survey' ? <span className="task-list__summary">baseline survey</span> : null}
      </td>
      <td>
        {value(i.target)}
        {planned ? (
          <span className="task-list__summary">
            {canEdit ? <Link to={`/campaigns/${campaignId}/surveys?${plannerQuery}#planner`}>{planned.toSurvey.toLocaleString('en')} respondents per wave</Link> : `${planned.toSurvey.toLocaleString('en')} respondents per wave`} to
            detect it
          </span>
        ) : null}
      </td>
      <td>
        {value(r?.actual)}
        {r?.actualFrom ? <span className="task-list__summary">{r.actualFrom === 'survey' ? 'endline survey' : `entered, to ${r.actualDate}`}</span> : null}
      </td>
      <td>
        <ProgressCell progress={r?.progress ?? { kind: 'unknown' }} />
      </td>
      <td>{beyondChance(r?.pValue ?? null, r?.method)}</td>
    </tr>
  )
}

function ProgressCell({ progress }: { progress: Progress }) {
  if (progress.kind === 'met') return <span className="tag tag--ok">{progressWords(progress)}</span>
  const warning = progress.kind === 'away' ? 'Off track' : progress.kind === 'target_wrong_side' ? 'Check the target' : null
  return (
    <>
      {warning ? <span className="tag tag--pending">{warning}</span> : null} {progressWords(progress)}
    </>
  )
}
