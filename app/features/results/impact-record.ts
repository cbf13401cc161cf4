import type { Sampling } from '../../shared/taxonomy/taxonomy'

// What the analysis reads (a survey's questions and respondents) and what it
// gives (one record per group, question and pair of waves): the shapes shared
// by the analysis (impact.ts), its design-based figures and every reader.

export type AnalysedType = 'binary' | 'likert' | 'score'
export type Design = 'panel' | 'cross_section'
export type Group = 'campaign' | 'comparison'
export const DID_GROUP = 'campaign_vs_comparison'

export type SurveyQuestion = { code: string; type: AnalysedType }
export type Wave = 'baseline' | 'endline' | 'follow_up'
/**
 * Which two waves a record compares: the campaign's effect (baseline to
 * endline), and, where a follow-up was surveyed, whether it lasted (baseline
 * to follow-up) and what happened after the campaign (endline to follow-up).
 */
export type Comparison = 'baseline_endline' | 'baseline_follow_up' | 'endline_follow_up'
/** Who a respondent is, for breakdowns (DESIGN.md §7: never a name, phone or address). */
export const DIMENSIONS = ['sex', 'age_band', 'locality'] as const
export type Dimension = (typeof DIMENSIONS)[number]
/** One respondent at one wave; a binary answer is 1 when it is the desired (correct) one. */
/**
 * Where a respondent was drawn from: how their wave was sampled (null where
 * nobody said), their cluster, stratum and sampling weight where given.
 */
export type RespondentSample = { sampling: Sampling | null; cluster: string | null; stratum: string | null; weight: number | null }
export type SurveyRespondent = {
  code: string
  wave: Wave
  group: Group
  answers: Readonly<Record<string, number | null | undefined>>
  attributes?: Readonly<Partial<Record<Dimension, string | null>>>
  sample?: RespondentSample
}
export type SurveyData = {
  design: Design
  questions: readonly SurveyQuestion[]
  responses: readonly SurveyRespondent[]
  /** What the clusters are ("village"), for the words on the page. */
  clusterUnit?: string | null
}

export type ImpactRecord = {
  question: string
  group: Group | typeof DID_GROUP
  /** The two waves compared; pre and post below are the first and the second. */
  comparison: Comparison
  design: Design
  type: AnalysedType
  /** The respondents each wave's estimate rests on: the matched pairs in a panel; for a difference in differences, both groups'. */
  nPre: number
  nPost: number
  /** Who answered at each wave, matched or not: in a panel, more than the pairs the estimates rest on. */
  answeredPre: number
  answeredPost: number
  /** Panel: respondents answering at both waves. */
  nPairs: number | null
  /** Difference in differences: the respondents of each group it rests on (both waves' answers, or the group's pairs in a panel). */
  nCampaign: number | null
  nComparison: number | null
  /** How the compared waves were sampled: null where nobody said (then analysed as a simple random sample). */
  sampling: Sampling | null
  /** What the clusters are, as the survey names them ("village"); null where unnamed or not a cluster sample. */
  clusterUnit: string | null
  /** Design-based only: clusters (primary sampling units) at each wave, and the design effects of each wave's estimate and of the change. */
  clustersPre: number | null
  clustersPost: number | null
  deffPre: number | null
  deffPost: number | null
  deffChange: number | null
  pre: number | null
  preLow: number | null
  preHigh: number | null
  preSd: number | null
  post: number | null
  postLow: number | null
  postHigh: number | null
  postSd: number | null
  change: number | null
  changeLow: number | null
  changeHigh: number | null
  changeCiMethod: string | null
  method: string | null
  statistic: number | null
  df: number | null
  pValue: number | null
  effectSizeName: string | null
  effectSize: number | null
  hedgesG: number | null
  rankMethod: string | null
  rankStatistic: number | null
  rankPValue: number | null
  notes: string[]
}

