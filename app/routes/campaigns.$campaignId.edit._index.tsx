import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { Findings, missingForPlanned } from '../features/campaigns'
import { countryName } from '../shared/taxonomy/countries'
import { AUDIENCES, CHANNELS, PILLARS, STATUSES, VISIBILITIES } from '../shared/taxonomy/taxonomy'
import { Overlaps } from '../features/coordination'
import { loadForEdit } from '../features/campaigns/index.server'
import { overlapsOf } from '../features/coordination/index.server'
import { campaignFindings } from '../features/results/index.server'
import { action } from './campaigns.$campaignId._index'

export const meta: MetaFunction = () => [{ title: 'Edit campaign – Lantern' }]

export async function loader(args: LoaderFunctionArgs) {
  const { stored, actor } = await loadForEdit(args)
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
      { key: 'basics', label: 'Basics', summary: `${PILLARS.label(c.pillar)} · ${c.purposes.length} purposes · ${c.exploitationForms.length} forms of exploitation`, done: c.purposes.length > 0 },
      { key: 'audiences', label: 'Target audiences', summary: c.audiences.map((a) => AUDIENCES.label(a.code)).join(', ') || 'None chosen', done: c.audiences.length > 0 },
      { key: 'channels', label: 'Channels and key messages', summary: c.channels.map((ch) => CHANNELS.label(ch)).join(', ') || 'None chosen', done: c.channels.length > 0 },
      {
        key: 'where',
        label: 'Where and when',
        summary: c.country ? `${countryName(c.country)}${c.subdivisions.length ? ` (${c.subdivisions.join(', ')})` : ', whole country'} · ${c.startDate ?? '?'} to ${c.endDate ?? '?'}` : 'Not set',
        done: Boolean(c.country && c.startDate && c.endDate),
      },
      { key: 'objectives', label: 'Objectives and indicators', summary: `${c.objectives.length} objectives, ${indicatorCount} indicators`, done: indicatorCount > 0 },
      { key: 'budget', label: 'Budget, funders and visibility', summary: `${c.budget !== null ? `${c.budget.toLocaleString('en')} ${c.currency ?? ''}` : 'No budget'} · ${VISIBILITIES.label(c.visibility)}`, done: true },
      { key: 'risk', label: 'Message-risk review', summary: `${answered} of 3 questions answered`, done: answered === 3 },
    ],
  }
}

// The same buttons as the campaign page, so the same action.
export { action }

export default function EditCampaign() {
  const { id, title, status, findings, missing, sections, overlaps } = useLoaderData<typeof loader>()
  const transition = useActionData<typeof action>()
  return (
    <div className="two-col">
      <div>
        <p className="muted">
          <span className="tag">{STATUSES.label(status)}</span> <Link to={`/campaigns/${id}`}>View the campaign page</Link>
        </p>
        <h1>{title}</h1>
        <ul className="task-list">
          {sections.map((s) => (
            <li key={s.key}>
              <span>
                <Link to={`/campaigns/${id}/edit/${s.key}`}>{s.label}</Link>
                <span className="task-list__summary">{s.summary}</span>
              </span>
              <span className={s.done ? 'tag tag--ok' : 'tag tag--pending'}>{s.done ? 'Done' : 'To do'}</span>
            </li>
          ))}
        </ul>
        {status === 'draft' ? (
          <>
            <h2>Register the campaign</h2>
            {missing.length ? (
              <div className="notice notice--warning">
                <p>Before it can be registered as planned, the campaign needs:</p>
                <ul>
                  {missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p>Registering makes the campaign visible as its visibility allows, and lets others see it when they plan theirs.</p>
            )}
            {transition && !transition.ok ? (
              <div className="error-summary" role="alert">
                <h2 className="error-summary__title">The campaign was not registered</h2>
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
                Register as planned
              </button>
            </Form>
          </>
        ) : null}
      </div>
      <aside aria-labelledby="quality-title">
        <h2 id="quality-title">Quality check</h2>
        <Findings findings={findings} editBase={`/campaigns/${id}/edit`} />
        <h2 id="overlap-title">Overlap with other organisations</h2>
        {overlaps ? (
          <Overlaps summary={overlaps} planning={status === 'draft'} canNote />
        ) : (
          <p>Once the country, the dates and an audience are saved, Lantern shows here the campaigns of other organisations that overlap.</p>
        )}
      </aside>
    </div>
  )
}
