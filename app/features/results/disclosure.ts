import type { Dimension, ImpactRecord } from './impact'
import type { StoredBreakdown } from './stored-analysis'

// Disclosure control (DESIGN.md §7): the one function through which every
// breakdown reaches a viewer outside the owning organisation — the results
// page, its CSV and the IATI export. Dashboards and standard indicator
// roll-ups show whole campaigns, never a breakdown.
//
// A breakdown cell is withheld when it rests on fewer respondents than the
// threshold in any wave, zeros included: a group surveyed at one wave only is
// withheld, not shown as "0 at baseline". Then, as statistical offices do,
// complementary cells are withheld until what anyone can work out — a
// figure's total less the cells shown, which is the withheld cells together —
// is itself no small group, in every wave of every question. A cell is
// withheld for every question of its dimension at once, so that one
// question's figures cannot be subtracted from another's.

/** A withheld cell keeps its label and nothing else. */
export type BreakdownCell = { value: string; n: number | null; record: ImpactRecord | null; suppressed: boolean }
export type Breakdown = { dimension: Dimension; question: string; cells: BreakdownCell[] }

/** The counts a record shows, each of which adds up across a breakdown's cells to the whole group's. */
const countsOf = (r: ImpactRecord): number[] => (r.nPairs === null ? [r.nPre, r.nPost, r.answeredPre, r.answeredPost] : [r.nPre, r.nPost, r.answeredPre, r.answeredPost, r.nPairs])

/** The fewest respondents behind any figure of a cell. */
export const cellSize = (r: ImpactRecord) => Math.min(...countsOf(r))

/**
 * Which cells to withhold, given each cell's counts (`counts[cell][figure]`)
 * where every figure's total (the sum over cells, which is shown) reaches the
 * threshold: the cells under it anywhere, then the smallest others until the
 * withheld cells add up to the threshold in every figure.
 */
export function withheldCells(counts: readonly (readonly number[])[], threshold: number): boolean[] {
  const withheld = counts.map((c) => c.some((n) => n < threshold))
  const figures = counts[0]?.length ?? 0
  const derivable = (f: number) => counts.reduce((sum, c, i) => sum + (withheld[i] ? c[f]! : 0), 0)
  const exposed = () => withheld.some(Boolean) && Array.from({ length: figures }, (_, f) => f).some((f) => derivable(f) < threshold)
  const size = (c: readonly number[]) => c.reduce((a, b) => a + b, 0)
  while (exposed()) {
    let next = -1
    counts.forEach((c, i) => {
      if (!withheld[i] && (next < 0 || size(c) < size(counts[next]!))) next = i
    })
    if (next < 0) break
    withheld[next] = true
  }
  return withheld
}

const shown = (value: string, record: ImpactRecord): BreakdownCell => ({ value, n: cellSize(record), record, suppressed: false })
const hidden = (value: string): BreakdownCell => ({ value, n: null, record: null, suppressed: true })

/**
 * The breakdowns as a viewer may see them: in full with no threshold (the
 * owning organisation), otherwise with small cells withheld. A question
 * whose whole group is under the threshold in a wave is not broken down: its
 * breakdown has no cells.
 */
export function disclose(breakdowns: readonly StoredBreakdown[], threshold: number | null): Breakdown[] {
  if (threshold === null) return breakdowns.map((b) => ({ ...b, cells: b.cells.map((c) => shown(c.value, c.record)) }))
  const out = new Map<StoredBreakdown, Breakdown>()
  for (const dimension of new Set(breakdowns.map((b) => b.dimension))) {
    const all = breakdowns.filter((b) => b.dimension === dimension)
    const total = (b: StoredBreakdown) => b.cells.reduce((sum, c) => countsOf(c.record).map((n, f) => n + (sum[f] ?? 0)), [] as number[])
    const broken = all.filter((b) => b.cells.length > 0 && total(b).every((n) => n >= threshold))
    // Not broken down at all: a group that small has no cells to show, not even their names.
    for (const b of all) if (!broken.includes(b)) out.set(b, { dimension, question: b.question, cells: [] })
    if (broken.length === 0) continue
    const counts = broken[0]!.cells.map((_, i) => broken.flatMap((b) => countsOf(b.cells[i]!.record)))
    const withheld = withheldCells(counts, threshold)
    for (const b of broken) out.set(b, { dimension, question: b.question, cells: b.cells.map((c, i) => (withheld[i] ? hidden(c.value) : shown(c.value, c.record))) })
  }
  return breakdowns.map((b) => out.get(b)!)
}
