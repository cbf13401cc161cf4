import type { ImpactRecord } from './impact'
import type { Breakdown } from './disclosure'
import { NOT_RECORDED } from './conventions'

// The columns of an analysis as the command line prints it and the results
// CSV downloads it, in that order; full precision, nulls as
// JSON null or an empty CSV cell, never NaN.

const COLUMNS = {
  question: (r) => r.question,
  group: (r) => r.group,
  comparison: (r) => r.comparison,
  design: (r) => r.design,
  type: (r) => r.type,
  n_pre: (r) => r.nPre,
  n_post: (r) => r.nPost,
  answered_pre: (r) => r.answeredPre,
  answered_post: (r) => r.answeredPost,
  n_pairs: (r) => r.nPairs,
  n_campaign: (r) => r.nCampaign,
  n_comparison: (r) => r.nComparison,
  sampling: (r) => r.sampling,
  clusters_pre: (r) => r.clustersPre,
  clusters_post: (r) => r.clustersPost,
  deff_pre: (r) => r.deffPre,
  deff_post: (r) => r.deffPost,
  deff_change: (r) => r.deffChange,
  pre: (r) => r.pre,
  pre_ci_low: (r) => r.preLow,
  pre_ci_high: (r) => r.preHigh,
  pre_sd: (r) => r.preSd,
  post: (r) => r.post,
  post_ci_low: (r) => r.postLow,
  post_ci_high: (r) => r.postHigh,
  post_sd: (r) => r.postSd,
  change: (r) => r.change,
  change_ci_low: (r) => r.changeLow,
  change_ci_high: (r) => r.changeHigh,
  change_ci_method: (r) => r.changeCiMethod,
  method: (r) => r.method,
  statistic: (r) => r.statistic,
  df: (r) => r.df,
  p_value: (r) => r.pValue,
  effect_size_name: (r) => r.effectSizeName,
  effect_size: (r) => r.effectSize,
  hedges_g: (r) => r.hedgesG,
  rank_method: (r) => r.rankMethod,
  rank_statistic: (r) => r.rankStatistic,
  rank_p_value: (r) => r.rankPValue,
  notes: (r) => r.notes.join('; '),
} satisfies Record<string, (r: ImpactRecord) => string | number | null>

/** What each column holds, for the data dictionary that goes with every results CSV; a column without a definition does not compile. */
const DEFINITIONS: Record<keyof typeof COLUMNS | 'breakdown' | 'breakdown_value', string> = {
  question: 'The question’s code, as in the survey instrument and the import file.',
  group: 'campaign or comparison; campaign_vs_comparison for a difference in differences between the two.',
  comparison: 'The two waves compared, whose estimates are pre and post: baseline_endline (the campaign’s effect), baseline_follow_up (whether it lasted) or endline_follow_up (what changed after the campaign).',
  design: 'panel (the same respondents at both waves, matched by respondent code) or cross_section (different people at each wave).',
  type: 'binary (yes/no: shares of the desired answer, 0 to 1), likert (1 to 5) or score (a number within a range): means for the last two.',
  n_pre: 'Respondents the baseline estimate rests on. In a panel, the respondents matched at both waves; in a difference in differences, both groups’ baseline respondents (or all matched respondents, for panels).',
  n_post: 'Respondents the endline estimate rests on, in the same way as n_pre.',
  answered_pre: 'Respondents who answered this question at baseline, matched or not. In a panel it can exceed n_pre: those not found again are left out of the estimates.',
  answered_post: 'Respondents who answered this question at endline, matched or not.',
  n_pairs: 'Panel only: respondents who answered at both waves, on whom every figure of the row rests. Empty for cross-sections.',
  n_campaign: 'Difference in differences only: respondents of the campaign group it rests on (both waves’ answers, or the group’s matched respondents in a panel).',
  n_comparison: 'Difference in differences only: respondents of the comparison group it rests on, in the same way as n_campaign.',
  sampling: 'How the respondents of the compared waves were drawn: simple_random, cluster, stratified_cluster or weighted; empty where nobody declared it, and then analysed as a simple random sample. With cluster, stratified_cluster or weighted every estimate, interval and test is design-based, as R’s survey package computes it.',
  clusters_pre: 'Design-based only: clusters (primary sampling units: villages, schools) the baseline estimate rests on; a respondent without a cluster counts as one.',
  clusters_post: 'Design-based only: clusters the endline estimate rests on.',
  deff_pre: 'Design-based only: the design effect of pre, its variance against that of a simple random sample of the same size (svymean with deff = "replace"). 2 means the sample carries the information of one half its size.',
  deff_post: 'Design-based only: the design effect of post.',
  deff_change: 'Design-based only: the design effect of change (for cross-sections, its variance against the sum of the two waves’ simple-random variances; for panels, that of the mean per-respondent change).',
  pre: 'Baseline estimate: the share giving the desired answer (0 to 1) for binary questions, the mean otherwise.',
  pre_ci_low: 'Lower end of the 95% confidence interval of pre (Wilson score interval for shares, t interval for means; for a design-based row, a t interval on the design’s degrees of freedom).',
  pre_ci_high: 'Upper end of the 95% confidence interval of pre.',
  pre_sd: 'Standard deviation of the baseline answers (means only; weighted in a design-based row).',
  post: 'Endline estimate, as pre.',
  post_ci_low: 'Lower end of the 95% confidence interval of post.',
  post_ci_high: 'Upper end of the 95% confidence interval of post.',
  post_sd: 'Standard deviation of the endline answers (means only).',
  change: 'post − pre: for shares, in proportion units (0.13 is 13 percentage points); for a difference in differences, the campaign group’s change less the comparison group’s.',
  change_ci_low: 'Lower end of the 95% confidence interval of change.',
  change_ci_high: 'Upper end of the 95% confidence interval of change.',
  change_ci_method: 'How the interval of change was computed: newcombe_hybrid_score_ci (shares, cross-sections), paired_diff_newcombe_ci (shares, panels), welch_t or paired_t (means), svyglm_change or svymean_paired_change (design-based), or the method of a difference in differences.',
  method: 'The test of whether the change is distinguishable from zero: mcnemar_exact or mcnemar_cc (shares, panels), prop_test_nocc or fisher_exact (shares, cross-sections), paired_t or welch_t (means), did_ols_robust_HC2 or did_panel_welch_t (difference in differences); for a design-based row, svyglm_change (cross-sections: svyglm(y ~ post) with the waves as strata), svymean_paired_change (panels: each respondent’s change, clustered) or svyglm_did (difference in differences).',
  statistic: 'The test statistic of method.',
  df: 'Degrees of freedom of the test, where it has them; for a design-based row, clusters less strata less the model’s other coefficients.',
  p_value: 'Two-sided p-value of method; under 0.05 is read as a change beyond chance.',
  effect_size_name: 'Which effect size effect_size holds: cohens_h for shares, cohens_d for means of cross-sections, cohens_dz for means of panels; in a design-based row, computed from the weighted estimates and standard deviations.',
  effect_size: 'The effect size named in effect_size_name.',
  hedges_g: 'Means only: Hedges’ g, Cohen’s d corrected for small samples. Empty for design-based rows.',
  rank_method: 'Likert and scores: the rank test run beside the t-test, as R 4.2 runs it by default (wilcoxon_sr_default_R4.2 for panels, mann_whitney_default_R4.2 otherwise). Empty for design-based rows: rank tests assume respondents drawn one by one.',
  rank_statistic: 'The statistic of rank_method.',
  rank_p_value: 'Two-sided p-value of rank_method.',
  notes: 'Warnings and how the row was computed, separated by “; ” (fragile samples, panel attrition, why a figure is missing).',
  breakdown: 'Empty for the whole group; otherwise the dimension the row breaks the campaign group down by: sex, age_band or locality.',
  breakdown_value: 'The cell of the breakdown (for instance female, 18-24, a locality’s name; “not recorded” when the answer has none). Cells with fewer respondents than the threshold are withheld outside the owning organisation.',
}

/** The results CSV's data dictionary: every column, in the file's order, with what it holds. */
export const RESULTS_DICTIONARY: { column: string; definition: string }[] = Object.entries(DEFINITIONS).map(([column, definition]) => ({ column, definition }))

export type ImpactRow = { [K in keyof typeof COLUMNS]: ReturnType<(typeof COLUMNS)[K]> }
export const IMPACT_COLUMNS = Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]

export function impactRow(r: ImpactRecord): ImpactRow {
  const row = {} as Record<string, string | number | null>
  for (const [name, get] of Object.entries(COLUMNS) as [string, (r: ImpactRecord) => string | number | null][]) {
    const v = get(r)
    row[name] = typeof v === 'number' && !Number.isFinite(v) ? null : v
  }
  return row as ImpactRow
}

export type ResultsCsvRow = ImpactRow & { breakdown: string; breakdown_value: string }

/** The whole results, then each breakdown cell; a withheld cell keeps its label and nothing else. */
export function resultsCsvRows(records: readonly ImpactRecord[], breakdowns: readonly Breakdown[], threshold: number): ResultsCsvRow[] {
  const rows: ResultsCsvRow[] = records.map((r) => ({ ...impactRow(r), breakdown: '', breakdown_value: '' }))
  const empty = Object.fromEntries(IMPACT_COLUMNS.map((c) => [c, null])) as unknown as ImpactRow
  for (const b of breakdowns) {
    if (b.cells.length === 0) rows.push({ ...empty, question: b.question, group: 'campaign', notes: `not broken down: fewer than ${threshold} respondents at a wave`, breakdown: b.dimension, breakdown_value: '' })
    for (const cell of b.cells) {
      const value = cell.value === NOT_RECORDED ? 'not recorded' : cell.value
      if (cell.record) rows.push({ ...impactRow(cell.record), breakdown: b.dimension, breakdown_value: value })
      else {
        rows.push({ ...empty, question: b.question, group: 'campaign', notes: `withheld: fewer than ${threshold} respondents, or a cell that would reveal one`, breakdown: b.dimension, breakdown_value: value })
      }
    }
  }
  return rows
}
