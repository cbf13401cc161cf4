import type { AnalysedType, ImpactRecord } from './impact'
import { ALPHA } from './conventions'
import { reasonWords } from './note-words'
import { currentTranslator, defineMessages, tr, type Message } from '../../shared/i18n'

// An analysis in words a programme officer can read: one
// sentence per result, the method named, never a p-value without its n, and
// the plain warning where a result is fragile or not computable.

export const METHOD_LABELS = defineMessages({
  mcnemar_exact: { id: 'results.methods.mcnemar_exact', defaultMessage: 'McNemar exact test' },
  mcnemar_cc: { id: 'results.methods.mcnemar_cc', defaultMessage: 'McNemar test with continuity correction' },
  prop_test_nocc: { id: 'results.methods.prop_test_nocc', defaultMessage: 'chi-square test' },
  fisher_exact: { id: 'results.methods.fisher_exact', defaultMessage: 'Fisher’s exact test' },
  paired_t: { id: 'results.methods.paired_t', defaultMessage: 'paired t-test' },
  welch_t: { id: 'results.methods.welch_t', defaultMessage: 'Welch t-test' },
  did_ols_robust_HC2: { id: 'results.methods.did_ols_robust_HC2', defaultMessage: 'difference in differences, robust standard error' },
  did_panel_welch_t: { id: 'results.methods.did_panel_welch_t', defaultMessage: 'difference in differences, Welch t-test on each respondent’s change' },
  'wilcoxon_sr_default_R4.2': { id: 'results.methods.wilcoxon_sr', defaultMessage: 'Wilcoxon signed-rank test' },
  'mann_whitney_default_R4.2': { id: 'results.methods.mann_whitney', defaultMessage: 'Mann–Whitney test' },
  svyglm_change: { id: 'results.methods.svyglm_change', defaultMessage: 'design-based t-test (survey regression)' },
  svymean_paired_change: { id: 'results.methods.svymean_paired_change', defaultMessage: 'design-based paired t-test' },
  svyglm_did: { id: 'results.methods.svyglm_did', defaultMessage: 'difference in differences, design-based' },
  paired_diff_newcombe_ci: { id: 'results.methods.paired_diff_newcombe_ci', defaultMessage: 'Newcombe’s interval for paired proportions' },
  newcombe_hybrid_score_ci: { id: 'results.methods.newcombe_hybrid_score_ci', defaultMessage: 'Newcombe’s hybrid score interval' },
}) as Record<string, Message>
export const EFFECT_LABELS = defineMessages({
  cohens_h: { id: 'results.effects.cohens_h', defaultMessage: 'Cohen’s h' },
  cohens_d: { id: 'results.effects.cohens_d', defaultMessage: 'Cohen’s d' },
  cohens_dz: { id: 'results.effects.cohens_dz', defaultMessage: 'Cohen’s d_z' },
}) as Record<string, Message>

const m = defineMessages({
  beyondChance: { id: 'results.beyond_chance', defaultMessage: '{beyond, select, yes {Yes} other {No}}, {p}' },
  beyondChanceMethod: { id: 'results.beyond_chance_method', defaultMessage: '{beyond, select, yes {Yes} other {No}}, {p} ({method})' },
  pBelow: { id: 'results.p_below', defaultMessage: 'p < {p}' },
  pEquals: { id: 'results.p_equals', defaultMessage: 'p = {p}' },
  pairedGroups: {
    id: 'results.sample.paired_groups',
    defaultMessage: '{campaign, plural, one {# matched respondent} other {# matched respondents}} in the campaign group and {comparison, number} in the comparison group',
  },
  groups: {
    id: 'results.sample.groups',
    defaultMessage: '{campaign, plural, one {# respondent} other {# respondents}} in the campaign group and {comparison, number} in the comparison group',
  },
  pairs: { id: 'results.sample.pairs', defaultMessage: '{pairs, plural, one {# matched respondent} other {# matched respondents}}' },
  prePost: { id: 'results.sample.pre_post', defaultMessage: '{pre, plural, one {# respondent} other {# respondents}} before and {post, number} after' },
  subjectOption: { id: 'results.subject.option', defaultMessage: 'The share choosing “{question}”' },
  subjectBinary: { id: 'results.subject.binary', defaultMessage: 'The share giving the desired answer to “{question}”' },
  subjectMean: { id: 'results.subject.mean', defaultMessage: 'The mean answer to “{question}”' },
  noAnswers: { id: 'results.no_answers_to_compare', defaultMessage: 'there are no answers to compare' },
  cannotCompare: { id: 'results.cannot_compare', defaultMessage: '{subject} cannot be compared: {reason}.' },
  stayed: { id: 'results.stayed', defaultMessage: 'stayed at {from}' },
  rose: { id: 'results.rose', defaultMessage: 'rose from {from} to {to}' },
  fell: { id: 'results.fell', defaultMessage: 'fell from {from} to {to}' },
  change: { id: 'results.change', defaultMessage: '{type, select, binary {{change} points} other {{change}}}' },
  ci: { id: 'results.ci', defaultMessage: '95% CI {low} to {high}' },
  notComputable: { id: 'results.not_computable', defaultMessage: 'not computable' },
  noTest: { id: 'results.no_test', defaultMessage: 'no test was possible ({reason})' },
  test: { id: 'results.test', defaultMessage: '{method}, {p}' },
  effect: { id: 'results.effect', defaultMessage: '{name} = {size}' },
  chance: { id: 'results.chance', defaultMessage: 'The data cannot tell this change apart from no change.' },
  sentence: {
    id: 'results.sentence',
    defaultMessage: '{subject} {movement}{change, select, none {} other {, {change}}}{ci, select, none {} other { ({ci})}}; {test}, {sample}{effect, select, none {} other {; {effect}}}.',
  },
  cluster: { id: 'results.design.cluster', defaultMessage: 'Accounts for clustering by {unit}' },
  stratifiedCluster: { id: 'results.design.stratified_cluster', defaultMessage: 'Accounts for the strata and clustering by {unit}' },
  weighted: { id: 'results.design.weighted', defaultMessage: 'Accounts for the sampling weights' },
  clusterUnit: { id: 'results.design.cluster_unit', defaultMessage: 'cluster' },
  clusters: { id: 'results.design.clusters', defaultMessage: '{accounts} ({clusters, plural, one {# cluster} other {# clusters}})' },
  clustersWaves: {
    id: 'results.design.clusters_waves',
    defaultMessage: '{accounts} ({pre, plural, one {# cluster} other {# clusters}} at baseline, {post, number} at endline)',
  },
  noDeff: { id: 'results.design.no_deff', defaultMessage: '{accounts}; its design effect could not be estimated.' },
  lessCertain: {
    id: 'results.design.less_certain',
    defaultMessage:
      '{accounts}: design effect {deff}, so the change is only as certain as it would be from about {pairs, select, yes {{effective, plural, one {# pair} other {# pairs}}} other {{effective, plural, one {# respondent} other {# respondents}}}} drawn at random, not {n, number}.',
  },
  moreCertain: {
    id: 'results.design.more_certain',
    defaultMessage: '{accounts}: design effect {deff}, which makes the change a little more certain than a simple random sample of {n, number} would.',
  },
  didNone: { id: 'results.did.none', defaultMessage: 'No difference in differences: {reason}.' },
  did: {
    id: 'results.did.sentence',
    defaultMessage:
      'Compared with the comparison group, the campaign group’s change differed by {change}{ci, select, none {} other { ({ci})}}; {method}{p, select, none {} other {, {p}}}.',
  },
  didChance: { id: 'results.did.chance', defaultMessage: 'The data cannot tell this apart from no difference between the groups.' },
})

export const methodLabel = (method: string | null) => (method ? (METHOD_LABELS[method] ? tr(METHOD_LABELS[method]) : method) : '—')
const effectLabel = (name: string) => (EFFECT_LABELS[name] ? tr(EFFECT_LABELS[name]) : name)

/** "Yes, p < 0.001 (McNemar exact test)": whether a survey-measured change is more than chance; "—" without a test. */
export function beyondChance(pValue: number | null, method?: string | null): string {
  if (pValue === null) return '—'
  const beyond = pValue < ALPHA ? 'yes' : 'no'
  return method ? tr(m.beyondChanceMethod, { beyond, p: formatP(pValue), method: methodLabel(method) }) : tr(m.beyondChance, { beyond, p: formatP(pValue) })
}

const decimals = (value: number, digits: number, least = digits) =>
  currentTranslator().number(value, { minimumFractionDigits: least, maximumFractionDigits: digits, useGrouping: true })

export function formatP(p: number): string {
  if (p < 0.001) return tr(m.pBelow, { p: decimals(0.001, 3) })
  // Two significant places, the second dropped when it is a zero (0.5, 0.05, 0.021).
  return tr(m.pEquals, { p: p < 0.01 ? decimals(p, 3) : p < 0.1 ? decimals(p, 3, 2) : decimals(p, 2, 1) })
}

const signed = (x: string, value: number) => (value > 0 ? `+${x}` : value < 0 ? `−${x}` : x)

/** An estimate as shown: a percentage for a yes/no question, a mean with two decimals otherwise. */
export function formatEstimate(type: AnalysedType, value: number | null): string {
  if (value === null) return '—'
  return type === 'binary' ? currentTranslator().percent(value, 1) : decimals(value, 2)
}

/** A change as shown: percentage points for a yes/no question, with its sign. */
export function formatChange(type: AnalysedType, value: number | null): string {
  if (value === null) return '—'
  // One decimal, as for the percentages: whole points made 36% → 50% read as +13.
  const shown = type === 'binary' ? Number((value * 100).toFixed(1)) : Number(value.toFixed(2))
  return signed(decimals(Math.abs(shown), type === 'binary' ? 1 : 2), shown)
}

function sampleWords(r: ImpactRecord): string {
  if (r.nCampaign !== null && r.nComparison !== null) return tr(r.nPairs !== null ? m.pairedGroups : m.groups, { campaign: r.nCampaign, comparison: r.nComparison })
  if (r.nPairs !== null) return tr(m.pairs, { pairs: r.nPairs })
  return tr(m.prePost, { pre: r.nPre, post: r.nPost })
}

const ciOf = (r: ImpactRecord) => (r.changeLow === null || r.changeHigh === null ? 'none' : tr(m.ci, { low: formatChange(r.type, r.changeLow), high: formatChange(r.type, r.changeHigh) }))

/**
 * "Those who know the hotline number rose from 42% to 67%, +25 points (95% CI
 * +6 to +42); McNemar exact test, p = 0.021, 40 matched respondents."
 */
export function resultSentence(r: ImpactRecord, question: string): string {
  // "heard_from/radio": one option of a multiple-choice question, read as chosen or not.
  const subject = tr(isOptionItem(r.question) ? m.subjectOption : r.type === 'binary' ? m.subjectBinary : m.subjectMean, { question })
  if (r.pre === null || r.post === null) return tr(m.cannotCompare, { subject, reason: notComputable(r) ?? tr(m.noAnswers) })
  const [from, to] = [formatEstimate(r.type, r.pre), formatEstimate(r.type, r.post)]
  const movement = from === to ? tr(m.stayed, { from }) : tr(r.post > r.pre ? m.rose : m.fell, { from, to })
  const change = r.change === null ? 'none' : tr(m.change, { type: r.type, change: formatChange(r.type, r.change) })
  const test = r.pValue === null ? tr(m.noTest, { reason: notComputable(r) ?? tr(m.notComputable) }) : tr(m.test, { method: methodLabel(r.method), p: formatP(r.pValue) })
  const effect = r.effectSize === null || r.effectSizeName === null ? 'none' : tr(m.effect, { name: effectLabel(r.effectSizeName), size: decimals(r.effectSize, 2) })
  const sentence = tr(m.sentence, { subject, movement, change, ci: ciOf(r), test, sample: sampleWords(r), effect })
  return r.pValue !== null && r.pValue >= ALPHA ? `${sentence} ${tr(m.chance)}` : sentence
}

/**
 * What the sample's design does to certainty, in words: "Accounts for
 * clustering by village (10 clusters at baseline, 10 at endline): design
 * effect 1.8, so the change is as certain as from 167 respondents drawn at
 * random." Null for a simple random (or undeclared) sample.
 */
export function designSentence(r: ImpactRecord): string | null {
  if (r.sampling === null || r.sampling === 'simple_random') return null
  const unit = r.clusterUnit ?? tr(m.clusterUnit)
  const base = tr(r.sampling === 'cluster' ? m.cluster : r.sampling === 'stratified_cluster' ? m.stratifiedCluster : m.weighted, { unit })
  const accounts =
    r.sampling === 'weighted' || r.clustersPre === null
      ? base
      : r.nPairs !== null
        ? tr(m.clusters, { accounts: base, clusters: r.clustersPre })
        : tr(m.clustersWaves, { accounts: base, pre: r.clustersPre, post: r.clustersPost ?? 0 })
  if (r.deffChange === null) return tr(m.noDeff, { accounts })
  const n = r.nPairs ?? r.nPre + r.nPost
  const deff = decimals(r.deffChange, 1)
  return r.deffChange >= 1
    ? tr(m.lessCertain, { accounts, deff, pairs: r.nPairs !== null ? 'yes' : 'no', effective: Math.round(n / r.deffChange), n })
    : tr(m.moreCertain, { accounts, deff, n })
}

/** Whether a result is one option of a multiple-choice question (its item is named question/option). */
export const isOptionItem = (question: string) => question.includes('/')

/** "Compared with the comparison group, the campaign group’s change was +10.0 points larger (95% CI …)". */
export function didSentence(r: ImpactRecord): string {
  if (r.change === null) return tr(m.didNone, { reason: notComputable(r) ?? tr(m.notComputable) })
  const sentence = tr(m.did, {
    change: tr(m.change, { type: r.type, change: formatChange(r.type, r.change) }),
    ci: ciOf(r),
    method: methodLabel(r.method),
    p: r.pValue === null ? 'none' : formatP(r.pValue),
  })
  return r.pValue !== null && r.pValue >= ALPHA ? `${sentence} ${tr(m.didChance)}` : sentence
}

function notComputable(r: ImpactRecord): string | null {
  const note = r.notes.find((n) => n.startsWith('not computable: '))
  return note ? reasonWords(note.slice('not computable: '.length)) : null
}

/** The notes a reader must not miss: fragile, attrition, not computable. */
export const warningsOf = (r: ImpactRecord) => r.notes.filter((n) => /^(fragile|panel attrition|not computable)/.test(n) || / not computable: /.test(n))
