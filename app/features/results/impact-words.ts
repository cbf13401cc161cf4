import type { AnalysedType, ImpactRecord } from './impact'
import { ALPHA } from './conventions'

// An analysis in words a programme officer can read: one
// sentence per result, the method named, never a p-value without its n, and
// the plain warning where a result is fragile or not computable.

export const METHOD_LABELS: Record<string, string> = {
  mcnemar_exact: 'McNemar exact test',
  mcnemar_cc: 'McNemar test with continuity correction',
  prop_test_nocc: 'chi-square test',
  fisher_exact: 'Fisher’s exact test',
  paired_t: 'paired t-test',
  welch_t: 'Welch t-test',
  did_ols_robust_HC2: 'difference in differences, robust standard error',
  did_panel_welch_t: 'difference in differences, Welch t-test on each respondent’s change',
  'wilcoxon_sr_default_R4.2': 'Wilcoxon signed-rank test',
  'mann_whitney_default_R4.2': 'Mann–Whitney test',
  svyglm_change: 'design-based t-test (survey regression)',
  svymean_paired_change: 'design-based paired t-test',
  svyglm_did: 'difference in differences, design-based',
  paired_diff_newcombe_ci: 'Newcombe’s interval for paired proportions',
  newcombe_hybrid_score_ci: 'Newcombe’s hybrid score interval',
}
export const EFFECT_LABELS: Record<string, string> = { cohens_h: 'Cohen’s h', cohens_d: 'Cohen’s d', cohens_dz: 'Cohen’s d_z' }

export const methodLabel = (method: string | null) => (method ? (METHOD_LABELS[method] ?? method) : '—')

/** "Yes, p < 0.001 (McNemar exact test)": whether a survey-measured change is more than chance; "—" without a test. */
export function beyondChance(pValue: number | null, method?: string | null): string {
  if (pValue === null) return '—'
  return `${pValue < ALPHA ? 'Yes' : 'No'}, ${formatP(pValue)}${method ? ` (${methodLabel(method)})` : ''}`
}

export function formatP(p: number): string {
  if (p < 0.001) return 'p < 0.001'
  return `p = ${p < 0.01 ? p.toFixed(3) : p.toFixed(2 + (p < 0.1 ? 1 : 0)).replace(/0$/, '')}`
}

const signed = (x: string, value: number) => (value > 0 ? `+${x}` : value < 0 ? `−${x.replace('-', '')}` : x)

/** An estimate as shown: a percentage for a yes/no question, a mean with two decimals otherwise. */
export function formatEstimate(type: AnalysedType, value: number | null): string {
  if (value === null) return '—'
  return type === 'binary' ? `${(value * 100).toFixed(1)}%` : value.toFixed(2)
}

/** A change as shown: percentage points for a yes/no question, with its sign. */
export function formatChange(type: AnalysedType, value: number | null): string {
  if (value === null) return '—'
  // One decimal, as for the percentages: whole points made 36% → 50% read as +13.
  const shown = type === 'binary' ? Number((value * 100).toFixed(1)) : Number(value.toFixed(2))
  return signed(Math.abs(shown).toFixed(type === 'binary' ? 1 : 2), shown)
}

const unit = (type: AnalysedType) => (type === 'binary' ? ' points' : '')

function sampleWords(r: ImpactRecord): string {
  if (r.nCampaign !== null && r.nComparison !== null) {
    const what = r.nPairs !== null ? 'matched respondents' : 'respondents'
    return `${r.nCampaign} ${what} in the campaign group and ${r.nComparison} in the comparison group`
  }
  if (r.nPairs !== null) return `${r.nPairs} matched respondent${r.nPairs === 1 ? '' : 's'}`
  return `${r.nPre} respondents before and ${r.nPost} after`
}

/**
 * "Those who know the hotline number rose from 42% to 67%, +25 points (95% CI
 * +6 to +42); McNemar exact test, p = 0.021, 40 matched respondents."
 */
export function resultSentence(r: ImpactRecord, question: string): string {
  // "heard_from/radio": one option of a multiple-choice question, read as chosen or not.
  const subject = isOptionItem(r.question) ? `The share choosing “${question}”` : r.type === 'binary' ? `The share giving the desired answer to “${question}”` : `The mean answer to “${question}”`
  if (r.pre === null || r.post === null) return `${subject} cannot be compared: ${notComputable(r) ?? 'there are no answers to compare'}.`
  const [from, to] = [formatEstimate(r.type, r.pre), formatEstimate(r.type, r.post)]
  const verb = from === to ? `stayed at ${from}` : `${r.post > r.pre ? 'rose' : 'fell'} from ${from} to ${to}`
  const change = r.change === null ? '' : `, ${formatChange(r.type, r.change)}${unit(r.type)}`
  const ci = r.changeLow === null || r.changeHigh === null ? '' : ` (95% CI ${formatChange(r.type, r.changeLow)} to ${formatChange(r.type, r.changeHigh)})`
  const test = r.pValue === null ? `no test was possible (${notComputable(r) ?? 'not computable'})` : `${methodLabel(r.method)}, ${formatP(r.pValue)}`
  const effect = r.effectSize === null || r.effectSizeName === null ? '' : `; ${EFFECT_LABELS[r.effectSizeName] ?? r.effectSizeName} = ${r.effectSize.toFixed(2)}`
  const chance = r.pValue !== null && r.pValue >= ALPHA ? ' The data cannot tell this change apart from no change.' : ''
  return `${subject} ${verb}${change}${ci}; ${test}, ${sampleWords(r)}${effect}.${chance}`
}

const DESIGN_ACCOUNTS = {
  cluster: (unit: string | null) => `clustering by ${unit ?? 'cluster'}`,
  stratified_cluster: (unit: string | null) => `the strata and clustering by ${unit ?? 'cluster'}`,
  weighted: () => 'the sampling weights',
} as const

/**
 * What the sample's design does to certainty, in words: "Accounts for
 * clustering by village (10 clusters at baseline, 10 at endline): design
 * effect 1.8, so the change is as certain as from 167 respondents drawn at
 * random." Null for a simple random (or undeclared) sample.
 */
export function designSentence(r: ImpactRecord): string | null {
  if (r.sampling === null || r.sampling === 'simple_random') return null
  const accounts = `Accounts for ${DESIGN_ACCOUNTS[r.sampling](r.clusterUnit)}`
  const where =
    r.sampling === 'weighted' || r.clustersPre === null
      ? ''
      : r.nPairs !== null
        ? ` (${r.clustersPre} clusters)`
        : ` (${r.clustersPre} clusters at baseline, ${r.clustersPost} at endline)`
  if (r.deffChange === null) return `${accounts}${where}; its design effect could not be estimated.`
  const n = r.nPairs ?? r.nPre + r.nPost
  const effective = Math.round(n / r.deffChange)
  const what = r.deffChange >= 1 ? `so the change is only as certain as it would be from about ${effective.toLocaleString('en')} ${r.nPairs !== null ? 'pairs' : 'respondents'} drawn at random, not ${n.toLocaleString('en')}` : `which makes the change a little more certain than a simple random sample of ${n.toLocaleString('en')} would`
  return `${accounts}${where}: design effect ${r.deffChange.toFixed(1)}, ${what}.`
}

/** Whether a result is one option of a multiple-choice question (its item is named question/option). */
export const isOptionItem = (question: string) => question.includes('/')

/** "Compared with the comparison group, the campaign group’s change was +10.0 points larger (95% CI …)". */
export function didSentence(r: ImpactRecord): string {
  if (r.change === null) return `No difference in differences: ${notComputable(r) ?? 'not computable'}.`
  const ci = r.changeLow === null || r.changeHigh === null ? '' : ` (95% CI ${formatChange(r.type, r.changeLow)} to ${formatChange(r.type, r.changeHigh)})`
  const p = r.pValue === null ? '' : `, ${formatP(r.pValue)}`
  const chance = r.pValue !== null && r.pValue >= ALPHA ? ' The data cannot tell this apart from no difference between the groups.' : ''
  return `Compared with the comparison group, the campaign group’s change differed by ${formatChange(r.type, r.change)}${unit(r.type)}${ci}; ${methodLabel(r.method)}${p}.${chance}`
}

function notComputable(r: ImpactRecord): string | null {
  const note = r.notes.find((n) => n.startsWith('not computable: '))
  return note ? note.slice('not computable: '.length) : null
}

/** The notes a reader must not miss: fragile, attrition, not computable. */
export const warningsOf = (r: ImpactRecord) => r.notes.filter((n) => /^(fragile|panel attrition|not computable)/.test(n) || / not computable: /.test(n))
