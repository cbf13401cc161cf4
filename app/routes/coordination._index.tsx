import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CoverageTables, coordinationActionSchema, parsePairFilters, registryFilters } from '../features/coordination'
import { FilterDate, FilterSelect, Pagination } from '../shared/ui/filters'
import { countryOptions, termChoices } from '../shared/ui/options'
import { subdivisionLabel, subdivisionsOf } from '../shared/taxonomy/subdivisions'
import { reasonWords } from '../features/overlap'
import { AUDIENCES } from '../shared/taxonomy/taxonomy'
import { coverageOf, listPairClusters, overlapSettingOf, PAIRS_PER_PAGE, reviewPair, setBufferDays } from '../features/coordination/index.server'
import { readForm } from '../shared/request.server'
import { requireSession, translatorOf } from '../features/accounts/index.server'
import { currentTranslator, defineMessage, defineMessages, pageTitle, todayIn, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.coordination', defaultMessage: 'Coordination' }))

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, user } = await requireSession(request)
  const filters = parsePairFilters(new URL(request.url).searchParams, todayIn(user.organisation?.timeZone ?? 'UTC'))
  const list = await listPairClusters(actor, filters)
  const coverage = filters.country ? await coverageOf(actor, filters.country, filters) : null
  const setting = filters.country ? overlapSettingOf(filters.country) : null
  const { locale } = translatorOf(request)
  const collator = new Intl.Collator(locale)
  const subdivisions = filters.country
    ? subdivisionsOf(filters.country)
        .map((s) => ({ value: s.code, label: subdivisionLabel(s.code, locale) }))
        .sort((a, b) => collator.compare(a.label, b.label))
    : []
  // The pairs are kept as data, the same for every reader; their reasons are worded for this one.
  const clusters = list.clusters.map((cluster) => cluster.map((p) => ({ ...p, reasons: p.reasons.map(reasonWords) })))
  return { filters, ...list, clusters, firstIndex: (list.page - 1) * PAIRS_PER_PAGE + 1, coverage, setting, subdivisions }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const submission = parseWithZod(await readForm(request), { schema: coordinationActionSchema })
  if (submission.status !== 'success') {
    return data({ ok: false as const, message: Object.values(submission.error ?? {}).flat().join(' ') || tr(m.chooseVerdict) }, { status: 400 })
  }
  const input = submission.value
  if (input.intent === 'buffer') {
    await setBufferDays(actor, input.country, input.bufferDays)
    return { ok: true as const, message: tr(m.bufferSaved, { days: input.bufferDays, country: currentTranslator().country(input.country) }) }
  }
  await reviewPair(actor, input.campaignA, input.campaignB, input.verdict, input.note)
  return { ok: true as const, message: tr(m.reviewSaved) }
}

const m = defineMessages({
  chooseVerdict: { id: 'coordination.choose_verdict', defaultMessage: 'Choose a verdict.' },
  bufferSaved: {
    id: 'coordination.buffer_saved',
    defaultMessage: 'Periods up to {days, plural, one {# day} other {# days}} apart now count as overlapping in {country}; the pairs have been recomputed.',
  },
  reviewSaved: { id: 'coordination.review_saved', defaultMessage: 'The review has been saved.' },
  whoWhatWhere: { id: 'coordination.download_who_what_where', defaultMessage: 'Download who does what, where and when (CSV)' },
  whoWhatWhereIn: { id: 'coordination.download_who_what_where_in', defaultMessage: 'Download who does what, where and when in {country} (CSV)' },
  noPairs: { id: 'coordination.no_pairs', defaultMessage: 'No overlapping campaigns match.' },
  pagedPairs: {
    id: 'coordination.paged_pairs',
    defaultMessage:
      '{more, select, yes {More than {total, plural, one {# overlapping pair} other {# overlapping pairs}}} other {{total, plural, one {# overlapping pair} other {# overlapping pairs}}}}; pairs {first, number}–{last, number}, highest score first, in {clusters, plural, one {# cluster} other {# clusters}}.',
  },
  pairs: {
    id: 'coordination.pairs',
    defaultMessage: '{total, plural, one {# overlapping pair} other {# overlapping pairs}} in {clusters, plural, one {# cluster} other {# clusters}}.',
  },
  buffer: { id: 'coordination.buffer_summary', defaultMessage: 'Overlap buffer for {country}: {days, plural, one {# day} other {# days}}' },
  bufferHint: {
    id: 'coordination.buffer_hint',
    defaultMessage: 'Campaigns whose periods are up to this many days apart also count as overlapping — audiences remember a campaign for a while after it ends.',
  },
  bufferSetBy: { id: 'coordination.buffer_set_by', defaultMessage: 'Last set by {name} on {date}.' },
  cluster: {
    id: 'coordination.cluster_heading',
    defaultMessage: 'Cluster {n, number}: {campaigns, plural, one {# campaign} other {# campaigns}}, {level, select, high {high} medium {medium} other {low}} overlap at most',
  },
  score: { id: 'coordination.level_score', defaultMessage: '{level, select, high {High} medium {Medium} other {Low}} · score {score}' },
  deletedUser: { id: 'coordination.deleted_user', defaultMessage: 'A deleted user' },
})

const VERDICTS = defineMessages({
  unreviewed: { id: 'coordination.verdicts.unreviewed', defaultMessage: 'Unreviewed' },
  complementary: { id: 'coordination.verdicts.complementary', defaultMessage: 'Complementary: they reinforce each other' },
  duplicate: { id: 'coordination.verdicts.duplicate', defaultMessage: 'Duplicate: the same work twice' },
  resolved: { id: 'coordination.verdicts.resolved', defaultMessage: 'Resolved: the organisations have agreed what to do' },
})
const VERDICT_LABELS = defineMessages({
  unreviewed: { id: 'coordination.verdict_labels.unreviewed', defaultMessage: 'Unreviewed' },
  complementary: { id: 'coordination.verdict_labels.complementary', defaultMessage: 'Complementary' },
  duplicate: { id: 'coordination.verdict_labels.duplicate', defaultMessage: 'Duplicate' },
  resolved: { id: 'coordination.verdict_labels.resolved', defaultMessage: 'Resolved' },
})
const LEVELS = defineMessages({
  high: { id: 'coordination.levels.high', defaultMessage: 'High' },
  medium: { id: 'coordination.levels.medium', defaultMessage: 'Medium' },
  low: { id: 'coordination.levels.low', defaultMessage: 'Low' },
})
type Verdict = keyof typeof VERDICTS

export default function Coordination() {
  const i18n = useT()
  const { t } = i18n
  const { filters, clusters, total, moreThanTotal, pages, firstIndex: first, coverage, setting, subdivisions } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const pairCount = clusters.reduce((n, c) => n + c.length, 0)
  return (
    <>
      <h1>{t({ id: 'coordination.coordination', defaultMessage: 'Coordination' })}</h1>
      <p className="lede">{t({ id: 'coordination.campaigns_of_different_organisations_that_reach', defaultMessage: 'Campaigns of different organisations that reach the same people in the same place at the same time, grouped where they connect. Unless you choose dates, you see the 24 months around today.' })}</p>
      {result ? (
        <div className={result.ok ? 'notice notice--success' : 'error-summary'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : null}
      <Form method="get" className="filters" aria-label={t({ id: 'coordination.filter_overlaps', defaultMessage: 'Filter overlaps' })}>
        <FilterSelect name="country" label={t({ id: 'coordination.country', defaultMessage: 'Country' })} options={countryOptions(i18n)} value={filters.country} />
        {subdivisions.length ? <FilterSelect name="subdivision" label={t({ id: 'coordination.subdivision', defaultMessage: 'Subdivision' })} options={subdivisions} value={filters.subdivision} /> : null}
        <FilterSelect name="audience" label={t({ id: 'coordination.shared_audience', defaultMessage: 'Shared audience' })} options={termChoices(t, AUDIENCES)} value={filters.audience} />
        <FilterSelect name="level" label={t({ id: 'coordination.level', defaultMessage: 'Level' })} options={(['high', 'medium', 'low'] as const).map((value) => ({ value, label: t(LEVELS[value]) }))} value={filters.level} />
        <FilterSelect
          name="review"
          label={t({ id: 'coordination.review', defaultMessage: 'Review' })}
          options={(Object.keys(VERDICT_LABELS) as Verdict[]).map((value) => ({ value, label: t(VERDICT_LABELS[value]) }))}
          value={filters.review}
        />
        <FilterDate name="from" label={t({ id: 'coordination.from', defaultMessage: 'From' })} value={filters.from} />
        <FilterDate name="to" label={t({ id: 'coordination.to', defaultMessage: 'To' })} value={filters.to} />
        <div className="field">
          <button type="submit" className="button button--secondary">{t({ id: 'coordination.apply_filters', defaultMessage: 'Apply filters' })}</button> <Link to="/coordination">{t({ id: 'coordination.clear', defaultMessage: 'Clear' })}</Link>
        </div>
      </Form>
      <div className="actions">
        <a href={`/coordination.csv?${search}`} download>
          {t({ id: 'coordination.download_these_pairs_as_csv', defaultMessage: 'Download these pairs as CSV' })}</a>
        <a href={`/campaigns.csv?${registryFilters(filters)}`} download>
          {filters.country ? t(m.whoWhatWhereIn, { country: i18n.country(filters.country) }) : t(m.whoWhatWhere)}
        </a>
      </div>
      <p role="status">
        {total === 0
          ? t(m.noPairs)
          : pages > 1
            ? t(m.pagedPairs, { more: moreThanTotal ? 'yes' : 'no', total, first, last: first + pairCount - 1, clusters: clusters.length })
            : t(m.pairs, { total, clusters: clusters.length })}
      </p>
      {setting && filters.country ? (
        <details className="details">
          <summary>{t(m.buffer, { country: i18n.country(filters.country), days: setting.bufferDays })}</summary>
          <Form method="post" className="buffer-form">
            <input type="hidden" name="intent" value="buffer" />
            <input type="hidden" name="country" value={filters.country} />
            <div className="field">
              <label className="field__label" htmlFor="buffer-days">{t({ id: 'coordination.buffer_in_days', defaultMessage: 'Buffer in days' })}</label>
              <p className="field__hint" id="buffer-days-hint">
                {t(m.bufferHint)}
                {setting.by ? ` ${t(m.bufferSetBy, { name: setting.by, date: i18n.date(new Date(setting.updatedAt!)) })}` : ''}
              </p>
              <input id="buffer-days" name="bufferDays" type="number" min={0} max={90} step={1} inputMode="numeric" defaultValue={setting.bufferDays} className="input input--narrow" aria-describedby="buffer-days-hint" />
            </div>
            <button type="submit" className="button button--secondary">{t({ id: 'coordination.save_and_recompute', defaultMessage: 'Save and recompute' })}</button>
          </Form>
        </details>
      ) : null}
      {coverage ? <CoverageTables data={coverage} country={filters.country!} countryName={i18n.country(filters.country!)} /> : <p className="muted">{t({ id: 'coordination.choose_a_country_to_see_campaigns', defaultMessage: 'Choose a country to see campaigns per subdivision and month, and who is reached where.' })}</p>}
      {clusters.length ? <h2>{t({ id: 'coordination.overlapping_campaigns', defaultMessage: 'Overlapping campaigns' })}</h2> : null}
      {clusters.map((cluster, n) => {
        const campaignCount = new Set(cluster.flatMap((p) => [p.campaignA, p.campaignB])).size
        return (
          <section key={`${cluster[0]!.campaignA}-${cluster[0]!.campaignB}`} className="cluster" aria-labelledby={`cluster-${n}`}>
            <h3 id={`cluster-${n}`}>
              {t(m.cluster, { n: n + 1, campaigns: campaignCount, level: cluster[0]!.level })}
            </h3>
            <ul className="overlaps">
              {cluster.map((p) => (
                <li key={`${p.campaignA}-${p.campaignB}`} className={`overlap overlap--${p.level}`}>
                  <span className={`tag tag--level-${p.level}`}>{t(m.score, { level: p.level, score: i18n.number(p.score, { minimumFractionDigits: 2, maximumFractionDigits: 2 }) })}</span>{' '}
                  <span className="tag">{t(VERDICT_LABELS[p.verdict as Verdict])}</span>
                  <h4 className="overlap__title">
                    <Link to={`/campaigns/${p.a.id}`}>{p.a.title}</Link> <span className="muted">({p.a.organisation})</span>
                    <br />
                    <Link to={`/campaigns/${p.b.id}`}>{p.b.title}</Link> <span className="muted">({p.b.organisation})</span>
                  </h4>
                  <ul className="overlap__reasons">
                    {p.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                  {p.history.length ? (
                    <details className="details">
                      <summary>{t({ id: 'coordination.review_history', defaultMessage: 'Review history ({historyCount})' }, { historyCount: p.history.length })}</summary>
                      <ol>
                        {p.history.map((h, k) => (
                          <li key={k}>
                            {i18n.dateTime(new Date(h.at))} · {h.by ?? t(m.deletedUser)}: {t(VERDICT_LABELS[h.verdict as Verdict])}
                            {h.note ? ` — “${h.note}”` : ''}
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                  <Form method="post" className="review-form">
                    <input type="hidden" name="intent" value="review" />
                    <input type="hidden" name="campaignA" value={p.campaignA} />
                    <input type="hidden" name="campaignB" value={p.campaignB} />
                    <div className="field">
                      <label className="field__label" htmlFor={`verdict-${p.campaignA}-${p.campaignB}`}>{t({ id: 'coordination.verdict', defaultMessage: 'Verdict' })}</label>
                      <select id={`verdict-${p.campaignA}-${p.campaignB}`} name="verdict" defaultValue={p.verdict} className="select">
                        {(Object.keys(VERDICTS) as Verdict[]).map((value) => (
                          <option key={value} value={value}>
                            {t(VERDICTS[value])}
                          </option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label className="field__label" htmlFor={`note-${p.campaignA}-${p.campaignB}`}>{t({ id: 'coordination.note', defaultMessage: 'Note' })}</label>
                      <textarea id={`note-${p.campaignA}-${p.campaignB}`} name="note" rows={2} className="input textarea" defaultValue="" />
                    </div>
                    <button type="submit" className="button button--secondary button--small">
                      {t({ id: 'coordination.save_review', defaultMessage: 'Save review' })}<span className="visually-hidden"> {t({ id: 'coordination.of_and', defaultMessage: 'of {title} and {title2}' }, { title: p.a.title, title2: p.b.title })}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          </section>
        )
      })}
      <Pagination page={filters.page} pageCount={pages} />
    </>
  )
}
