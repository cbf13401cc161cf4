import { Form, Link } from '@remix-run/react'

type Entry =
  | {
      visible: true
      overlap: { level: 'high' | 'medium' | 'low'; score: number; reasons: string[] }
      campaign: { id: number; title: string; startDate: string; endDate: string }
      organisation: { id: number; name: string; contactEmail: string | null }
      reviews: { verdict: string; note: string; by: string | null; at: string }[]
    }
  | { visible: false; overlap: { level: 'high' | 'medium' | 'low' } }

const VERDICT_TEXT: Record<string, string> = { unreviewed: 'Not reviewed', complementary: 'Complementary', duplicate: 'Duplicate', resolved: 'Resolved' }
const LEVEL_TEXT = { high: 'High overlap: likely duplication', medium: 'Medium overlap: coordinate', low: 'Low overlap' } as const

type Summary = { entries: Entry[]; total: number; levels: Record<'high' | 'medium' | 'low', number> }

const byLevel = (levels: Summary['levels']) =>
  (['high', 'medium', 'low'] as const)
    .filter((l) => levels[l] > 0)
    .map((l) => `${levels[l]} ${l}`)
    .join(', ')

/** Campaigns of other organisations that overlap this one, each with why; the closest first. */
export function Overlaps({ summary, planning, canNote = false }: { summary: Summary; planning: boolean; canNote?: boolean }) {
  const { entries, total, levels } = summary
  if (total === 0) {
    return <p>No campaign of another organisation overlaps this one{planning ? ' so far' : ''}.</p>
  }
  const hidden = entries.filter((e) => !e.visible).length
  return (
    <>
      <p>
        <strong>
          {total} campaign{total === 1 ? '' : 's'} by other organisations overlap{total === 1 ? 's' : ''}
        </strong>{' '}
        ({byLevel(levels)}).{' '}
        {total > entries.length ? `The ${entries.length} closest are listed. ` : null}
        {planning ? 'Talk to them before you go ahead: together you can reach more people.' : null}
      </p>
      <ul className="overlaps">
        {entries.map((e, n) =>
          e.visible ? (
            <li key={e.campaign.id} className={`overlap overlap--${e.overlap.level}`}>
              <span className={`tag tag--level-${e.overlap.level}`}>{LEVEL_TEXT[e.overlap.level]}</span>
              <h3 className="overlap__title">
                <Link to={`/campaigns/${e.campaign.id}`}>{e.campaign.title}</Link>
              </h3>
              <p className="muted">
                <Link to={`/organisations/${e.organisation.id}`}>{e.organisation.name}</Link> · {e.campaign.startDate} to {e.campaign.endDate}
                {e.organisation.contactEmail ? (
                  <>
                    {' · '}
                    <a href={`mailto:${e.organisation.contactEmail}`}>Contact {e.organisation.name}</a>
                  </>
                ) : null}
              </p>
              <ul className="overlap__reasons">
                {e.overlap.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
              {e.reviews.length ? (
                <div className="overlap__review">
                  <p>
                    <strong>Coordinator’s review: {VERDICT_TEXT[e.reviews[e.reviews.length - 1]!.verdict] ?? e.reviews[e.reviews.length - 1]!.verdict}</strong>
                  </p>
                  <ol>
                    {e.reviews.map((r, k) => (
                      <li key={k}>
                        {r.at.slice(0, 10)} · {r.by ?? 'A deleted user'}: {VERDICT_TEXT[r.verdict] ?? r.verdict}
                        {r.note ? ` — “${r.note}”` : ''}
                      </li>
                    ))}
                  </ol>
                </div>
              ) : null}
              {canNote ? (
                <Form method="post" className="coordinate-form">
                  <input type="hidden" name="intent" value="coordinate" />
                  <input type="hidden" name="otherId" value={e.campaign.id} />
                  <label className="field__label" htmlFor={`coordinate-${e.campaign.id}`}>
                    Note for the coordinator (optional)
                  </label>
                  <input id={`coordinate-${e.campaign.id}`} name="note" className="input" maxLength={1000} />
                  <button type="submit" className="button button--secondary button--small">
                    We are coordinating with them<span className="visually-hidden">: {e.campaign.title}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ) : (
            <li key={`hidden-${n}`} className={`overlap overlap--${e.overlap.level}`}>
              <span className={`tag tag--level-${e.overlap.level}`}>{LEVEL_TEXT[e.overlap.level]}</span>
              <p>One private campaign overlaps — ask the coordinator.</p>
            </li>
          ),
        )}
      </ul>
      {hidden > 1 ? <p className="muted">Private campaigns are not named to other organisations.</p> : null}
    </>
  )
}
