import { Link } from '@remix-run/react'

type Entry =
  | {
      visible: true
      overlap: { level: 'high' | 'medium' | 'low'; score: number; reasons: string[] }
      campaign: { id: number; title: string; startDate: string; endDate: string }
      organisation: { id: number; name: string; contactEmail: string | null }
    }
  | { visible: false; overlap: { level: 'high' | 'medium' | 'low' } }

const LEVEL_TEXT = { high: 'High overlap: likely duplication', medium: 'Medium overlap: coordinate', low: 'Low overlap' } as const

/** Campaigns of other organisations that overlap this one, each with why. */
export function Overlaps({ entries, planning }: { entries: Entry[]; planning: boolean }) {
  if (entries.length === 0) {
    return <p>No campaign of another organisation overlaps this one{planning ? ' so far' : ''}.</p>
  }
  const hidden = entries.filter((e) => !e.visible).length
  return (
    <>
      <p>
        <strong>
          {entries.length} campaign{entries.length === 1 ? '' : 's'} by other organisations overlap{entries.length === 1 ? 's' : ''}.
        </strong>{' '}
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
