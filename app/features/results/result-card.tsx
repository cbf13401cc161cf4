import { useMemo } from 'react'
import type { Comparison, Dimension, ImpactRecord } from './impact'
import type { Breakdown } from './disclosure'
import { NOT_RECORDED } from './conventions'
import { designSentence, didSentence, EFFECT_LABELS, isOptionItem, formatChange, formatEstimate, formatP, methodLabel, resultSentence, warningsOf } from './impact-words'
import { SEXES, WAVE_GROUPS, type QuestionType } from '../../shared/taxonomy/taxonomy'
import { ResultChart } from './result-chart'

type Question = { code: string; text: string; type: QuestionType; min: number | null; max: number | null }
type Props = { question: Question; records: ImpactRecord[]; breakdowns: Breakdown[]; threshold: number }

const DIMENSION_LABELS: Record<Dimension, string> = { sex: 'Sex', age_band: 'Age band', locality: 'Locality' }
const LATER_LABELS: Record<Exclude<Comparison, 'baseline_endline'>, string> = {
  baseline_follow_up: 'Did it last? Baseline to follow-up',
  endline_follow_up: 'Since the campaign ended: endline to follow-up',
}
const cellLabel = (dimension: Dimension, value: string) =>
  value === NOT_RECORDED ? 'Not recorded' : dimension === 'sex' && SEXES.codes.includes(value as never) ? SEXES.label(value as never) : value

const interval = (r: ImpactRecord, low: number | null, high: number | null) => (low === null || high === null ? '—' : `${formatEstimate(r.type, low)} to ${formatEstimate(r.type, high)}`)
const changeInterval = (r: ImpactRecord) => (r.changeLow === null || r.changeHigh === null ? '—' : `${formatChange(r.type, r.changeLow)} to ${formatChange(r.type, r.changeHigh)}`)

/** One question's result: the sentence, the warnings, the bars with their intervals, the numbers, the method. */
export function ResultCard({ question, records: all, breakdowns, threshold }: Props) {
  // The campaign's effect (baseline to endline) is the card; a follow-up, if surveyed, says whether it lasted.
  const records = useMemo(() => all.filter((r) => r.comparison === 'baseline_endline'), [all])
  const later = all.filter((r) => r.comparison !== 'baseline_endline' && r.group === 'campaign')
  const groups = records.filter((r) => r.group !== 'campaign_vs_comparison')
  const did = records.find((r) => r.group === 'campaign_vs_comparison')
  const main = groups.find((r) => r.group === 'campaign') ?? groups[0]
  // The chart redraws only when the loader's records change.
  const bars = useMemo(
    () =>
      records
        .filter((r) => r.group !== 'campaign_vs_comparison')
        .map((r) => ({ label: WAVE_GROUPS.label(r.group as 'campaign'), pre: r.pre, preLow: r.preLow, preHigh: r.preHigh, post: r.post, postLow: r.postLow, postHigh: r.postHigh })),
    [records],
  )
  if (!main) return null
  const id = `result-${question.code}`
  const percent = main.type === 'binary'
  const warnings = [...new Set(records.flatMap(warningsOf))]
  const sentence = resultSentence(main, question.text)
  return (
    <section className="result" aria-labelledby={id}>
      <h2 id={id}>
        {question.text} <span className="muted result__code">{question.code}</span>
      </h2>
      <p className="result__sentence">{sentence}</p>
      {designSentence(main) ? <p className="result__design">{designSentence(main)}</p> : null}
      {did ? <p className="result__sentence">{didSentence(did)}</p> : null}
      {warnings.length ? (
        <div className="notice notice--warning">
          <p>
            <strong>Read with care</strong>
          </p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="result__body">
        <ResultChart
          description={`Bar chart of ${question.text}: baseline and endline with 95% confidence intervals. ${sentence}`}
          bars={bars}
          percent={percent}
          min={question.type === 'likert' ? 1 : question.min}
          max={question.type === 'likert' ? 5 : question.max}
        />
        <div className="table-wrap" role="region" aria-label={`Numbers for ${question.code}`} tabIndex={0}>
          <table>
            <caption>{isOptionItem(question.code) ? 'Share choosing this option' : percent ? 'Share giving the desired answer' : 'Mean answer'}, with 95% confidence intervals</caption>
            <thead>
              <tr>
                <th scope="col">Group</th>
                <th scope="col">Wave</th>
                <th scope="col">{percent ? 'Share' : 'Mean'}</th>
                <th scope="col">95% CI</th>
                <th scope="col">n</th>
              </tr>
            </thead>
            <tbody>
              {groups.flatMap((r) => [
                ...(['pre', 'post'] as const).map((wave) => (
                  <tr key={`${r.group}-${wave}`}>
                    <th scope="row">{WAVE_GROUPS.label(r.group as 'campaign')}</th>
                    <td>{wave === 'pre' ? 'Baseline' : 'Endline'}</td>
                    <td>{formatEstimate(r.type, r[wave])}</td>
                    <td>{interval(r, r[`${wave}Low`], r[`${wave}High`])}</td>
                    <td>{wave === 'pre' ? r.nPre : r.nPost}</td>
                  </tr>
                )),
                <tr key={`${r.group}-change`}>
                  <th scope="row">{WAVE_GROUPS.label(r.group as 'campaign')}</th>
                  <td>Change</td>
                  <td>
                    {formatChange(r.type, r.change)}
                    {percent && r.change !== null ? ' points' : ''}
                  </td>
                  <td>{changeInterval(r)}</td>
                  <td>{r.nPairs !== null ? `${r.nPairs} pairs` : `${r.nPre} + ${r.nPost}`}</td>
                </tr>,
              ])}
              {did ? (
                <tr>
                  <th scope="row">Campaign − comparison</th>
                  <td>Difference in differences</td>
                  <td>{formatChange(did.type, did.change)}</td>
                  <td>{changeInterval(did)}</td>
                  <td>
                    {did.nCampaign} campaign + {did.nComparison} comparison{did.nPairs !== null ? ' pairs' : ''}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        {groups
          .filter((r) => r.nPairs !== null && (r.answeredPre !== r.nPairs || r.answeredPost !== r.nPairs))
          .map((r) => (
            <p key={r.group} className="muted">
              {WAVE_GROUPS.label(r.group as 'campaign')}: the figures rest on the {r.nPairs} respondents who answered at both waves; {r.answeredPre} answered at baseline and {r.answeredPost} at endline.
            </p>
          ))}
      </div>
      <details className="details">
        <summary>How this was computed</summary>
        <dl className="summary-list">
          {records.map((r) => (
            <MethodRows key={r.group} record={r} />
          ))}
        </dl>
      </details>
      {later.length ? (
        <div>
          {/* Not a landmark: every card has one, under the same heading. */}
          <h3>After the campaign: the follow-up</h3>
          <ul>
            {later.map((r) => (
              <li key={r.comparison}>
                <strong>{LATER_LABELS[r.comparison as Exclude<Comparison, 'baseline_endline'>]}:</strong> {resultSentence(r, question.text)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {breakdowns.length ? <Breakdowns breakdowns={breakdowns} threshold={threshold} /> : null}
    </section>
  )
}

function MethodRows({ record: r }: { record: ImpactRecord }) {
  const who = r.group === 'campaign_vs_comparison' ? 'Difference in differences' : WAVE_GROUPS.label(r.group)
  const test = [
    methodLabel(r.method),
    r.statistic !== null ? `statistic ${r.statistic.toFixed(3)}` : null,
    r.df !== null ? `df ${Number.isInteger(r.df) ? r.df : r.df.toFixed(1)}` : null,
    r.pValue !== null ? formatP(r.pValue) : 'no p-value',
  ]
    .filter(Boolean)
    .join(', ')
  return (
    <>
      <dt>{who}</dt>
      <dd>
        {test}
        {r.changeCiMethod && r.changeCiMethod !== r.method ? `; interval: ${methodLabel(r.changeCiMethod)}` : ''}
        {r.effectSize !== null && r.effectSizeName ? `; ${EFFECT_LABELS[r.effectSizeName] ?? r.effectSizeName} ${r.effectSize.toFixed(2)}` : ''}
        {r.hedgesG !== null ? `, Hedges’ g ${r.hedgesG.toFixed(2)}` : ''}
        {r.deffChange !== null ? `; design effect of the change ${r.deffChange.toFixed(2)}` : ''}
        {r.rankMethod ? `; ${methodLabel(r.rankMethod)}${r.rankPValue !== null ? `, ${formatP(r.rankPValue)}` : ': not computable'}` : ''}
        {r.notes.length ? <span className="task-list__summary">{r.notes.join('; ')}</span> : null}
      </dd>
    </>
  )
}

function Breakdowns({ breakdowns, threshold }: { breakdowns: Breakdown[]; threshold: number }) {
  return (
    <details className="details">
      <summary>Breakdown by {breakdowns.map((b) => DIMENSION_LABELS[b.dimension].toLowerCase()).join(', ')}</summary>
      {breakdowns.map((b) =>
        b.cells.length === 0 ? (
          <p key={b.dimension}>
            Not broken down by {DIMENSION_LABELS[b.dimension].toLowerCase()}: fewer than {threshold} people answered at a wave.
          </p>
        ) : (
        <div key={b.dimension} className="table-wrap" role="region" aria-label={`${DIMENSION_LABELS[b.dimension]} breakdown of ${b.question}`} tabIndex={0}>
          <table>
            <caption>Campaign group by {DIMENSION_LABELS[b.dimension].toLowerCase()}</caption>
            <thead>
              <tr>
                <th scope="col">{DIMENSION_LABELS[b.dimension]}</th>
                <th scope="col">Baseline</th>
                <th scope="col">Endline</th>
                <th scope="col">Change (95% CI)</th>
                <th scope="col">n</th>
              </tr>
            </thead>
            <tbody>
              {b.cells.map((c) => (
                <tr key={c.value}>
                  <th scope="row">{cellLabel(b.dimension, c.value)}</th>
                  {c.record ? (
                    <>
                      <td>{formatEstimate(c.record.type, c.record.pre)}</td>
                      <td>{formatEstimate(c.record.type, c.record.post)}</td>
                      <td>
                        {formatChange(c.record.type, c.record.change)} ({changeInterval(c.record)})
                      </td>
                      <td>{c.n}</td>
                    </>
                  ) : (
                    <td colSpan={4}>Withheld: fewer than {threshold} respondents, or a cell that would reveal one</td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        ),
      )}
    </details>
  )
}
