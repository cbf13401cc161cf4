import { didCrossSection, didPanel, type DidResult } from './statistics/did'
import { independentEffect, meanInterval, pairedEffect, pairedT, welchT, type TTest } from './statistics/means'
import {
  cohensH,
  fisherExact,
  mcnemar,
  mcnemarExact,
  newcombeHybrid,
  newcombePaired,
  propTest,
  smallestExpected,
  wilson,
  type IndependentCounts,
  type PairedTable,
} from './statistics/proportions'
import { mannWhitney, wilcoxonSignedRank, type RankTest } from './statistics/ranks'
import type { DesignObservation } from './statistics/design'
import { crossSectionFigures, didFigures, panelFigures, type DesignFigures } from './impact-design'
import { SAMPLINGS, type Sampling } from '../../shared/taxonomy/taxonomy'
import { UNDECLARED_NOTE } from './conventions'
import { DID_GROUP, type Comparison, type Group, type ImpactRecord, type SurveyData, type SurveyQuestion, type SurveyRespondent, type Wave } from './impact-record'

// What changed between a survey's baseline and endline, per group and
// question (DESIGN.md §6): the one place that chooses the method, so the web
// page, its CSV and the command line say the same. Method names are those of
// ../shared/reference/expected.json. Every figure R could not compute is null,
// with a note saying why; nothing here returns NaN.

export * from './impact-record'

/** The waves each later comparison compares, as its "pre" and its "post". */
const LATER: Record<Exclude<Comparison, 'baseline_endline'>, readonly [Wave, Wave]> = { baseline_follow_up: ['baseline', 'follow_up'], endline_follow_up: ['endline', 'follow_up'] }
/** Below this many respondents a result is fragile (DESIGN.md §6). */
export const FRAGILE_N = 30
/** A panel that lost more than this share of its baseline respondents is flagged. */
export const ATTRITION_LIMIT = 0.2
/** McNemar's exact version below this many discordant pairs. */
export const EXACT_MCNEMAR_BELOW = 25

const EMPTY: Omit<ImpactRecord, 'question' | 'group' | 'design' | 'type' | 'nPre' | 'nPost' | 'answeredPre' | 'answeredPost' | 'nPairs' | 'notes'> = {
  comparison: 'baseline_endline',
  nCampaign: null,
  nComparison: null,
  sampling: null,
  clusterUnit: null,
  clustersPre: null,
  clustersPost: null,
  deffPre: null,
  deffPost: null,
  deffChange: null,
  pre: null,
  preLow: null,
  preHigh: null,
  preSd: null,
  post: null,
  postLow: null,
  postHigh: null,
  postSd: null,
  change: null,
  changeLow: null,
  changeHigh: null,
  changeCiMethod: null,
  method: null,
  statistic: null,
  df: null,
  pValue: null,
  effectSizeName: null,
  effectSize: null,
  hedgesG: null,
  rankMethod: null,
  rankStatistic: null,
  rankPValue: null,
}

/** What the analysis reads of a survey more than once, read once (per survey, by key). */
const readCache = new WeakMap<SurveyData, Map<string, unknown>>()
function readOnce<T>(data: SurveyData, key: string, read: () => T): T {
  let cached = readCache.get(data)
  if (!cached) readCache.set(data, (cached = new Map()))
  if (!cached.has(key)) cached.set(key, read())
  return cached.get(key) as T
}

/** The answers of one group and question at one wave, respondent by respondent. */
function answersOf(data: SurveyData, group: Group, wave: 'baseline' | 'endline', question: string): Map<string, number> {
  // Read apart from observationsOf: a simple random sample's analysis (most surveys, and the largest) builds no design objects.
  return readOnce(data, `answers|${group}|${wave}|${question}`, () => {
    const out = new Map<string, number>()
    for (const r of data.responses) {
      const v = r.group === group && r.wave === wave ? r.answers[question] : undefined
      if (typeof v === 'number' && Number.isFinite(v)) out.set(r.code, v)
    }
    return out
  })
}

/** The same answers with where each respondent was drawn from, for a design-based analysis; a respondent without a cluster is a cluster of their own. */
function observationsOf(data: SurveyData, group: Group, wave: 'baseline' | 'endline', question: string): Map<string, DesignObservation> {
  return readOnce(data, `observations|${group}|${wave}|${question}`, () => {
    const out = new Map<string, DesignObservation>()
    for (const r of data.responses) {
      const y = r.group === group && r.wave === wave ? r.answers[question] : undefined
      if (typeof y === 'number' && Number.isFinite(y)) {
        out.set(r.code, { y, weight: r.sample?.weight ?? 1, stratum: r.sample?.stratum ?? '', cluster: r.sample?.cluster ?? `\u0001${r.code}` })
      }
    }
    return out
  })
}

/** A design other than a simple random sample: what makes the analysis design-based. */
const COMPLEX: readonly Sampling[] = ['stratified_cluster', 'cluster', 'weighted']

/**
 * How the compared waves of these groups were sampled: the most complex
 * design declared for any of them; simple random only when every wave says
 * so; null when some wave has not said (and none is complex).
 */
function samplingOf(data: SurveyData, groups: readonly Group[]): Sampling | null {
  const declared = new Set(data.responses.filter((r) => groups.includes(r.group) && r.wave !== 'follow_up').map((r) => r.sample?.sampling ?? null))
  const complex = COMPLEX.find((d) => declared.has(d))
  if (complex) return complex
  return declared.size && !declared.has(null) ? 'simple_random' : null
}

const isComplex = (sampling: Sampling | null) => sampling !== null && COMPLEX.includes(sampling)
const samplingLabel = (r: Pick<ImpactRecord, 'sampling' | 'clusterUnit'>) => ({
  label: `${SAMPLINGS.label(r.sampling!).toLowerCase()}${r.clusterUnit && r.sampling !== 'weighted' ? ` by ${r.clusterUnit}` : ''}`,
  oneByOne: r.sampling === 'weighted',
})

/** Several localities and no design declared: if places were drawn first, a simple random analysis overstates certainty. */
function undeclaredNotes(data: SurveyData, group: Group, sampling: Sampling | null): string[] {
  if (sampling !== null) return []
  const places = new Set(data.responses.filter((r) => r.group === group && r.wave !== 'follow_up').map((r) => r.attributes?.locality).filter(Boolean))
  return places.size > 1
    ? [`${UNDECLARED_NOTE} the sampling design was not declared and respondents come from ${places.size} localities; a cluster sample analysed so looks more certain than it is`]
    : []
}

const withFigures = (r: ImpactRecord, f: DesignFigures): ImpactRecord => {
  const { notes, ...figures } = f
  return Object.assign(r, figures, { notes: [...r.notes, ...notes], rankMethod: null })
}

/** Matched pairs ordered by respondent code, as R was given them; pairs with a missing answer are dropped. */
function pairsOf(pre: Map<string, number>, post: Map<string, number>) {
  const codes = [...pre.keys()].filter((c) => post.has(c)).sort()
  return { pre: codes.map((c) => pre.get(c)!), post: codes.map((c) => post.get(c)!) }
}

const rankNote = (t: RankTest, name: string) =>
  t.exact
    ? `${name}: exact p-value (no ties${name.startsWith('Wilcoxon') ? ' or zero changes' : ''}, fewer than 50 values)`
    : `${name}: normal approximation with continuity correction and a tie-corrected variance${t.zeros ? `; ${t.zeros} zero changes dropped` : ''}`

function fragility(n: number, what: string): string[] {
  return n > 0 && n < FRAGILE_N ? [`fragile: n < ${FRAGILE_N} (${n} ${what})`] : []
}

function panelRecord(data: SurveyData, group: Group, q: SurveyQuestion, base: ImpactRecord, attrition: string[]): ImpactRecord {
  const [preMap, postMap] = [answersOf(data, group, 'baseline', q.code), answersOf(data, group, 'endline', q.code)]
  const { pre, post } = pairsOf(preMap, postMap)
  const r: ImpactRecord = { ...base, nPre: pre.length, nPost: pre.length, nPairs: pre.length, notes: [...attrition] }
  if (pre.length === 0) {
    r.notes.push(preMap.size && postMap.size ? 'not computable: no respondent answered this question at both waves' : emptyWaveNote(preMap.size, postMap.size))
    return r
  }
  r.notes.push(...fragility(pre.length, 'matched respondents'))
  if (isComplex(r.sampling)) {
    const [preObs, postObs] = [observationsOf(data, group, 'baseline', q.code), observationsOf(data, group, 'endline', q.code)]
    const codes = [...preObs.keys()].filter((c) => postObs.has(c)).sort()
    return withFigures(r, panelFigures(q.type === 'binary', samplingLabel(r), codes.map((c) => preObs.get(c)!), codes.map((c) => postObs.get(c)!)))
  }
  if (q.type === 'binary') {
    const t: PairedTable = { a: 0, b: 0, c: 0, d: 0 }
    pre.forEach((x, i) => (x === 1 ? (post[i] === 1 ? t.a++ : t.b++) : post[i] === 1 ? t.c++ : t.d++))
    setWave(r, 'pre', wilson(t.a + t.b, pre.length))
    setWave(r, 'post', wilson(t.a + t.c, pre.length))
    setChange(r, newcombePaired(t), 'paired_diff_newcombe_ci')
    setEffect(r, 'cohens_h', cohensH(r.pre!, r.post!))
    const exact = t.b + t.c < EXACT_MCNEMAR_BELOW
    r.method = exact ? 'mcnemar_exact' : 'mcnemar_cc'
    const test = exact ? mcnemarExact(t) : mcnemar(t, true)
    if (!test) r.notes.push('not computable: McNemar’s test needs discordant pairs, and no respondent changed their answer')
    else {
      Object.assign(r, { statistic: test.statistic, df: test.df, pValue: test.pValue })
      r.notes.push(
        exact
          ? `McNemar exact (binomial) test: ${t.b + t.c} discordant pairs, fewer than ${EXACT_MCNEMAR_BELOW}; statistic = respondents who improved`
          : 'McNemar chi-square test with continuity correction',
      )
    }
    return r
  }
  return meansRecord(r, pre, post, PAIRED)
}

function crossSectionRecord(data: SurveyData, group: Group, q: SurveyQuestion, base: ImpactRecord): ImpactRecord {
  const pre = [...answersOf(data, group, 'baseline', q.code).values()]
  const post = [...answersOf(data, group, 'endline', q.code).values()]
  const r: ImpactRecord = { ...base, notes: [] }
  if (!pre.length || !post.length) {
    r.notes.push(emptyWaveNote(pre.length, post.length))
    return r
  }
  r.notes.push(...fragility(Math.min(pre.length, post.length), 'respondents in the smaller wave'))
  if (isComplex(r.sampling)) {
    const values = (wave: 'baseline' | 'endline') => [...observationsOf(data, group, wave, q.code).values()]
    return withFigures(r, crossSectionFigures(q.type === 'binary', samplingLabel(r), values('baseline'), values('endline')))
  }
  if (q.type === 'binary') {
    const k: IndependentCounts = { xPost: post.filter((x) => x === 1).length, nPost: post.length, xPre: pre.filter((x) => x === 1).length, nPre: pre.length }
    setWave(r, 'pre', wilson(k.xPre, k.nPre))
    setWave(r, 'post', wilson(k.xPost, k.nPost))
    setChange(r, newcombeHybrid(k), 'newcombe_hybrid_score_ci')
    setEffect(r, 'cohens_h', cohensH(r.pre!, r.post!))
    if (k.xPre + k.xPost === 0 || k.xPre + k.xPost === k.nPre + k.nPost) {
      r.method = 'prop_test_nocc'
      r.notes.push('not computable: every answer was the same in both waves, so there is nothing to test')
    } else if (smallestExpected(k) < 5) {
      r.method = 'fisher_exact'
      r.pValue = fisherExact(k)!.pValue
      r.notes.push('Fisher’s exact test: an expected count is under 5, too few for the chi-square test')
    } else {
      const test = propTest(k, false)!
      Object.assign(r, { method: 'prop_test_nocc', statistic: test.statistic, df: test.df, pValue: test.pValue })
      r.notes.push('chi-square test of two proportions without continuity correction')
    }
    return r
  }
  return meansRecord(r, pre, post, INDEPENDENT)
}

/** How Likert answers and scores are compared: the t-test, its effect size and the rank test beside it. */
type MeansMethods = {
  method: string
  test: (pre: readonly number[], post: readonly number[]) => TTest | null
  tooFew: string
  noSpread: string
  effect: (pre: readonly number[], post: readonly number[]) => { d: number; g: number } | null
  effectName: string
  rankMethod: string
  rank: (pre: readonly number[], post: readonly number[]) => RankTest | null
  rankName: string
  rankNotComputable: string
}

const PAIRED: MeansMethods = {
  method: 'paired_t',
  test: pairedT,
  tooFew: 'not computable: the paired t-test needs two matched respondents',
  noSpread: 'not computable: every respondent changed by the same amount, so the change has no spread',
  effect: (pre, post) => {
    const e = pairedEffect(pre, post)
    return e && { d: e.dz, g: e.gz }
  },
  effectName: 'cohens_dz',
  rankMethod: 'wilcoxon_sr_default_R4.2',
  rank: wilcoxonSignedRank,
  rankName: 'Wilcoxon signed-rank',
  rankNotComputable: 'no respondent’s answer changed',
}

const INDEPENDENT: MeansMethods = {
  method: 'welch_t',
  test: welchT,
  tooFew: 'not computable: Welch’s t-test needs two answers in each wave',
  noSpread: 'not computable: all answers are identical, so there is no spread to test against',
  effect: independentEffect,
  effectName: 'cohens_d',
  rankMethod: 'mann_whitney_default_R4.2',
  rank: mannWhitney,
  rankName: 'Mann–Whitney',
  rankNotComputable: 'all answers are identical',
}

function meansRecord(r: ImpactRecord, pre: readonly number[], post: readonly number[], m: MeansMethods): ImpactRecord {
  setMeans(r, pre, post)
  r.method = m.method
  const t = m.test(pre, post)
  if (t) {
    setChange(r, t, m.method)
    Object.assign(r, { statistic: t.statistic, df: t.df, pValue: t.pValue })
  } else {
    r.change = r.pre !== null && r.post !== null ? r.post - r.pre : null
    r.notes.push(pre.length < 2 || post.length < 2 ? m.tooFew : m.noSpread)
  }
  const effect = m.effect(pre, post)
  if (effect) Object.assign(r, { effectSizeName: m.effectName, effectSize: effect.d, hedgesG: effect.g })
  const rank = m.rank(pre, post)
  r.rankMethod = m.rankMethod
  if (!rank) r.notes.push(`${m.rankName} not computable: ${m.rankNotComputable}`)
  else {
    Object.assign(r, { rankStatistic: rank.statistic, rankPValue: rank.pValue })
    r.notes.push(rankNote(rank, m.rankName))
  }
  return r
}

function emptyWaveNote(nPre: number, nPost: number): string {
  const missing = [nPre ? null : 'baseline', nPost ? null : 'endline'].filter(Boolean)
  return `not computable: nobody answered this question at ${missing.join(' or ')}`
}

function setWave(r: ImpactRecord, wave: 'pre' | 'post', i: { estimate: number; low: number; high: number; sd?: number } | null) {
  if (!i) return
  r[wave] = i.estimate
  r[`${wave}Low`] = i.low
  r[`${wave}High`] = i.high
  if (i.sd !== undefined) r[`${wave}Sd`] = i.sd
}

function setMeans(r: ImpactRecord, pre: readonly number[], post: readonly number[]) {
  for (const [wave, xs] of [['pre', pre], ['post', post]] as const) {
    const i = meanInterval(xs)
    if (i) setWave(r, wave, i)
    else if (xs.length === 1) r[wave] = xs[0]!
  }
}

function setChange(r: ImpactRecord, c: { estimate: number; low: number; high: number } | null, method: string) {
  if (!c) return
  Object.assign(r, { change: c.estimate, changeLow: c.low, changeHigh: c.high, changeCiMethod: method })
}

function setEffect(r: ImpactRecord, name: string, value: number) {
  if (Number.isFinite(value)) Object.assign(r, { effectSizeName: name, effectSize: value })
}

/** Baseline respondents of a panel group who were not found at endline. */
function attritionNotes(data: SurveyData, group: Group): string[] {
  const at = (wave: 'baseline' | 'endline') => new Set(data.responses.filter((r) => r.group === group && r.wave === wave).map((r) => r.code))
  const [baseline, endline] = [at('baseline'), at('endline')]
  if (!baseline.size || !endline.size) return []
  const lost = [...baseline].filter((c) => !endline.has(c)).length
  const share = lost / baseline.size
  return share > ATTRITION_LIMIT ? [`panel attrition: ${Math.round(share * 100)}% of the ${baseline.size} baseline respondents were not found at endline`] : []
}

function didRecord(data: SurveyData, q: SurveyQuestion): ImpactRecord {
  const cell = (group: Group, wave: 'baseline' | 'endline') => answersOf(data, group, wave, q.code)
  const [cPre, cPost, kPre, kPost] = [cell('campaign', 'baseline'), cell('campaign', 'endline'), cell('comparison', 'baseline'), cell('comparison', 'endline')]
  const r: ImpactRecord = {
    ...EMPTY,
    question: q.code,
    group: DID_GROUP,
    design: data.design,
    type: q.type,
    nPre: cPre.size + kPre.size,
    nPost: cPost.size + kPost.size,
    answeredPre: cPre.size + kPre.size,
    answeredPost: cPost.size + kPost.size,
    nPairs: null,
    nCampaign: cPre.size + cPost.size,
    nComparison: kPre.size + kPost.size,
    sampling: samplingOf(data, ['campaign', 'comparison']),
    clusterUnit: null,
    notes: [],
  }
  if (isComplex(r.sampling)) r.clusterUnit = data.clusterUnit ?? null
  const missing = [
    ['campaign', 'baseline', cPre],
    ['campaign', 'endline', cPost],
    ['comparison', 'baseline', kPre],
    ['comparison', 'endline', kPost],
  ].filter(([, , m]) => (m as Map<string, number>).size === 0)
  if (missing.length) {
    r.notes.push(`not computable: no difference in differences without answers from the ${missing.map(([g, w]) => `${g} group at ${w}`).join(', ')}`)
    return r
  }
  let result: DidResult | null
  if (isComplex(r.sampling)) return designDidRecord(data, q, r)
  if (data.design === 'panel') {
    const changes = (pre: Map<string, number>, post: Map<string, number>) => {
      const p = pairsOf(pre, post)
      return p.post.map((x, i) => x - p.pre[i]!)
    }
    const [campaign, comparison] = [changes(cPre, cPost), changes(kPre, kPost)]
    r.nPairs = campaign.length + comparison.length
    Object.assign(r, { nPre: r.nPairs, nPost: r.nPairs, nCampaign: campaign.length, nComparison: comparison.length })
    r.method = 'did_panel_welch_t'
    result = didPanel(campaign, comparison)
    r.notes.push('difference in differences: Welch’s t-test between the two groups’ per-respondent changes')
    r.notes.push(...fragility(Math.min(campaign.length, comparison.length), 'matched respondents in the smaller group'))
  } else {
    r.method = 'did_ols_robust_HC2'
    const values = (m: Map<string, number>) => [...m.values()]
    result = didCrossSection({ campaignPre: values(cPre), campaignPost: values(cPost), comparisonPre: values(kPre), comparisonPost: values(kPost) })
    r.notes.push('difference in differences: interaction of a linear model of group × wave, heteroskedasticity-robust (HC2) standard error, normal reference')
    r.notes.push(...fragility(Math.min(cPre.size, cPost.size, kPre.size, kPost.size), 'respondents in the smallest group and wave'))
  }
  if (!result) {
    r.notes.push('not computable: too few answers, or no spread in them, to estimate the difference in differences')
    return r
  }
  Object.assign(r, { change: result.estimate, changeLow: result.low, changeHigh: result.high, changeCiMethod: r.method, statistic: result.statistic, df: result.df, pValue: result.pValue })
  return r
}

function designDidRecord(data: SurveyData, q: SurveyQuestion, r: ImpactRecord): ImpactRecord {
  const obs = (group: Group, wave: 'baseline' | 'endline') => observationsOf(data, group, wave, q.code)
  let outcome: ReturnType<typeof didFigures>
  if (data.design === 'panel') {
    // Each respondent at the place they were drawn at baseline, matched in code order.
    const matched = (group: Group): [DesignObservation[], DesignObservation[]] => {
      const [pre, post] = [obs(group, 'baseline'), obs(group, 'endline')]
      const codes = [...pre.keys()].filter((c) => post.has(c)).sort()
      return [codes.map((c) => pre.get(c)!), codes.map((c) => ({ ...pre.get(c)!, y: post.get(c)!.y }))]
    }
    const [campaign, comparison] = [matched('campaign'), matched('comparison')]
    r.nPairs = campaign[0].length + comparison[0].length
    Object.assign(r, { nPre: r.nPairs, nPost: r.nPairs, nCampaign: campaign[0].length, nComparison: comparison[0].length })
    outcome = didFigures(samplingLabel(r), { panel: true, campaign, comparison })
    r.notes.push(...fragility(Math.min(campaign[0].length, comparison[0].length), 'matched respondents in the smaller group'))
  } else {
    const values = (group: Group, wave: 'baseline' | 'endline') => [...obs(group, wave).values()]
    outcome = didFigures(samplingLabel(r), {
      panel: false,
      campaignPre: values('campaign', 'baseline'),
      campaignPost: values('campaign', 'endline'),
      comparisonPre: values('comparison', 'baseline'),
      comparisonPost: values('comparison', 'endline'),
    })
    r.notes.push(...fragility(Math.min(...(['campaign', 'comparison'] as const).flatMap((g) => [obs(g, 'baseline').size, obs(g, 'endline').size])), 'respondents in the smallest group and wave'))
  }
  r.method = 'svyglm_did'
  r.notes.unshift(outcome.note)
  if (!outcome.figures) r.notes.push('not computable: too few clusters, or no spread in the answers, to estimate the difference in differences')
  else Object.assign(r, outcome.figures)
  return r
}

/**
 * Every comparison of waves the survey allows (baseline to endline, then,
 * with a follow-up, baseline and endline to follow-up), each analysed the
 * same way: the two waves compared stand as the "before" and "after".
 */
export function analyseSurvey(data: SurveyData): ImpactRecord[] {
  const records = analyseTwoWaves(data)
  if (!data.responses.some((r) => r.wave === 'follow_up')) return records
  for (const [comparison, [from, to]] of Object.entries(LATER) as [Exclude<Comparison, 'baseline_endline'>, readonly [Wave, Wave]][]) {
    const responses = data.responses.flatMap((r): SurveyRespondent[] => (r.wave === from ? [{ ...r, wave: 'baseline' }] : r.wave === to ? [{ ...r, wave: 'endline' }] : []))
    records.push(...analyseTwoWaves({ ...data, responses }).map((r) => ({ ...r, comparison })))
  }
  return records
}

/** Every question of every group surveyed at baseline and endline, then the difference in differences where a comparison group exists. */
function analyseTwoWaves(data: SurveyData): ImpactRecord[] {
  const groups = (['campaign', 'comparison'] as const).filter((g) => data.responses.some((r) => r.group === g))
  const records: ImpactRecord[] = []
  for (const group of groups) {
    const attrition = data.design === 'panel' ? attritionNotes(data, group) : []
    const sampling = samplingOf(data, [group])
    const undeclared = undeclaredNotes(data, group, sampling)
    for (const q of data.questions) {
      const base: ImpactRecord = {
        ...EMPTY,
        question: q.code,
        group,
        design: data.design,
        type: q.type,
        nPre: answersOf(data, group, 'baseline', q.code).size,
        nPost: answersOf(data, group, 'endline', q.code).size,
        answeredPre: answersOf(data, group, 'baseline', q.code).size,
        answeredPost: answersOf(data, group, 'endline', q.code).size,
        nPairs: null,
        sampling,
        clusterUnit: isComplex(sampling) ? (data.clusterUnit ?? null) : null,
        notes: [],
      }
      const record = data.design === 'panel' ? panelRecord(data, group, q, base, attrition) : crossSectionRecord(data, group, q, base)
      record.notes.push(...undeclared)
      records.push(record)
    }
  }
  if (groups.includes('comparison')) for (const q of data.questions) records.push(didRecord(data, q))
  return records
}
