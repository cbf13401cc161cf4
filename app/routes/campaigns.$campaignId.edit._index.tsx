import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Findings, MISSING_FOR_PLANNED, missingForPlanned } from '../features/campaigns'
import { AUDIENCES, CHANNELS, PILLARS, STATUSES, VISIBILITIES } from '../shared/taxonomy/taxonomy'
import { Overlaps } from '../features/coordination'
import { loadForEdit } from '../features/campaigns/index.server'
import { overlapsOf } from '../features/coordination/index.server'
import { campaignFindings } from '../features/results/index.server'
import { action } from './campaigns.$campaignId._index'
import { defineMessage, defineMessages, pageTitle, useT } from '../shared/i18n'
import { translatorOf } from '../features/accounts/index.server'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.edit_campaign', defaultMessage: 'Edit campaign' }))

const m = defineMessages({
  basics: { id: 'titles.basics', defaultMessage: 'Basics' },
  basicsSummary: {
    id: 'campaigns.edit.basics_summary',
    defaultMessage: '{pillar} · {purposes, plural, one {# purpose} other {# purposes}} · {forms, plural, one {# form of exploitation} other {# forms of exploitation}}',
  },
  audiences: { id: 'titles.target_audiences', defaultMessage: 'Target audiences' },
  channels: { id: 'titles.channels_and_key_messages', defaultMessage: 'Channels and key messages' },
  noneChosen: { id: 'campaigns.edit.none_chosen', defaultMessage: 'None chosen' },
  where: { id: 'titles.where_and_when', defaultMessage: 'Where and when' },
  whereSummary: {
    id: 'campaigns.edit.where_summary',
    defaultMessage: '{whole, select, yes {{country}, whole country} other {{country} ({subdivisions})}} · {dates}',
  },
  notSet: { id: 'campaigns.edit.not_set', defaultMessage: 'Not set' },
  openDates: { id: 'campaigns.edit.open_dates', defaultMessage: '{start} to {end}' },
  objectives: { id: 'titles.objectives_and_indicators', defaultMessage: 'Objectives and indicators' },
  objectivesSummary: {
    id: 'campaigns.edit.objectives_summary',
    defaultMessage: '{objectives, plural, one {# objective} other {# objectives}}, {indicators, plural, one {# indicator} other {# indicators}}',
  },
  budget: { id: 'titles.budget_funders_and_visibility', defaultMessage: 'Budget, funders and visibility' },
  noBudget: { id: 'campaigns.edit.no_budget', defaultMessage: 'No budget' },
  risk: { id: 'titles.message_risk_review', defaultMessage: 'Message-risk review' },
  riskSummary: { id: 'campaigns.edit.risk_summary', defaultMessage: '{answered, number} of 3 questions answered' },
})

export async function loader(args: LoaderFunctionArgs) {
  const { stored, actor } = await loadForEdit(args)
  const i18n = translatorOf(args.request)
  const { t } = i18n
  const c = stored.campaign
  const indicatorCount = c.objectives.reduce((n, o) => n + o.indicators.length, 0)
  const answered = [c.risk.restraintImagery, c.risk.antiMigration, c.risk.identifiesVictim].filter(Boolean).length
  return {
    id: stored.row.id,
    title: c.title,
    status: stored.row.status,
    findings: await campaignFindings(stored),
    missing: missingForPlanned(c),
    // The live check: shown once country, dates and an audience are saved.
    overlaps: c.country && c.startDate && c.endDate && c.audiences.length ? await overlapsOf(actor, stored.row.id) : null,
    sections: [
      {
        key: 'basics',
        label: t(m.basics),
        summary: t(m.basicsSummary, { pillar: t(PILLARS.message(c.pillar)), purposes: c.purposes.length, forms: c.exploitationForms.length }),
        done: c.purposes.length > 0,
      },
      { key: 'audiences', label: t(m.audiences), summary: i18n.list(c.audiences.map((a) => t(AUDIENCES.message(a.code)))) || t(m.noneChosen), done: c.audiences.length > 0 },
      { key: 'channels', label: t(m.channels), summary: i18n.list(c.channels.map((ch) => t(CHANNELS.message(ch)))) || t(m.noneChosen), done: c.channels.length > 0 },
      {
        key: 'where',
        label: t(m.where),
        summary: c.country
          ? t(m.whereSummary, {
              country: i18n.country(c.country),
              whole: c.subdivisions.length ? 'no' : 'yes',
              subdivisions: c.subdivisions.join(', '),
              dates:
                c.startDate && c.endDate
                  ? i18n.dateRange(c.startDate, c.endDate)
                  : t(m.openDates, { start: c.startDate ? i18n.date(c.startDate) : '?', end: c.endDate ? i18n.date(c.endDate) : '?' }),
            })
          : t(m.notSet),
        done: Boolean(c.country && c.startDate && c.endDate),
      },
      { key: 'objectives', label: t(m.objectives), summary: t(m.objectivesSummary, { objectives: c.objectives.length, indicators: indicatorCount }), done: indicatorCount > 0 },
      {
        key: 'budget',
        label: t(m.budget),
        summary: `${c.budget !== null && c.currency ? i18n.number(c.budget, { style: 'currency', currency: c.currency, maximumFractionDigits: 0 }) : c.budget !== null ? i18n.number(c.budget) : t(m.noBudget)} · ${t(VISIBILITIES.message(c.visibility))}`,
        done: true,
      },
      { key: 'risk', label: t(m.risk), summary: t(m.riskSummary, { answered }), done: answered === 3 },
    ],
  }
}

// The same buttons as the campaign page, so the same action.
export { action }

export default function EditCampaign() {
  const { t } = useT()
  const { id, title, status, findings, missing, sections, overlaps } = useLoaderData<typeof loader>()
  const transition = useActionData<typeof action>()
  return (
    <div className="two-col">
      <div>
        <p className="muted">
          <span className="tag">{t(STATUSES.message(status))}</span> <Link to={`/campaigns/${id}`}>{t({ id: 'campaigns.edit.view_the_campaign_page', defaultMessage: 'View the campaign page' })}</Link>
        </p>
        <h1>{title}</h1>
        <ul className="task-list">
          {sections.map((s) => (
            <li key={s.key}>
              <span>
                <Link to={`/campaigns/${id}/edit/${s.key}`}>{s.label}</Link>
                <span className="task-list__summary">{s.summary}</span>
              </span>
              <span className={s.done ? 'tag tag--ok' : 'tag tag--pending'}>{s.done ? t({ id: 'campaigns.edit.done', defaultMessage: 'Done' }) : t({ id: 'campaigns.edit.to_do', defaultMessage: 'To do' })}</span>
            </li>
          ))}
        </ul>
        {status === 'draft' ? (
          <>
            <h2>{t({ id: 'campaigns.edit.register_the_campaign', defaultMessage: 'Register the campaign' })}</h2>
            {missing.length ? (
              <div className="notice notice--warning">
                <p>{t({ id: 'campaigns.edit.before_it_can_be_registered_as', defaultMessage: 'Before it can be registered as planned, the campaign needs:' })}</p>
                <ul>
                  {missing.map((what) => (
                    <li key={what}>{t(MISSING_FOR_PLANNED[what])}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p>{t({ id: 'campaigns.edit.registering_makes_the_campaign_visible_as', defaultMessage: 'Registering makes the campaign visible as its visibility allows, and lets others see it when they plan theirs.' })}</p>
            )}
            {transition && !transition.ok ? (
              <div className="error-summary" role="alert">
                <h2 className="error-summary__title">{t({ id: 'campaigns.edit.the_campaign_was_not_registered', defaultMessage: 'The campaign was not registered' })}</h2>
                <ul className="error-summary__list">
                  {transition.errors.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <Form method="post">
              <input type="hidden" name="intent" value="transition" />
              <input type="hidden" name="to" value="planned" />
              <button type="submit" className="button button--primary">
                {t({ id: 'campaigns.edit.register_as_planned', defaultMessage: 'Register as planned' })}</button>
            </Form>
          </>
        ) : null}
      </div>
      <aside aria-labelledby="quality-title">
        <h2 id="quality-title">{t({ id: 'campaigns.edit.quality_check', defaultMessage: 'Quality check' })}</h2>
        <Findings findings={findings} editBase={`/campaigns/${id}/edit`} />
        <h2 id="overlap-title">{t({ id: 'campaigns.edit.overlap_with_other_organisations', defaultMessage: 'Overlap with other organisations' })}</h2>
        {overlaps ? (
          <Overlaps summary={overlaps} planning={status === 'draft'} canNote />
        ) : (
          <p>{t({ id: 'campaigns.edit.once_the_country_the_dates_and', defaultMessage: 'Once the country, the dates and an audience are saved, Lantern shows here the campaigns of other organisations that overlap.' })}</p>
        )}
      </aside>
    </div>
  )
}
