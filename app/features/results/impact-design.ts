import type { ImpactRecord } from './impact-record'
import { cohensH } from './statistics/proportions'
import {
  clusteredPairedChange,
  clusteredPairedDid,
  designChange,
  designDid,
  designEstimate,
  designMean,
  type DesignMean,
  type DesignObservation,
  type DesignTest,
} from './statistics/design'

// The figures of one result when the sample was drawn in clusters, strata
// or with unequal weights (DESIGN.md §6): design-based means and shares,
// the change as R's svyglm(y ~ post) or, for a panel, each respondent's
// change on the clustered design. Method names are those of
// ../shared/reference/complex-samples/expected.json.

export type DesignFigures = Pick<
  ImpactRecord,
  'pre' | 'preLow' | 'preHigh' | 'preSd' | 'post' | 'postLow' | 'postHigh' | 'postSd' | 'change' | 'changeLow' | 'changeHigh' | 'changeCiMethod' | 'statistic' | 'df' | 'pValue' | 'effectSizeName' | 'effectSize' | 'deffPre' | 'deffPost' | 'deffChange' | 'notes'
> & { method: string; clustersPre: number; clustersPost: number }

const clusterCount = (obs: readonly DesignObservation[]) => new Set(obs.map((o) => `${o.stratum}\u0000${o.cluster}`)).size

function wave(obs: readonly DesignObservation[], binary: boolean) {
  const m = obs.length ? designMean(obs) : null
  return {
    m,
    estimate: m?.estimate ?? (obs.length ? designEstimate(obs) : null),
    low: m?.low ?? null,
    high: m?.high ?? null,
    sd: binary ? null : (m?.sd ?? null),
    deff: m?.deff ?? null,
    clusters: clusterCount(obs),
  }
}

function figures(binary: boolean, pre: readonly DesignObservation[], post: readonly DesignObservation[], method: string, test: DesignTest | null, deffChange: (a: DesignMean, b: DesignMean) => number) {
  const [a, b] = [wave(pre, binary), wave(post, binary)]
  const f: DesignFigures = {
    pre: a.estimate,
    preLow: a.low,
    preHigh: a.high,
    preSd: a.sd,
    post: b.estimate,
    postLow: b.low,
    postHigh: b.high,
    postSd: b.sd,
    change: a.estimate !== null && b.estimate !== null ? b.estimate - a.estimate : null,
    changeLow: null,
    changeHigh: null,
    changeCiMethod: null,
    method,
    statistic: null,
    df: null,
    pValue: null,
    effectSizeName: null,
    effectSize: null,
    clustersPre: a.clusters,
    clustersPost: b.clusters,
    deffPre: a.deff,
    deffPost: b.deff,
    deffChange: null,
    notes: [],
  }
  if (test && Number.isFinite(test.pValue)) {
    Object.assign(f, { change: test.estimate, changeLow: test.low, changeHigh: test.high, changeCiMethod: method, statistic: test.statistic, df: test.df, pValue: test.pValue })
    f.deffChange = a.m && b.m ? deffChange(a.m, b.m) : null
  } else f.notes.push('not computable: a design-based test needs two clusters or more in a stratum, and answers that differ')
  if (binary && f.pre !== null && f.post !== null) Object.assign(f, { effectSizeName: 'cohens_h', effectSize: cohensH(f.pre, f.post) })
  return f
}

/** How the sample was drawn, for the words: its label ("cluster sample by village"), and whether respondents were drawn one by one (weights only). */
export type SampleLabel = { label: string; oneByOne: boolean }

function designNote(s: SampleLabel, f: DesignFigures, panel: boolean): string {
  const units = s.oneByOne
    ? 'each respondent a primary sampling unit'
    : panel
      ? `${f.clustersPre} clusters as primary sampling units`
      : `${f.clustersPre} and ${f.clustersPost} clusters in the two waves as primary sampling units`
  return `design-based (${s.label}): weighted estimates, linearised standard errors with ${units}, drawn with replacement, no finite-population correction${f.df !== null ? `; t on ${f.df} degrees of freedom` : ''}`
}
const NO_RANK = 'no rank test: rank tests assume respondents drawn one by one, which this sample was not'

/** Two cross-sections: each wave's design-based estimate, and the change as svyglm(y ~ post) with the waves as strata. */
export function crossSectionFigures(binary: boolean, sample: SampleLabel, pre: readonly DesignObservation[], post: readonly DesignObservation[]): DesignFigures {
  const test = designChange(pre, post)
  // Called only with a test: the change's variance against the two waves' simple-random variances.
  const f = figures(binary, pre, post, 'svyglm_change', test, (a, b) => test!.se ** 2 / (a.srsVariance + b.srsVariance))
  if (!binary && f.preSd && f.postSd && f.change !== null) Object.assign(f, { effectSizeName: 'cohens_d', effectSize: f.change / Math.sqrt((f.preSd ** 2 + f.postSd ** 2) / 2) })
  f.notes.unshift(designNote(sample, f, false))
  if (!binary) f.notes.push(NO_RANK)
  return f
}

const changesOf = (pre: readonly DesignObservation[], post: readonly DesignObservation[]) => pre.map((o, i) => ({ ...o, y: post[i]!.y - o.y }))

/**
 * A panel, its respondents matched in order and each at the place they were
 * drawn at baseline: each wave's estimate on the matched respondents, and the
 * mean per-respondent change on the clustered design.
 */
export function panelFigures(binary: boolean, sample: SampleLabel, pre: readonly DesignObservation[], post: readonly DesignObservation[]): DesignFigures {
  const atBaseline = post.map((o, i) => ({ ...pre[i]!, y: o.y }))
  const changes = changesOf(pre, atBaseline)
  const test = clusteredPairedChange(changes.map((c) => ({ d: c.y, cluster: c.cluster, stratum: c.stratum, weight: c.weight })))
  const f = figures(binary, pre, atBaseline, 'svymean_paired_change', test, () => test!.deff)
  if (!binary && test && f.change !== null) Object.assign(f, { effectSizeName: 'cohens_dz', effectSize: f.change / test.sd })
  f.notes.unshift(designNote(sample, f, true))
  if (!binary) f.notes.push(NO_RANK)
  return f
}

export type DidFigures = Pick<DesignFigures, 'change' | 'changeLow' | 'changeHigh' | 'changeCiMethod' | 'method' | 'statistic' | 'df' | 'pValue'>

/** The difference in differences on the design: svyglm's interaction for cross-sections, the groups' clustered changes compared for a panel. */
export function didFigures(
  sample: SampleLabel,
  cells:
    | { panel: false; campaignPre: DesignObservation[]; campaignPost: DesignObservation[]; comparisonPre: DesignObservation[]; comparisonPost: DesignObservation[] }
    | { panel: true; campaign: [DesignObservation[], DesignObservation[]]; comparison: [DesignObservation[], DesignObservation[]] },
): { figures: DidFigures | null; note: string } {
  const test = cells.panel
    ? clusteredPairedDid(changesOf(...cells.campaign), changesOf(...cells.comparison))
    : designDid(cells)
  const note = `difference in differences, design-based (${sample.label}): ${cells.panel ? 'the two groups’ mean per-respondent changes compared on the clustered design' : 'the interaction of svyglm(y ~ post × group), the waves as strata'}`
  if (!test || !Number.isFinite(test.pValue)) return { figures: null, note }
  return {
    figures: { change: test.estimate, changeLow: test.low, changeHigh: test.high, changeCiMethod: 'svyglm_did', method: 'svyglm_did', statistic: test.statistic, df: test.df, pValue: test.pValue },
    note: `${note}; t on ${test.df} degrees of freedom`,
  }
}
