import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Findings, allowedTransitions, campaignPageActionSchema } from '../features/campaigns'
import { Overlaps } from '../features/coordination'
import { subdivisionLabel } from '../shared/taxonomy/subdivisions'
import { formatIndicatorValue, beyondChance, plannedDesignEffect, progressWords, type Progress } from '../features/results'
import { AUDIENCES, CHANNELS, DIRECTIONS, EXPLOITATION_FORMS, INDICATOR_LEVELS, INDICATOR_UNITS, PILLARS, PURPOSES, STATUSES, VISIBILITIES } from '../shared/taxonomy/taxonomy'
import { duplicateCampaign, getCampaignPage } from '../features/campaigns/index.server'
import { noteCoordination, overlapsOf } from '../features/coordination/index.server'
import { campaignFindings, indicatorPlans, summarisedIndicators, transitionCampaign } from '../features/results/index.server'
import { readForm } from '../shared/request.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { getSession, requireSession } from '../features/accounts/index.server'
import { waveRows } from '../features/surveys/index.server'
import { defineMessages, matchesTranslator, tr, useT } from '../shared/i18n'
import { translatorOf } from '../features/accounts/index.server'

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = matchesTranslator(matches)
  return [{ title: t({ id: 'meta.title', defaultMessage: '{page} – Lantern' }, { page: data?.campaign.title ?? t(m.campaign) }) }]
}

const m = defineMessages({
  campaign: { id: 'campaigns.page.campaign', defaultMessage: 'Campaign' },
  chooseStatus: { id: 'campaigns.page.choose_status', defaultMessage: 'Choose a status from the list.' },
  noneGiven: { id: 'campaigns.page.none_given', defaultMessage: 'None given' },
  about: { id: 'campaigns.page.audience_size', defaultMessage: '{audience} (about {size, number})' },
  wholeCountry: { id: 'campaigns.page.whole_country', defaultMessage: '{country}: the whole country' },
  places: { id: 'campaigns.page.places', defaultMessage: '{country}: {places}' },
  notSet: { id: 'campaigns.edit.not_set', defaultMessage: 'Not set' },
  notGiven: { id: 'campaigns.page.not_given', defaultMessage: 'Not given' },
  objective: { id: 'campaigns.page.objective_n', defaultMessage: 'Objective {n, number}' },
  history: { id: 'campaigns.page.history', defaultMessage: '{status} on {date}' },
  historyBy: { id: 'campaigns.page.history_by', defaultMessage: '{status} on {date} by {name}' },
  indicatorSummary: { id: 'campaigns.page.indicator_summary', defaultMessage: '{level} · {unit}, {direction} is better' },
  measuredBy: { id: 'campaigns.page.measured_by', defaultMessage: 'measured by survey question {code}' },
  toBeMeasured: { id: 'campaigns.page.to_be_measured', defaultMessage: 'To be measured' },
  respondents: { id: 'campaigns.page.respondents_to_detect', defaultMessage: '{count, plural, one {# respondent} other {# respondents}} per wave' },
  toDetect: { id: 'campaigns.page.to_detect_it', defaultMessage: 'to detect it' },
  endlineSurvey: { id: 'campaigns.page.endline_survey', defaultMessage: 'endline survey' },
  entered: { id: 'campaigns.page.entered_to', defaultMessage: 'entered, to {date}' },
  offTrack: { id: 'campaigns.page.off_track', defaultMessage: 'Off track' },
  checkTarget: { id: 'campaigns.page.check_target', defaultMessage: 'Check the target' },
})

const TRANSITION_LABELS = defineMessages({
  planned: { id: 'campaigns.transitions.planned', defaultMessage: 'Register as planned' },
  active: { id: 'campaigns.transitions.active', defaultMessage: 'Mark as active' },
  completed: { id: 'campaigns.transitions.completed', defaultMessage: 'Mark as completed' },
  evaluated: { id: 'campaigns.transitions.evaluated', defaultMessage: 'Mark as evaluated' },
  draft: { id: 'campaigns.transitions.draft', defaultMessage: 'Return to draft' },
  archived: { id: 'campaigns.transitions.archived', defaultMessage: 'Archive' },
})

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
    subdivisionLabels: stored.campaign.subdivisions.map((code) => subdivisionLabel(code, translatorOf(request).locale)),
    // Each language named in itself, worked out here: a browser may lack a language's data (Debian's Chromium has no Nepali).
    autonyms: Object.fromEntries(stored.campaign.languages.map((code) => [code, new Intl.DisplayNames(code, { type: 'language', fallback: 'code' }).of(code) ?? code])),
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
  if (submission.status !== 'success') return data({ ok: false as const, errors: [tr(m.chooseStatus)] }, { status: 400 })
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

export default function CampaignPage() {
  const i18n = useT()
  const { t } = i18n
  const d = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const c = d.campaign
  const list = (items: string[]) => (items.length ? i18n.list(items) : t(m.noneGiven))
  return (
    <>
      <p className="muted">
        <Link to={`/organisations/${d.organisation.id}`}>{d.organisation.name}</Link> · <span className="tag">{t(STATUSES.message(d.status))}</span>{' '}
        <span className="tag">{t(VISIBILITIES.message(c.visibility))}</span>
      </p>
      <h1>{c.title}</h1>
      {c.summary ? <p className="lede">{c.summary}</p> : null}
      {d.canEdit || d.canDuplicate ? (
        <div className="actions">
          {d.canEdit ? (
            <Link className="button button--secondary" to={`/campaigns/${d.id}/edit`}>
              {t({ id: 'campaigns.edit_the_campaign', defaultMessage: 'Edit the campaign' })}</Link>
          ) : null}
          {d.canDuplicate ? (
            <Link className="button button--secondary" to={`/campaigns/${d.id}/surveys`}>
              {t({ id: 'campaigns.survey_questions_waves_and_answers', defaultMessage: 'Survey: questions, waves and answers' })}</Link>
          ) : null}
          {d.canDuplicate ? (
            <Form method="post">
              <input type="hidden" name="intent" value="duplicate" />
              <button type="submit" className="button button--secondary">
                {t({ id: 'campaigns.duplicate_as_new_draft', defaultMessage: 'Duplicate as new draft' })}</button>
            </Form>
          ) : null}
        </div>
      ) : null}
      <div className="two-col">
        <div>
          <h2>{t({ id: 'campaigns.about_the_campaign', defaultMessage: 'About the campaign' })}</h2>
          <dl className="summary-list">
            <dt>{t({ id: 'campaigns.pillar', defaultMessage: 'Pillar' })}</dt>
            <dd>{t(PILLARS.message(c.pillar))}</dd>
            <dt>{t({ id: 'campaigns.purposes', defaultMessage: 'Purposes' })}</dt>
            <dd>{list(c.purposes.map((p) => t(PURPOSES.message(p))))}</dd>
            <dt>{t({ id: 'campaigns.forms_of_exploitation', defaultMessage: 'Forms of exploitation' })}</dt>
            <dd>{list(c.exploitationForms.map((f) => t(EXPLOITATION_FORMS.message(f))))}</dd>
            <dt>{t({ id: 'campaigns.target_audiences', defaultMessage: 'Target audiences' })}</dt>
            <dd>
              {list(
                c.audiences.map((a) => {
                  const audience = a.code === 'other' && c.audienceOther ? c.audienceOther : t(AUDIENCES.message(a.code))
                  return a.estimatedSize ? t(m.about, { audience, size: a.estimatedSize }) : audience
                }),
              )}
            </dd>
            <dt>{t({ id: 'campaigns.channels', defaultMessage: 'Channels' })}</dt>
            <dd>{list(c.channels.map((ch) => (ch === 'other' && c.channelOther ? c.channelOther : t(CHANNELS.message(ch)))))}</dd>
            <dt>{t({ id: 'campaigns.where', defaultMessage: 'Where' })}</dt>
            <dd>
              {c.country
                ? c.subdivisions.length
                  ? t(m.places, { country: i18n.country(c.country), places: i18n.list(d.subdivisionLabels) })
                  : t(m.wholeCountry, { country: i18n.country(c.country) })
                : t(m.notSet)}
              {c.locality ? ` · ${c.locality}` : ''}
            </dd>
            <dt>{t({ id: 'campaigns.when', defaultMessage: 'When' })}</dt>
            <dd>{c.startDate && c.endDate ? i18n.dateRange(c.startDate, c.endDate, 'long') : t(m.notSet)}</dd>
            <dt>{t({ id: 'campaigns.languages', defaultMessage: 'Languages' })}</dt>
            <dd>
              {c.languages.length
                ? c.languages.map((code, n) => (
                    <span key={code}>
                      {n ? ', ' : ''}
                      <span lang={code}>{d.autonyms[code]}</span> ({i18n.language(code)})
                    </span>
                  ))
                : t(m.noneGiven)}
            </dd>
            <dt>{t({ id: 'campaigns.budget', defaultMessage: 'Budget' })}</dt>
            <dd>{c.budget !== null ? (c.currency ? i18n.number(c.budget, { style: 'currency', currency: c.currency, maximumFractionDigits: 0 }) : i18n.number(c.budget)) : t(m.notGiven)}</dd>
            <dt>{t({ id: 'campaigns.funders', defaultMessage: 'Funders' })}</dt>
            <dd>{list(d.funders.map((f) => f.name))}</dd>
          </dl>
          {c.keyMessages ? (
            <>
              <h2>{t({ id: 'campaigns.key_messages', defaultMessage: 'Key messages' })}</h2>
              {/* Written in the campaign's language, where it has just one. */}
              <p className="pre-line" lang={c.languages.length === 1 ? c.languages[0] : undefined}>
                {c.keyMessages}
              </p>
            </>
          ) : null}
          <h2>{t({ id: 'campaigns.objectives_and_indicators', defaultMessage: 'Objectives and indicators' })}</h2>
          <p>
            <Link to={`/campaigns/${d.id}/results`}>{t({ id: 'campaigns.survey_results_what_changed_by_how', defaultMessage: 'Survey results: what changed, by how much, how certain' })}</Link>
          </p>
          {d.objectives.length === 0 ? <p>{t({ id: 'campaigns.no_objectives_yet', defaultMessage: 'No objectives yet.' })}</p> : null}
          {d.objectives.map((o, n) => (
            <div key={n} className="table-wrap" role="region" aria-label={t(m.objective, { n: n + 1 })} tabIndex={0}>
              <table>
                <caption>
                  {t({ id: 'campaigns.objective', defaultMessage: 'Objective {value}: {statement}' }, { value: n + 1, statement: o.statement })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t({ id: 'campaigns.indicator', defaultMessage: 'Indicator' })}</th>
                    <th scope="col">{t({ id: 'campaigns.baseline', defaultMessage: 'Baseline' })}</th>
                    <th scope="col">{t({ id: 'campaigns.target', defaultMessage: 'Target' })}</th>
                    <th scope="col">{t({ id: 'campaigns.actual', defaultMessage: 'Actual' })}</th>
                    <th scope="col">{t({ id: 'campaigns.progress', defaultMessage: 'Progress' })}</th>
                    <th scope="col">{t({ id: 'campaigns.change_beyond_chance', defaultMessage: 'Change beyond chance?' })}</th>
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
          <h2>{t({ id: 'campaigns.quality_check', defaultMessage: 'Quality check' })}</h2>
          <Findings findings={d.findings} editBase={d.canEdit ? `/campaigns/${d.id}/edit` : undefined} />
          <h2>{t({ id: 'campaigns.overlap_with_other_organisations', defaultMessage: 'Overlap with other organisations' })}</h2>
          {d.overlaps ? <Overlaps summary={d.overlaps} planning={d.status === 'draft'} canNote={d.canEdit} /> : <p>{t({ id: 'campaigns.archived_campaigns_are_left_out_of', defaultMessage: 'Archived campaigns are left out of the overlap check.' })}</p>}
          <h2>{t({ id: 'campaigns.status_history', defaultMessage: 'Status history' })}</h2>
          <ol className="history">
            {d.history.map((h, n) => (
              <li key={n}>
                {h.actorName
                  ? t(m.historyBy, { status: t(STATUSES.message(h.to)), date: i18n.date(new Date(h.at)), name: h.actorName })
                  : t(m.history, { status: t(STATUSES.message(h.to)), date: i18n.date(new Date(h.at)) })}
              </li>
            ))}
          </ol>
          {d.transitions.length ? (
            <>
              <h2>{t({ id: 'campaigns.change_status', defaultMessage: 'Change status' })}</h2>
              {result && !result.ok ? (
                <div className="error-summary" role="alert">
                  <h3 className="error-summary__title">{t({ id: 'campaigns.the_status_was_not_changed', defaultMessage: 'The status was not changed' })}</h3>
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
                      {t(TRANSITION_LABELS[to as keyof typeof TRANSITION_LABELS])}
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
  const i18n = useT()
  const { t, locale } = i18n
  const r = result?.result
  const value = (v: number | null | undefined) => formatIndicatorValue(i.unit, v ?? null)
  const planned = plan?.size ?? null
  const plannerQuery = plan?.query ?? ''
  return (
    <tr>
      <th scope="row">
        {i.name}
        <span className="task-list__summary">
          {[
            t(m.indicatorSummary, {
              level: t(INDICATOR_LEVELS.message(i.level)),
              unit: t(INDICATOR_UNITS.message(i.unit)).toLocaleLowerCase(locale),
              direction: t(DIRECTIONS.message(i.direction)).toLocaleLowerCase(locale),
            }),
            result?.question ? t(m.measuredBy, { code: result.question.code }) : null,
            i.meansOfVerification || null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        {canEdit && !result?.question ? (
          <Link to={`/campaigns/${campaignId}/indicators/${i.id}`}>
            {t({ id: 'campaigns.enter_actuals', defaultMessage: 'Enter actuals' })}<span className="visually-hidden"> {t({ id: 'campaigns.for', defaultMessage: 'for {name}' }, { name: i.name })}</span>
          </Link>
        ) : null}
      </th>
      <td>
        {r?.baseline !== null && r?.baseline !== undefined ? value(r.baseline) : i.baselineAtSurvey ? t(m.toBeMeasured) : '—'}
        {r?.baselineFrom === 'survey' ? <span className="task-list__summary">{t({ id: 'campaigns.baseline_survey', defaultMessage: 'baseline survey' })}</span> : null}
      </td>
      <td>
        {value(i.target)}
        {planned ? (
          <span className="task-list__summary">
            {canEdit ? <Link to={`/campaigns/${campaignId}/surveys?${plannerQuery}#planner`}>{t(m.respondents, { count: planned.toSurvey })}</Link> : t(m.respondents, { count: planned.toSurvey })}{' '}
            {t(m.toDetect)}
          </span>
        ) : null}
      </td>
      <td>
        {value(r?.actual)}
        {r?.actualFrom ? <span className="task-list__summary">{r.actualFrom === 'survey' ? t(m.endlineSurvey) : t(m.entered, { date: r.actualDate ? i18n.date(r.actualDate) : '' })}</span> : null}
      </td>
      <td>
        <ProgressCell progress={r?.progress ?? { kind: 'unknown' }} />
      </td>
      <td>{beyondChance(r?.pValue ?? null, r?.method)}</td>
    </tr>
  )
}

function ProgressCell({ progress }: { progress: Progress }) {
  const { t } = useT()
  if (progress.kind === 'met') return <span className="tag tag--ok">{progressWords(progress)}</span>
  const warning = progress.kind === 'away' ? t(m.offTrack) : progress.kind === 'target_wrong_side' ? t(m.checkTarget) : null
  return (
    <>
      {warning ? <span className="tag tag--pending">{warning}</span> : null} {progressWords(progress)}
    </>
  )
}
