import type { ImpactRecord } from './impact'
import type { Breakdown } from './disclosure'
import { NOT_RECORDED } from './conventions'

// The columns of an analysis as the command line prints it and the results
// CSV downloads it, in that order; full precision, nulls as
// JSON null or an empty CSV cell, never NaN.

const COLUMNS = {
  question: (r) => r.question,
  group: (r) => r.group,
  design: (r) => r.design,
  type: (r) => r.type,
  n_pre: (r) => r.nPre,
  n_post: (r) => r.nPost,
  n_pairs: (r) => r.nPairs,
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
