import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { disclose, withheldCells } from '../../app/features/results/disclosure'
import type { ImpactRecord } from '../../app/features/results/impact'
import type { StoredBreakdown } from '../../app/features/results/stored-analysis'

// Small-cell disclosure control, tested the way an attacker would go about it:
// with everything shown (each question's whole-group counts, the counts of
// the cells shown), work out what a withheld cell holds.

const record = (question: string, nPre: number, nPost: number, nPairs: number | null): ImpactRecord => ({
  question,
  group: 'campaign',
  comparison: 'baseline_endline',
  design: nPairs === null ? 'cross_section' : 'panel',
  type: 'binary',
  nPre,
  nPost,
  answeredPre: nPre,
  answeredPost: nPost,
  nPairs,
  nCampaign: null,
  nComparison: null,
  sampling: null, clusterUnit: null, clustersPre: null, clustersPost: null, deffPre: null, deffPost: null, deffChange: null,
  pre: null, preLow: null, preHigh: null, preSd: null, post: null, postLow: null, postHigh: null, postSd: null,
  change: null, changeLow: null, changeHigh: null, changeCiMethod: null, method: null, statistic: null, df: null, pValue: null,
  effectSizeName: null, effectSize: null, hedgesG: null, rankMethod: null, rankStatistic: null, rankPValue: null,
  notes: [],
})

type Counts = [number, number, number | null]
const breakdown = (question: string, cells: [string, Counts][]): StoredBreakdown => ({
  dimension: 'sex',
  question,
  cells: cells.map(([value, [pre, post, pairs]]) => ({ value, record: record(question, pre, post, pairs) })),
})
const countsOf = (r: ImpactRecord) => (r.nPairs === null ? [r.nPre, r.nPost] : [r.nPre, r.nPost, r.nPairs])

/**
 * What an attacker can find out about each withheld cell from one figure
 * (one count of one question): the figure's whole-group total is public, so
 * the withheld cells together hold the total less the cells shown; each
 * holds anything from 0 to that, unless it is the only one withheld, or the
 * remainder is 0 and they all hold nothing.
 */
function recovered(stored: StoredBreakdown, shown: ReturnType<typeof disclose>[number]): string[] {
  const found: string[] = []
  const figures = countsOf(stored.cells[0]!.record).length
  for (let f = 0; f < figures; f++) {
    const total = stored.cells.reduce((sum, c) => sum + countsOf(c.record)[f]!, 0)
    const visible = shown.cells.reduce((sum, c) => sum + (c.record ? countsOf(c.record)[f]! : 0), 0)
    const unknown = shown.cells.filter((c) => c.suppressed)
    if (unknown.length === 1 || (unknown.length > 1 && total - visible === 0)) found.push(...unknown.map((c) => `${stored.question}/${c.value}/${f}`))
  }
  return found
}

describe('small-cell disclosure control', () => {
  it('withholds a group surveyed in one wave only, and a complementary cell so it cannot be found by subtraction', () => {
    // The case from the field: sex "other" was 0 at baseline and 3 at endline.
    const stored = [breakdown('knows_hotline', [['female', [20, 24, null]], ['male', [20, 17, null]], ['other', [0, 3, null]]])]
    const [shown] = disclose(stored, 10)
    expect(shown!.cells.map((c) => [c.value, c.suppressed])).toEqual([['female', false], ['male', true], ['other', true]])
    expect(recovered(stored[0]!, shown!)).toEqual([])
  })

  it('withholds the same cells for every question of a dimension, so one question cannot be subtracted from another', () => {
    const stored = [
      breakdown('knows_hotline', [['female', [30, 30, null]], ['male', [30, 30, null]], ['other', [12, 11, null]]]),
      breakdown('knows_signs', [['female', [30, 30, null]], ['male', [30, 28, null]], ['other', [12, 8, null]]]),
    ]
    const shown = disclose(stored, 10)
    expect(shown.map((b) => b.cells.map((c) => c.suppressed))).toEqual([[false, true, true], [false, true, true]])
  })

  it('does not break down a question whose whole group is under the threshold at a wave', () => {
    const stored = [breakdown('late_question', [['female', [0, 30, null]], ['male', [0, 30, null]]]), breakdown('knows_hotline', [['female', [30, 30, null]], ['male', [30, 30, null]]])]
    const shown = disclose(stored, 10)
    expect(shown.map((b) => b.cells.map((c) => c.suppressed))).toEqual([[], [false, false]])
  })

  it('shows the owning organisation everything', () => {
    const stored = [breakdown('q', [['female', [30, 30, 30]], ['other', [1, 1, 1]]])]
    expect(disclose(stored, null)[0]!.cells.map((c) => c.n)).toEqual([30, 1])
  })

  it('withholds the smallest cells first and no more than it must', () => {
    expect(withheldCells([[40, 40], [35, 35], [4, 4]], 10)).toEqual([false, true, true])
    expect(withheldCells([[40, 40], [35, 35], [4, 4], [6, 6]], 10)).toEqual([false, false, true, true])
    expect(withheldCells([[40, 40], [35, 35], [12, 12]], 10)).toEqual([false, false, false])
    // Two small cells that together are still a small group take a third with them.
    expect(withheldCells([[40, 40], [35, 35], [3, 3], [4, 4]], 10)).toEqual([false, true, true, true])
  })

  // Breakdowns of one dimension over one to three questions: two to six cells,
  // each counted at baseline and endline (and, in a panel, in matched pairs), often small or zero.
  const count = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 }))
  const scenario = fc
    .record({ threshold: fc.integer({ min: 2, max: 15 }), cells: fc.integer({ min: 1, max: 6 }), questions: fc.integer({ min: 1, max: 3 }), panel: fc.boolean() })
    .chain((s) =>
      fc.record({
        threshold: fc.constant(s.threshold),
        counts: fc.array(
          fc.array(
            fc.tuple(count, count, count).map(([pre, post, pairs]): Counts => [pre, post, s.panel ? Math.min(pairs, pre, post) : null]),
            { minLength: s.cells, maxLength: s.cells },
          ),
          { minLength: s.questions, maxLength: s.questions },
        ),
      }),
    )
  const storedOf = (counts: Counts[][]) => counts.map((cells, q) => breakdown(`q${q}`, cells.map((c, i): [string, Counts] => [`value${i}`, c])))

  it('never lets a withheld cell be worked out from the totals and the cells shown (property)', () => {
    fc.assert(
      fc.property(scenario, ({ threshold, counts }) => {
        const stored = storedOf(counts)
        const shown = disclose(stored, threshold)
        stored.forEach((b, q) => expect(recovered(b, shown[q]!)).toEqual([]))
      }),
      { numRuns: 2000 },
    )
  })

  it('never shows a cell under the threshold in any wave, and never the sum of withheld cells as a small group (property)', () => {
    fc.assert(
      fc.property(scenario, ({ threshold, counts }) => {
        const stored = storedOf(counts)
        const shown = disclose(stored, threshold)
        shown.forEach((b, q) => {
          for (const c of b.cells) if (c.record) expect(Math.min(...countsOf(c.record))).toBeGreaterThanOrEqual(threshold)
          const withheld = b.cells.flatMap((c, i) => (c.suppressed ? [stored[q]!.cells[i]!.record] : []))
          const broken = b.cells.some((c) => !c.suppressed)
          if (broken && withheld.length) for (let f = 0; f < countsOf(withheld[0]!).length; f++) expect(withheld.reduce((s, r) => s + countsOf(r)[f]!, 0)).toBeGreaterThanOrEqual(threshold)
        })
      }),
      { numRuns: 2000 },
    )
  })
})
