import { analyseSurvey, DIMENSIONS, type Dimension, type ImpactRecord, type SurveyData } from './impact'
import { NOT_RECORDED } from './conventions'

// Results broken down by sex, age band and locality, with small cells
// suppressed for viewers outside the owning organisation (DESIGN.md §7):
// a cell of fewer respondents than the threshold is withheld, and when only
// one cell of a breakdown is, the next smallest goes too, so that the
// total less the cells shown never gives the withheld one away. Respondents
// who did not say count as a cell of their own ("not recorded"), for the same reason.

/** A withheld cell shows neither its figures nor its size. */
export type BreakdownCell = { value: string; n: number | null; record: ImpactRecord | null; suppressed: boolean }
export type Breakdown = { dimension: Dimension; question: string; cells: BreakdownCell[] }

/** The respondents a cell's figures rest on: the smaller wave, or the matched pairs of a panel. */
export const cellSize = (r: ImpactRecord) => Math.min(r.nPre, r.nPost, r.nPairs ?? Infinity)

/** Which cells to withhold: those under the threshold, and one more when a single cell would be withheld. */
export function suppressedCells(sizes: readonly number[], threshold: number): boolean[] {
  const out = sizes.map((n) => n > 0 && n < threshold)
  if (out.filter(Boolean).length === 1 && sizes.length > 1) {
    let next = -1
    sizes.forEach((n, i) => {
      if (!out[i] && n > 0 && (next < 0 || n < sizes[next]!)) next = i
    })
    if (next >= 0) out[next] = true
  }
  return out
}

/** The campaign group's results per value of each dimension that was collected. */
export function breakdowns(data: SurveyData, threshold: number | null): Breakdown[] {
  const campaign = data.responses.filter((r) => r.group === 'campaign')
  const out: Breakdown[] = []
  for (const dimension of DIMENSIONS) {
    // A respondent keeps one value across waves: the first one given.
    const valueOf = new Map<string, string>()
    for (const r of campaign) {
      const v = r.attributes?.[dimension]
      if (v && !valueOf.has(r.code)) valueOf.set(r.code, v)
    }
    if (valueOf.size === 0) continue
    const values = [...new Set(valueOf.values())].sort((a, b) => a.localeCompare(b))
    if (campaign.some((r) => !valueOf.has(r.code))) values.push(NOT_RECORDED)
    const perValue = values.map((value) =>
      analyseSurvey({ ...data, responses: campaign.filter((r) => (valueOf.get(r.code) ?? NOT_RECORDED) === value) }).filter((r) => r.group === 'campaign'),
    )
    data.questions.forEach((q, k) => {
      const records = perValue.map((rs) => rs[k]!)
      const withheld = threshold === null ? records.map(() => false) : suppressedCells(records.map(cellSize), threshold)
      out.push({
        dimension,
        question: q.code,
        cells: records.map((record, i) => (withheld[i] ? { value: values[i]!, n: null, record: null, suppressed: true } : { value: values[i]!, n: cellSize(record), record, suppressed: false })),
      })
    })
  }
  return out
}
