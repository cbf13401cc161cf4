import { useMemo } from 'react'
import type { Comparison, Dimension, ImpactRecord } from './impact'
import type { Breakdown } from './disclosure'
import { NOT_RECORDED } from './conventions'
import { designSentence, didSentence, EFFECT_LABELS, isOptionItem, formatChange, formatEstimate, formatP, methodLabel, resultSentence, warningsOf } from './impact-words'
import { SEXES, WAVE_GROUPS, type QuestionType } from '../../shared/taxonomy/taxonomy'
import { ResultChart } from './result-chart'
import { noteWords } from './note-words'
import { currentTranslator, defineMessages, tr, useT } from '../../shared/i18n'

type Question = { code: string; text: string; type: QuestionType; min: number | null; max: number | null; lang?: string | null }
type Props = { question: Question; records: ImpactRecord[]; breakdowns: Breakdown[]; threshold: number }

const DIMENSION_LABELS = defineMessages({
  sex: { id: 'results.dimensions.sex', defaultMessage: 'Sex' },
  age_band: { id: 'results.dimensions.age_band', defaultMessage: 'Age band' },
  locality: { id: 'results.dimensions.locality', defaultMessage: 'Locality' },
}) satisfies Record<Dimension, unknown>
const LATER_LABELS = defineMessages({
  baseline_follow_up: { id: 'results.later.baseline_follow_up', defaultMessage: 'Did it last? Baseline to follow-up' },
  endline_follow_up: { id: 'results.later.endline_follow_up', defaultMessage: 'Since the campaign ended: endline to follow-up' },
}) satisfies Record<Exclude<Comparison, 'baseline_endline'>, unknown>

const m = defineMessages({
  notRecorded: { id: 'results.not_recorded', defaultMessage: 'Not recorded' },
  range: { id: 'results.range', defaultMessage: '{low} to {high}' },
  chartDescription: { id: 'results.chart_description', defaultMessage: 'Bar chart of {question}: baseline and endline with 95% confidence intervals. {sentence}' },
  numbersFor: { id: 'results.numbers_for', defaultMessage: 'Numbers for {code}' },
  caption: {
    id: 'results.numbers_caption',
    defaultMessage: '{kind, select, option {Share choosing this option} binary {Share giving the desired answer} other {Mean answer}}, with 95% confidence intervals',
  },
  share: { id: 'results.share', defaultMessage: 'Share' },
  mean: { id: 'results.mean', defaultMessage: 'Mean' },
  baseline: { id: 'results.baseline', defaultMessage: 'Baseline' },
  endline: { id: 'results.endline', defaultMessage: 'Endline' },
  points: { id: 'results.points', defaultMessage: '{change} points' },
  pairs: { id: 'results.pairs', defaultMessage: '{pairs, plural, one {# pair} other {# pairs}}' },
  didN: { id: 'results.did_n', defaultMessage: '{pairs, select, yes {{campaign, number} campaign + {comparison, number} comparison pairs} other {{campaign, number} campaign + {comparison, number} comparison}}' },
  did: { id: 'results.result_card.difference_in_differences', defaultMessage: 'Difference in differences' },
  statistic: { id: 'results.method.statistic', defaultMessage: 'statistic {value}' },
  df: { id: 'results.method.df', defaultMessage: 'df {value}' },
  noP: { id: 'results.method.no_p', defaultMessage: 'no p-value' },
  interval: { id: 'results.method.interval', defaultMessage: '; interval: {method}' },
  hedges: { id: 'results.method.hedges', defaultMessage: ', Hedges’ g {value}' },
  deff: { id: 'results.method.deff', defaultMessage: '; design effect of the change {value}' },
  rankNotComputable: { id: 'results.method.rank_not_computable', defaultMessage: '{method}: not computable' },
  breakdownLabel: { id: 'results.breakdown_label', defaultMessage: '{dimension} breakdown of {question}' },
})

const cellLabel = (dimension: Dimension, value: string) =>
  value === NOT_RECORDED ? tr(m.notRecorded) : dimension === 'sex' && SEXES.codes.includes(value as never) ? tr(SEXES.message(value as never)) : value

const interval = (r: ImpactRecord, low: number | null, high: number | null) =>
  low === null || high === null ? '—' : tr(m.range, { low: formatEstimate(r.type, low), high: formatEstimate(r.type, high) })
const changeInterval = (r: ImpactRecord) =>
  r.changeLow === null || r.changeHigh === null ? '—' : tr(m.range, { low: formatChange(r.type, r.changeLow), high: formatChange(r.type, r.changeHigh) })
const fixed = (value: number, digits: number) => currentTranslator().number(value, { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** One question's result: the sentence, the warnings, the bars with their intervals, the numbers, the method. */
export function ResultCard({ question, records: all, breakdowns, threshold }: Props) {
  const { t } = useT()
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
        .map((r) => ({ label: t(WAVE_GROUPS.message(r.group as 'campaign')), pre: r.pre, preLow: r.preLow, preHigh: r.preHigh, post: r.post, postLow: r.postLow, postHigh: r.postHigh })),
    [records, t],
  )
  if (!main) return null
  const id = `result-${question.code}`
  const percent = main.type === 'binary'
  const warnings = [...new Set(records.flatMap(warningsOf))]
  const sentence = resultSentence(main, question.text)
  return (
    <section className="result" aria-labelledby={id}>
      <h2 id={id}>
        <span lang={question.lang ?? undefined}>{question.text}</span> <span className="muted result__code">{question.code}</span>
      </h2>
      <p className="result__sentence">{sentence}</p>
      {designSentence(main) ? <p className="result__design">{designSentence(main)}</p> : null}
      {did ? <p className="result__sentence">{didSentence(did)}</p> : null}
      {warnings.length ? (
        <div className="notice notice--warning">
          <p>
            <strong>{t({ id: 'results.result_card.read_with_care', defaultMessage: 'Read with care' })}</strong>
          </p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{noteWords(w)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="result__body">
        <ResultChart
          description={t(m.chartDescription, { question: question.text, sentence })}
          bars={bars}
          percent={percent}
          min={question.type === 'likert' ? 1 : question.min}
          max={question.type === 'likert' ? 5 : question.max}
        />
        <div className="table-wrap" role="region" aria-label={t(m.numbersFor, { code: question.code })} tabIndex={0}>
          <table>
            <caption>{t(m.caption, { kind: isOptionItem(question.code) ? 'option' : percent ? 'binary' : 'mean' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t({ id: 'results.result_card.group', defaultMessage: 'Group' })}</th>
                <th scope="col">{t({ id: 'results.result_card.wave', defaultMessage: 'Wave' })}</th>
                <th scope="col">{t(percent ? m.share : m.mean)}</th>
                <th scope="col">{t({ id: 'results.result_card.95_ci', defaultMessage: '95% CI' })}</th>
                <th scope="col">n</th>
              </tr>
            </thead>
            <tbody>
              {groups.flatMap((r) => [
                ...(['pre', 'post'] as const).map((wave) => (
                  <tr key={`${r.group}-${wave}`}>
                    <th scope="row">{t(WAVE_GROUPS.message(r.group as 'campaign'))}</th>
                    <td>{t(wave === 'pre' ? m.baseline : m.endline)}</td>
                    <td>{formatEstimate(r.type, r[wave])}</td>
                    <td>{interval(r, r[`${wave}Low`], r[`${wave}High`])}</td>
                    <td>{wave === 'pre' ? r.nPre : r.nPost}</td>
                  </tr>
                )),
                <tr key={`${r.group}-change`}>
                  <th scope="row">{t(WAVE_GROUPS.message(r.group as 'campaign'))}</th>
                  <td>{t({ id: 'results.result_card.change', defaultMessage: 'Change' })}</td>
                  <td>
                    {percent && r.change !== null ? t(m.points, { change: formatChange(r.type, r.change) }) : formatChange(r.type, r.change)}
                  </td>
                  <td>{changeInterval(r)}</td>
                  <td>{r.nPairs !== null ? t(m.pairs, { pairs: r.nPairs }) : `${r.nPre} + ${r.nPost}`}</td>
                </tr>,
              ])}
              {did ? (
                <tr>
                  <th scope="row">{t({ id: 'results.result_card.campaign_comparison', defaultMessage: 'Campaign − comparison' })}</th>
                  <td>{t({ id: 'results.result_card.difference_in_differences', defaultMessage: 'Difference in differences' })}</td>
                  <td>{formatChange(did.type, did.change)}</td>
                  <td>{changeInterval(did)}</td>
                  <td>
                    {t(m.didN, { campaign: did.nCampaign ?? 0, comparison: did.nComparison ?? 0, pairs: did.nPairs !== null ? 'yes' : 'no' })}
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
              {t(
                {
                  id: 'results.result_card.figures_rest_on',
                  defaultMessage:
                    '{group}: the figures rest on the {pairs, plural, one {# respondent} other {# respondents}} who answered at both waves; {pre, number} answered at baseline and {post, number} at endline.',
                },
                { group: t(WAVE_GROUPS.message(r.group as 'campaign')), pairs: r.nPairs ?? 0, pre: r.answeredPre, post: r.answeredPost },
              )}
            </p>
          ))}
      </div>
      <details className="details">
        <summary>{t({ id: 'results.result_card.how_this_was_computed', defaultMessage: 'How this was computed' })}</summary>
        <dl className="summary-list">
          {records.map((r) => (
            <MethodRows key={r.group} record={r} />
          ))}
        </dl>
      </details>
      {later.length ? (
        <div>
          {/* Not a landmark: every card has one, under the same heading. */}
          <h3>{t({ id: 'results.result_card.after_the_campaign_the_follow_up', defaultMessage: 'After the campaign: the follow-up' })}</h3>
          <ul>
            {later.map((r) => (
              <li key={r.comparison}>
                <strong>{t(LATER_LABELS[r.comparison as Exclude<Comparison, 'baseline_endline'>])}:</strong> {resultSentence(r, question.text)}
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
  const { t } = useT()
  const who = r.group === 'campaign_vs_comparison' ? t(m.did) : t(WAVE_GROUPS.message(r.group))
  const test = [
    methodLabel(r.method),
    r.statistic !== null ? t(m.statistic, { value: fixed(r.statistic, 3) }) : null,
    r.df !== null ? t(m.df, { value: fixed(r.df, Number.isInteger(r.df) ? 0 : 1) }) : null,
    r.pValue !== null ? formatP(r.pValue) : t(m.noP),
  ]
    .filter(Boolean)
    .join(', ')
  return (
    <>
      <dt>{who}</dt>
      <dd>
        {test}
        {r.changeCiMethod && r.changeCiMethod !== r.method ? t(m.interval, { method: methodLabel(r.changeCiMethod) }) : ''}
        {r.effectSize !== null && r.effectSizeName ? `; ${EFFECT_LABELS[r.effectSizeName] ? t(EFFECT_LABELS[r.effectSizeName]!) : r.effectSizeName} ${fixed(r.effectSize, 2)}` : ''}
        {r.hedgesG !== null ? t(m.hedges, { value: fixed(r.hedgesG, 2) }) : ''}
        {r.deffChange !== null ? t(m.deff, { value: fixed(r.deffChange, 2) }) : ''}
        {r.rankMethod ? `; ${r.rankPValue !== null ? `${methodLabel(r.rankMethod)}, ${formatP(r.rankPValue)}` : t(m.rankNotComputable, { method: methodLabel(r.rankMethod) })}` : ''}
        {r.notes.length ? <span className="task-list__summary">{r.notes.map(noteWords).join('; ')}</span> : null}
      </dd>
    </>
  )
}

function Breakdowns({ breakdowns, threshold }: { breakdowns: Breakdown[]; threshold: number }) {
  const i18n = useT()
  const { t } = i18n
  return (
    <details className="details">
      <summary>
        {t({ id: 'results.result_card.breakdown_by', defaultMessage: 'Breakdown by {dimensions}' }, { dimensions: i18n.list(breakdowns.map((b) => t(DIMENSION_LABELS[b.dimension]).toLocaleLowerCase(i18n.locale))) })}
      </summary>
      {breakdowns.map((b) =>
        b.cells.length === 0 ? (
          <p key={b.dimension}>
            {t(
              { id: 'results.result_card.not_broken_down', defaultMessage: 'Not broken down by {dimension}: fewer than {threshold, plural, one {# person} other {# people}} answered at a wave.' },
              { dimension: t(DIMENSION_LABELS[b.dimension]).toLocaleLowerCase(i18n.locale), threshold },
            )}
          </p>
        ) : (
        <div key={b.dimension} className="table-wrap" role="region" aria-label={t(m.breakdownLabel, { dimension: t(DIMENSION_LABELS[b.dimension]), question: b.question })} tabIndex={0}>
          <table>
            <caption>{t({ id: 'results.result_card.campaign_group_by', defaultMessage: 'Campaign group by {dimension}' }, { dimension: t(DIMENSION_LABELS[b.dimension]).toLocaleLowerCase(i18n.locale) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t(DIMENSION_LABELS[b.dimension])}</th>
                <th scope="col">{t({ id: 'results.result_card.baseline', defaultMessage: 'Baseline' })}</th>
                <th scope="col">{t({ id: 'results.result_card.endline', defaultMessage: 'Endline' })}</th>
                <th scope="col">{t({ id: 'results.result_card.change_95_ci', defaultMessage: 'Change (95% CI)' })}</th>
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
                    <td colSpan={4}>
                      {t(
                        { id: 'results.result_card.withheld', defaultMessage: 'Withheld: fewer than {threshold, plural, one {# respondent} other {# respondents}}, or a cell that would reveal one' },
                        { threshold },
                      )}
                    </td>
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
