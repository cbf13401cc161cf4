import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { Pagination } from '../shared/ui/filters'
import { WAVE_GROUPS, WAVE_KINDS } from '../shared/taxonomy/taxonomy'
import { getCampaign } from '../features/campaigns/index.server'
import { parseParams, waveParams } from '../shared/params.server'
import { requireSession } from '../features/accounts/index.server'
import { responsesOf } from '../features/surveys/index.server'

export const meta: MetaFunction = () => [{ title: 'Responses of a wave – Lantern' }]

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, waveId } = parseParams(params, waveParams)
  const page = Math.max(1, Math.min(100_000, Number(new URL(request.url).searchParams.get('page')) || 1))
  const list = await responsesOf(actor, campaignId, waveId, page)
  const stored = await getCampaign(actor, campaignId)
  return { campaign: { id: campaignId, title: stored.campaign.title }, canEdit: stored.row.status !== 'archived', page, ...list }
}

export default function WaveResponses() {
  const d = useLoaderData<typeof loader>()
  const name = `${WAVE_KINDS.label(d.wave.kind)}, ${WAVE_GROUPS.label(d.wave.group).toLowerCase()}`
  const base = `/campaigns/${d.campaign.id}/surveys`
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={base}>{d.campaign.title}: survey</Link>
      </p>
      <h1>{name}</h1>
      <p className="lede">
        {d.wave.responses} response{d.wave.responses === 1 ? '' : 's'}. Type in answers from paper questionnaires one at a time, or import a spreadsheet.
      </p>
      {d.canEdit ? (
        <div className="actions">
          <Link className="button button--primary" to={`${base}/responses/new?wave=${d.wave.id}`}>
            Type in a response
          </Link>
        </div>
      ) : null}
      {d.items.length ? (
        <ul className="task-list">
          {d.items.map((r) => (
            <li key={r.id}>
              <span>
                {r.respondentCode}
                <span className="task-list__summary">{r.importId ? 'imported' : 'typed in'} on {r.createdAt.slice(0, 10)}</span>
              </span>
              {d.canEdit ? (
                <Link to={`${base}/responses/${r.id}`}>
                  Change<span className="visually-hidden"> the response of {r.respondentCode}</span>
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
