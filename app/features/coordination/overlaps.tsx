import { Form, Link } from '@remix-run/react'
import { defineMessages, useT, type Translator } from '../../shared/i18n'

type Entry =
  | {
      visible: true
      overlap: { level: 'high' | 'medium' | 'low'; score: number; reasons: string[] }
      campaign: { id: number; title: string; startDate: string; endDate: string }
      organisation: { id: number; name: string; contactEmail: string | null }
      reviews: { verdict: string; note: string; by: string | null; at: string }[]
    }
  | { visible: false; overlap: { level: 'high' | 'medium' | 'low' } }

const VERDICT_TEXT = defineMessages({
  unreviewed: { id: 'coordination.overlaps.verdicts.unreviewed', defaultMessage: 'Not reviewed' },
  complementary: { id: 'coordination.verdict_labels.complementary', defaultMessage: 'Complementary' },
  duplicate: { id: 'coordination.verdict_labels.duplicate', defaultMessage: 'Duplicate' },
  resolved: { id: 'coordination.verdict_labels.resolved', defaultMessage: 'Resolved' },
})
const LEVEL_TEXT = defineMessages({
  high: { id: 'coordination.overlaps.levels.high', defaultMessage: 'High overlap: likely duplication' },
  medium: { id: 'coordination.overlaps.levels.medium', defaultMessage: 'Medium overlap: coordinate' },
  low: { id: 'coordination.overlaps.levels.low', defaultMessage: 'Low overlap' },
})
const m = defineMessages({
  none: { id: 'coordination.overlaps.none', defaultMessage: 'No campaign of another organisation overlaps this one.' },
  noneSoFar: { id: 'coordination.overlaps.none_so_far', defaultMessage: 'No campaign of another organisation overlaps this one so far.' },
  total: {
    id: 'coordination.overlaps.total',
    defaultMessage: '{total, plural, one {# campaign by other organisations overlaps} other {# campaigns by other organisations overlap}}',
  },
  levels: { id: 'coordination.overlaps.by_level', defaultMessage: '{count, number} {level, select, high {high} medium {medium} other {low}}' },
  closest: { id: 'coordination.overlaps.closest', defaultMessage: 'The {count, plural, one {# closest is} other {# closest are}} listed.' },
  talk: { id: 'coordination.overlaps.talk', defaultMessage: 'Talk to them before you go ahead: together you can reach more people.' },
  review: { id: 'coordination.overlaps.review', defaultMessage: 'Coordinator’s review: {verdict}' },
  deletedUser: { id: 'coordination.deleted_user', defaultMessage: 'A deleted user' },
})

const verdictText = (t: Translator['t'], verdict: string) => (verdict in VERDICT_TEXT ? t(VERDICT_TEXT[verdict as keyof typeof VERDICT_TEXT]) : verdict)

type Summary = { entries: Entry[]; total: number; levels: Record<'high' | 'medium' | 'low', number> }

const byLevel = (t: Translator['t'], levels: Summary['levels']) =>
  (['high', 'medium', 'low'] as const)
    .filter((l) => levels[l] > 0)
    .map((l) => t(m.levels, { count: levels[l], level: l }))
    .join(', ')

/** Campaigns of other organisations that overlap this one, each with why; the closest first. */
export function Overlaps({ summary, planning, canNote = false }: { summary: Summary; planning: boolean; canNote?: boolean }) {
  const i18n = useT()
  const { t } = i18n
  const { entries, total, levels } = summary
  if (total === 0) return <p>{t(planning ? m.noneSoFar : m.none)}</p>
  const hidden = entries.filter((e) => !e.visible).length
  return (
    <>
      <p>
        <strong>{t(m.total, { total })}</strong> ({byLevel(t, levels)}).{' '}
        {total > entries.length ? `${t(m.closest, { count: entries.length })} ` : null}
        {planning ? t(m.talk) : null}
      </p>
      <ul className="overlaps">
        {entries.map((e, n) =>
          e.visible ? (
            <li key={e.campaign.id} className={`overlap overlap--${e.overlap.level}`}>
              <span className={`tag tag--level-${e.overlap.level}`}>{t(LEVEL_TEXT[e.overlap.level])}</span>
              <h3 className="overlap__title">
                <Link to={`/campaigns/${e.campaign.id}`}>{e.campaign.title}</Link>
              </h3>
              <p className="muted">
                <Link to={`/organisations/${e.organisation.id}`}>{e.organisation.name}</Link> · {i18n.dateRange(e.campaign.startDate, e.campaign.endDate)}
                {e.organisation.contactEmail ? (
                  <>
                    {' · '}
                    <a href={`mailto:${e.organisation.contactEmail}`}>{t({ id: 'coordination.overlaps.contact', defaultMessage: 'Contact {name}' }, { name: e.organisation.name })}</a>
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
                    <strong>{t(m.review, { verdict: verdictText(t, e.reviews[e.reviews.length - 1]!.verdict) })}</strong>
                  </p>
                  <ol>
                    {e.reviews.map((r, k) => (
                      <li key={k}>
                        {i18n.date(new Date(r.at))} · {r.by ?? t(m.deletedUser)}: {verdictText(t, r.verdict)}
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
                    {t({ id: 'coordination.overlaps.note_for_the_coordinator_optional', defaultMessage: 'Note for the coordinator (optional)' })}</label>
                  <input id={`coordinate-${e.campaign.id}`} name="note" className="input" maxLength={1000} />
                  <button type="submit" className="button button--secondary button--small">
                    {t({ id: 'coordination.overlaps.we_are_coordinating_with_them', defaultMessage: 'We are coordinating with them' })}<span className="visually-hidden">: {e.campaign.title}</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ) : (
            <li key={`hidden-${n}`} className={`overlap overlap--${e.overlap.level}`}>
              <span className={`tag tag--level-${e.overlap.level}`}>{t(LEVEL_TEXT[e.overlap.level])}</span>
              <p>{t({ id: 'coordination.overlaps.one_private_campaign_overlaps_ask_the', defaultMessage: 'One private campaign overlaps — ask the coordinator.' })}</p>
            </li>
          ),
        )}
      </ul>
      {hidden > 1 ? <p className="muted">{t({ id: 'coordination.overlaps.private_campaigns_are_not_named_to', defaultMessage: 'Private campaigns are not named to other organisations.' })}</p> : null}
    </>
  )
}
