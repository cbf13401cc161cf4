import { describe, expect, it } from 'vitest'
import { analyseSurvey, type SurveyRespondent } from '../../app/features/results/impact'
import { breakdowns } from '../../app/features/results/impact-breakdown'
import { disclose } from '../../app/features/results/disclosure'
import { designSentence, didSentence, formatChange, formatEstimate, formatP, resultSentence, warningsOf } from '../../app/features/results/impact-words'

// The words of the results page, and its breakdowns.

const people = (n: number, wave: 'baseline' | 'endline', correct: number, attributes: SurveyRespondent['attributes'] = {}, prefix = 'R') =>
  Array.from({ length: n }, (_, i): SurveyRespondent => ({ code: `${prefix}${i}`, wave, group: 'campaign', answers: { q: i < correct ? 1 : 0 }, attributes }))

describe('a complex sample in words', () => {
  // Ten villages of eight at each wave; answers alike within a village (all of a village know it, or none does).
  const village = (wave: 'baseline' | 'endline', sampling: 'cluster' | null) =>
    Array.from({ length: 80 }, (_, i): SurveyRespondent => ({
      code: `${wave}-${i}`,
      wave,
      group: 'campaign',
      answers: { q: Math.floor(i / 8) < (wave === 'baseline' ? 4 : 6) ? 1 : 0 },
      attributes: { locality: `V${Math.floor(i / 8)}` },
      sample: { sampling, cluster: `V${Math.floor(i / 8)}`, stratum: null, weight: null },
    }))
  const analysed = (sampling: 'cluster' | null) =>
    analyseSurvey({ design: 'cross_section', questions: [{ code: 'q', type: 'binary' }], responses: [...village('baseline', sampling), ...village('endline', sampling)], clusterUnit: 'village' })[0]!

  it('says what the clustering does to certainty: the design effect, and the sample it is worth', () => {
    const r = analysed('cluster')
    expect(r.method).toBe('svyglm_change')
    expect(r.deffChange!).toBeGreaterThan(5)
    expect(designSentence(r)).toBe(
      `Accounts for clustering by village (10 clusters at baseline, 10 at endline): design effect ${r.deffChange!.toFixed(1)}, so the change is only as certain as it would be from about ${Math.round(160 / r.deffChange!)} respondents drawn at random, not 160.`,
    )
    // Analysed as a simple random sample, the same answers look far more certain.
    const naive = analysed(null)
    expect(naive.pValue!).toBeLessThan(r.pValue!)
    expect(designSentence(naive)).toBeNull()
    expect(naive.notes).toContainEqual(expect.stringMatching(/^analysed as a simple random sample: the sampling design was not declared and respondents come from 10 localities/))
    expect(r.notes.some((n) => n.startsWith('analysed as a simple random sample'))).toBe(false)
  })
})

describe('a result in words', () => {
  it('says what rose, by how much, how sure, by which test, on how many — and agrees with the figures', () => {
    // 40 matched respondents: 17 correct before, 27 after, as d01_panel_basic.
    const pre = [...Array(14).fill([1, 1]), ...Array(3).fill([1, 0]), ...Array(13).fill([0, 1]), ...Array(10).fill([0, 0])] as [number, number][]
    const responses = pre.flatMap(([a, b], i): SurveyRespondent[] => [
      { code: `C${i}`, wave: 'baseline', group: 'campaign', answers: { q: a } },
      { code: `C${i}`, wave: 'endline', group: 'campaign', answers: { q: b } },
    ])
    const [r] = analyseSurvey({ design: 'panel', questions: [{ code: 'q', type: 'binary' }], responses })
    expect(resultSentence(r!, 'Do you know the hotline number?')).toBe(
      'The share giving the desired answer to “Do you know the hotline number?” rose from 42.5% to 67.5%, +25.0 points (95% CI +5.8 to +41.6); McNemar exact test, p = 0.021, 40 matched respondents; Cohen’s h = 0.51.',
    )
  })

  it('says when a change cannot be told apart from chance, and when no test was possible', () => {
    const noisy = analyseSurvey({ design: 'cross_section', questions: [{ code: 'q', type: 'binary' }], responses: [...people(40, 'baseline', 20, {}, 'B'), ...people(40, 'endline', 22, {}, 'E')] })[0]!
    expect(resultSentence(noisy, 'Q')).toMatch(/rose from 50\.0% to 55\.0%, \+5\.0 points .*chi-square test, p = 0\.65.*The data cannot tell this change apart from no change\.$/)
    const same = analyseSurvey({ design: 'cross_section', questions: [{ code: 'q', type: 'binary' }], responses: [...people(5, 'baseline', 5, {}, 'B'), ...people(5, 'endline', 5, {}, 'E')] })[0]!
    expect(resultSentence(same, 'Q')).toMatch(/stayed at 100\.0%, 0\.0 points \(95% CI −43\.4 to \+43\.4\); no test was possible \(every answer was the same in both waves/)
    expect(warningsOf(same)).toEqual(['fragile: n < 30 (5 respondents in the smaller wave)', 'not computable: every answer was the same in both waves, so there is nothing to test'])
    const empty = analyseSurvey({ design: 'cross_section', questions: [{ code: 'q', type: 'score' }], responses: people(3, 'baseline', 1) })[0]!
    expect(resultSentence(empty, 'Q')).toBe('The mean answer to “Q” cannot be compared: nobody answered this question at endline.')
  })

  it('formats estimates, changes and p-values for reading', () => {
    expect([formatEstimate('binary', 0.4251), formatEstimate('likert', 3.456), formatEstimate('score', null)]).toEqual(['42.5%', '3.46', '—'])
    expect([formatChange('binary', -0.0549), formatChange('score', 1.234), formatChange('binary', 0)]).toEqual(['−5.5', '+1.23', '0.0'])
    expect([formatP(0.0004), formatP(0.0213), formatP(0.0079), formatP(0.15), formatP(0.5)]).toEqual(['p < 0.001', 'p = 0.021', 'p = 0.008', 'p = 0.15', 'p = 0.5'])
  })

  it('words the difference in differences with its method', () => {
    const did = {
      ...analyseSurvey({ design: 'cross_section', questions: [{ code: 'q', type: 'binary' }], responses: people(3, 'baseline', 1) })[0]!,
      group: 'campaign_vs_comparison' as const,
      method: 'did_ols_robust_HC2',
      change: 0.205,
      changeLow: 0.0101,
      changeHigh: 0.4001,
      pValue: 0.039,
    }
    expect(didSentence(did)).toBe(
      'Compared with the comparison group, the campaign group’s change differed by +20.5 points (95% CI +1.0 to +40.0); difference in differences, robust standard error, p = 0.039.',
    )
  })
})

describe('breakdowns', () => {
  it('breaks results down by sex with "not recorded" as a cell, withholding small ones for outsiders only', () => {
    const responses = [
      ...people(30, 'baseline', 10, { sex: 'female' }, 'F'),
      ...people(30, 'endline', 20, { sex: 'female' }, 'F'),
      ...people(25, 'baseline', 10, { sex: 'male' }, 'M'),
      ...people(25, 'endline', 15, { sex: 'male' }, 'M'),
      ...people(6, 'baseline', 3, { sex: null }, 'U'),
      ...people(6, 'endline', 3, { sex: null }, 'U'),
    ]
    const data = { design: 'panel' as const, questions: [{ code: 'q', type: 'binary' as const }], responses }
    const outside = disclose(breakdowns(data), 10)
    expect(outside.map((b) => b.dimension)).toEqual(['sex'])
    expect(outside[0]!.cells.map((c) => [c.value, c.n, c.suppressed])).toEqual([
      ['female', 30, false],
      ['male', null, true],
      ['', null, true],
    ])
    expect(outside[0]!.cells[1]!.record).toBeNull()
    const inside = disclose(breakdowns(data), null)
    expect(inside[0]!.cells.map((c) => [c.n, c.record?.post])).toEqual([
      [30, 20 / 30],
      [25, 15 / 25],
      [6, 0.5],
    ])
  })
})
