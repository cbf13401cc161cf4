import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { CoverageTables, coordinationActionSchema, parsePairFilters, registryFilters } from '../features/coordination'
import { FilterDate, FilterSelect, Pagination } from '../shared/ui/filters'
import { COUNTRY_OPTIONS, termChoices } from '../shared/ui/options'
import { countryName } from '../shared/taxonomy/countries'
import { subdivisionsOf } from '../shared/taxonomy/subdivisions'
import { AUDIENCES } from '../shared/taxonomy/taxonomy'
import { coverageOf, listPairClusters, overlapSettingOf, PAIRS_PER_PAGE, reviewPair, setBufferDays } from '../features/coordination/index.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'

export const meta: MetaFunction = () => [{ title: 'Coordination – Lantern' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const filters = parsePairFilters(new URL(request.url).searchParams)
  const list = await listPairClusters(actor, filters)
  const coverage = filters.country ? await coverageOf(actor, filters.country, filters) : null
  const setting = filters.country ? overlapSettingOf(filters.country) : null
  const subdivisions = filters.country ? subdivisionsOf(filters.country).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` })) : []
  return { filters, ...list, firstIndex: (list.page - 1) * PAIRS_PER_PAGE + 1, coverage, setting, subdivisions }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const submission = parseWithZod(await readForm(request), { schema: coordinationActionSchema })
  if (submission.status !== 'success') {
    return data({ ok: false as const, message: Object.values(submission.error ?? {}).flat().join(' ') || 'Choose a verdict.' }, { status: 400 })
  }
  const input = submission.value
  if (input.intent === 'buffer') {
    await setBufferDays(actor, input.country, input.bufferDays)
    return { ok: true as const, message: `Periods up to ${input.bufferDays} day${input.bufferDays === 1 ? '' : 's'} apart now count as overlapping in ${countryName(input.country)}; the pairs have been recomputed.` }
  }
  await reviewPair(actor, input.campaignA, input.campaignB, input.verdict, input.note)
  return { ok: true as const, message: 'The review has been saved.' }
}

const VERDICTS = [
  { value: 'unreviewed', label: 'Unreviewed' },
  { value: 'complementary', label: 'Complementary: they reinforce each other' },
  { value: 'duplicate', label: 'Duplicate: the same work twice' },
  { value: 'resolved', label: 'Resolved: the organisations have agreed what to do' },
]
const VERDICT_LABEL = Object.fromEntries(VERDICTS.map((v) => [v.value, v.label.split(':')[0]]))
const LEVELS = { high: 'High', medium: 'Medium', low: 'Low' } as const
const LEVEL_OPTIONS = Object.entries(LEVELS).map(([value, label]) => ({ value, label }))

export default function Coordination() {
  const { filters, clusters, total, moreThanTotal, pages, firstIndex: first, coverage, setting, subdivisions } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const [search] = useSearchParams()
  const pairCount = clusters.reduce((n, c) => n + c.length, 0)
  return (
    <>
      <h1>Coordination</h1>
      <p className="lede">Campaigns of different organisations that reach the same people in the same place at the same time, grouped where they connect. Unless you choose dates, you see the 24 months around today.</p>
      {result ? (
        <div className={result.ok ? 'notice notice--success' : 'error-summary'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
        </div>
      ) : null}
      <Form method="get" className="filters" aria-label="Filter overlaps">
        <FilterSelect name="country" label="Country" options={COUNTRY_OPTIONS} value={filters.country} />
        {subdivisions.length ? <FilterSelect name="subdivision" label="Subdivision" options={subdivisions} value={filters.subdivision} /> : null}
        <FilterSelect name="audience" label="Shared audience" options={termChoices(AUDIENCES.terms)} value={filters.audience} />
        <FilterSelect name="level" label="Level" options={LEVEL_OPTIONS} value={filters.level} />
        <FilterSelect name="review" label="Review" options={VERDICTS.map((v) => ({ value: v.value, label: VERDICT_LABEL[v.value]! }))} value={filters.review} />
        <FilterDate name="from" label="From" value={filters.from} />
        <FilterDate name="to" label="To" value={filters.to} />
        <div className="field">
          <button type="submit" className="button button--secondary">Apply filters</button> <Link to="/coordination">Clear</Link>
        </div>
      </Form>
      <div className="actions">
        <a href={`/coordination.csv?${search}`} download>
          Download these pairs as CSV
        </a>
        <a href={`/campaigns.csv?${registryFilters(filters)}`} download>
          Download who does what, where and when{filters.country ? ` in ${filters.country}` : ''} (CSV)
        </a>
      </div>
      <p role="status">
        {total === 0
          ? 'No overlapping campaigns match.'
          : pages > 1
            ? `${moreThanTotal ? 'More than ' : ''}${total.toLocaleString('en')} overlapping pairs; pairs ${first.toLocaleString('en')}–${(first + pairCount - 1).toLocaleString('en')}, highest score first, in ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}.`
            : `${total} overlapping pair${total === 1 ? '' : 's'} in ${clusters.length} cluster${clusters.length === 1 ? '' : 's'}.`}
      </p>
      {setting && filters.country ? (
        <details className="details">
          <summary>Overlap buffer for {countryName(filters.country)}: {setting.bufferDays} day{setting.bufferDays === 1 ? '' : 's'}</summary>
          <Form method="post" className="buffer-form">
            <input type="hidden" name="intent" value="buffer" />
            <input type="hidden" name="country" value={filters.country} />
            <div className="field">
              <label className="field__label" htmlFor="buffer-days">Buffer in days</label>
              <p className="field__hint" id="buffer-days-hint">
                Campaigns whose periods are up to this many days apart also count as overlapping — audiences remember a campaign for a while after it ends.
                {setting.by ? ` Last set by ${setting.by} on ${setting.updatedAt!.slice(0, 10)}.` : ''}
              </p>
              <input id="buffer-days" name="bufferDays" type="number" min={0} max={90} step={1} inputMode="numeric" defaultValue={setting.bufferDays} className="input input--narrow" aria-describedby="buffer-days-hint" />
            </div>
            <button type="submit" className="button button--secondary">Save and recompute</button>
          </Form>
        </details>
      ) : null}
      {coverage ? <CoverageTables data={coverage} country={filters.country!} countryName={countryName(filters.country!)} /> : <p className="muted">Choose a country to see campaigns per subdivision and month, and who is reached where.</p>}
      {clusters.length ? <h2>Overlapping campaigns</h2> : null}
      {clusters.map((cluster, n) => {
        const campaignCount = new Set(cluster.flatMap((p) => [p.campaignA, p.campaignB])).size
        return (
          <section key={`${cluster[0]!.campaignA}-${cluster[0]!.campaignB}`} className="cluster" aria-labelledby={`cluster-${n}`}>
            <h3 id={`cluster-${n}`}>
              Cluster {n + 1}: {campaignCount} campaigns, {LEVELS[cluster[0]!.level]} overlap at most
            </h3>
            <ul className="overlaps">
              {cluster.map((p) => (
                <li key={`${p.campaignA}-${p.campaignB}`} className={`overlap overlap--${p.level}`}>
                  <span className={`tag tag--level-${p.level}`}>{LEVELS[p.level]} · score {p.score.toFixed(2)}</span>{' '}
                  <span className="tag">{VERDICT_LABEL[p.verdict]}</span>
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
                      <summary>Review history ({p.history.length})</summary>
                      <ol>
                        {p.history.map((h, k) => (
                          <li key={k}>
                            {h.at.slice(0, 16).replace('T', ' ')} · {h.by ?? 'A deleted user'}: {VERDICT_LABEL[h.verdict]}
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
                      <label className="field__label" htmlFor={`verdict-${p.campaignA}-${p.campaignB}`}>Verdict</label>
                      <select id={`verdict-${p.campaignA}-${p.campaignB}`} name="verdict" defaultValue={p.verdict} className="select">
                        {VERDICTS.map((v) => (
                          <option key={v.value} value={v.value}>{v.label}</option>
                        ))}
                      </select>
                    </div>
                    <div className="field">
                      <label className="field__label" htmlFor={`note-${p.campaignA}-${p.campaignB}`}>Note</label>
                      <textarea id={`note-${p.campaignA}-${p.campaignB}`} name="note" rows={2} className="input textarea" defaultValue="" />
                    </div>
                    <button type="submit" className="button button--secondary button--small">
                      Save review<span className="visually-hidden"> of {p.a.title} and {p.b.title}</span>
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
