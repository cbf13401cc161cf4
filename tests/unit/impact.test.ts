import { describe, expect, it } from 'vitest'
import { analyseSurvey, type SurveyData, type SurveyRespondent } from '../../app/features/results/impact'
import { inferType, readAnalysisFile } from '../../app/features/results/impact-input'
import { impactRow } from '../../app/features/results/impact-table'
import { mcnemarExact } from '../../app/features/results/statistics/proportions'

// How the analysis chooses its method and what it says when it cannot
// compute: hand-made surveys for every awkward case the issue names.

const respondent = (code: string, wave: SurveyRespondent['wave'], answers: SurveyRespondent['answers'], group: 'campaign' | 'comparison' = 'campaign'): SurveyRespondent => ({
  code,
  wave,
  group,
  answers,
})
const survey = (design: SurveyData['design'], responses: SurveyRespondent[], type: 'binary' | 'likert' | 'score' = 'binary'): SurveyData => ({
  design,
  questions: [{ code: 'q', type }],
  responses,
})
const only = (data: SurveyData, group = 'campaign') => analyseSurvey(data).find((r) => r.group === group)!
const numbersAreFinite = (data: SurveyData) =>
  analyseSurvey(data).every((r) => Object.values(impactRow(r)).every((v) => typeof v !== 'number' || Number.isFinite(v)))

describe('choosing the method', () => {
  it('uses McNemar’s exact test below 25 discordant pairs and the corrected chi-square from 25', () => {
    const panel = (improvers: number) =>
      survey('panel', [
        ...Array.from({ length: 40 }, (_, i) => respondent(`R${i}`, 'baseline', { q: 0 })),
        ...Array.from({ length: 40 }, (_, i) => respondent(`R${i}`, 'endline', { q: i < improvers ? 1 : 0 })),
      ])
    const few = only(panel(24))
    expect(few.method).toBe('mcnemar_exact')
    expect(few.pValue).toBe(mcnemarExact({ a: 0, b: 0, c: 24, d: 16 })!.pValue)
    expect(only(panel(25)).method).toBe('mcnemar_cc')
  })

  it('uses Fisher’s exact test when an expected count is under 5, the chi-square otherwise', () => {
    const xsec = (correctPre: number, correctPost: number, n: number) =>
      survey('cross_section', [
        ...Array.from({ length: n }, (_, i) => respondent(`B${i}`, 'baseline', { q: i < correctPre ? 1 : 0 })),
        ...Array.from({ length: n }, (_, i) => respondent(`E${i}`, 'endline', { q: i < correctPost ? 1 : 0 })),
      ])
    const rare = only(xsec(1, 6, 40))
    expect(rare.method).toBe('fisher_exact')
    expect(rare.statistic).toBeNull()
    expect(rare.notes.join()).toMatch(/expected count is under 5/)
    expect(only(xsec(12, 20, 40)).method).toBe('prop_test_nocc')
  })

  it('runs the paired t-test and Wilcoxon for a panel’s scores, Welch and Mann–Whitney for cross-sections', () => {
    const answers = [3, 4, 2, 5, 3, 4, 1, 2, 3, 4]
    const responses = answers.flatMap((x, i) => [respondent(`R${i}`, 'baseline', { q: x }), respondent(`R${i}`, 'endline', { q: Math.min(5, x + (i % 3)) })])
    const panel = only(survey('panel', responses, 'likert'))
    expect([panel.method, panel.rankMethod, panel.effectSizeName, panel.nPairs]).toEqual(['paired_t', 'wilcoxon_sr_default_R4.2', 'cohens_dz', 10])
    const xsec = only(survey('cross_section', responses, 'likert'))
    expect([xsec.method, xsec.rankMethod, xsec.effectSizeName, xsec.nPairs]).toEqual(['welch_t', 'mann_whitney_default_R4.2', 'cohens_d', null])
    expect(panel.notes.join()).toMatch(/fragile: n < 30 \(10 matched respondents\)/)
  })
})

describe('saying what cannot be computed, by question, never NaN', () => {
  it('an empty wave', () => {
    const data = survey('cross_section', [respondent('A', 'baseline', { q: 1 }), respondent('B', 'baseline', { q: 0 })])
    expect(only(data).notes).toContain('not computable: nobody answered this question at endline')
    expect(only(data).pValue).toBeNull()
    expect(numbersAreFinite(data)).toBe(true)
  })

  it('a question answered by nobody', () => {
    const data = survey('cross_section', [respondent('A', 'baseline', { q: null }), respondent('B', 'endline', {})])
    expect(only(data).notes).toContain('not computable: nobody answered this question at baseline or endline')
  })

  it('all answers identical', () => {
    const same = Array.from({ length: 12 }, (_, i) => respondent(`R${i}`, i % 2 ? 'endline' : 'baseline', { q: 4 }))
    const scores = only(survey('cross_section', same, 'score'))
    expect(scores.notes.join()).toMatch(/not computable: all answers are identical/)
    expect(scores.change).toBe(0)
    expect(scores.pValue).toBeNull()
    const binary = only(survey('cross_section', same.map((r) => ({ ...r, answers: { q: 1 } }))))
    expect(binary.notes.join()).toMatch(/not computable: every answer was the same in both waves/)
    expect(numbersAreFinite(survey('cross_section', same, 'score'))).toBe(true)
  })

  it('a panel with no matched respondents', () => {
    const data = survey('panel', [respondent('A', 'baseline', { q: 3 }), respondent('B', 'endline', { q: 4 })], 'score')
    const r = only(data)
    expect(r.nPairs).toBe(0)
    expect(r.notes).toContain('not computable: no respondent answered this question at both waves')
    expect(r.notes.join()).toMatch(/panel attrition: 100% of the 1 baseline respondents/)
  })

  it('a panel that lost more than a fifth of its baseline respondents', () => {
    const responses = [
      ...Array.from({ length: 10 }, (_, i) => respondent(`R${i}`, 'baseline', { q: i % 2 })),
      ...Array.from({ length: 7 }, (_, i) => respondent(`R${i}`, 'endline', { q: 1 })),
    ]
    const lost = only(survey('panel', responses))
    expect(lost.notes.join()).toMatch(/panel attrition: 30% of the 10 baseline respondents were not found at endline/)
    // The shares rest on the 7 pairs; the 10 and 7 who answered are kept apart, and labelled so in the file.
    expect(impactRow(lost)).toMatchObject({ n_pre: 7, n_post: 7, n_pairs: 7, answered_pre: 10, answered_post: 7 })
    const kept = [...responses, respondent('R7', 'endline', { q: 1 })]
    expect(only(survey('panel', kept)).notes.join()).not.toMatch(/attrition/)
  })

  it('a comparison group surveyed in one wave only', () => {
    const data = survey('cross_section', [
      respondent('A', 'baseline', { q: 1 }),
      respondent('B', 'endline', { q: 1 }),
      respondent('C', 'baseline', { q: 0 }, 'comparison'),
    ])
    const did = analyseSurvey(data).find((r) => r.group === 'campaign_vs_comparison')!
    expect(did.change).toBeNull()
    expect(did.notes).toEqual(['not computable: no difference in differences without answers from the comparison group at endline'])
  })

  it('a difference in differences counts the respondents of each group it rests on', () => {
    const data = survey('cross_section', [
      ...['A', 'B', 'C'].map((c) => respondent(c, 'baseline', { q: 1 })),
      ...['D', 'E'].map((c) => respondent(c, 'endline', { q: 0 })),
      ...['F', 'G'].map((c) => respondent(c, 'baseline', { q: 0 }, 'comparison')),
      ...['H'].map((c) => respondent(c, 'endline', { q: 1 }, 'comparison')),
    ])
    const did = analyseSurvey(data).find((r) => r.group === 'campaign_vs_comparison')!
    expect(impactRow(did)).toMatchObject({ n_pre: 5, n_post: 3, n_campaign: 5, n_comparison: 3, n_pairs: null })
  })
})

describe('a follow-up wave', () => {
  // Scores of six respondents at baseline, endline and a follow-up: a gain of 2 that kept half of it.
  const scores = { baseline: [3, 4, 3, 5, 4, 3], endline: [5, 6, 5, 7, 6, 5], follow_up: [4, 5, 4, 6, 5, 4] }
  const responses = (['baseline', 'endline', 'follow_up'] as const).flatMap((wave) => scores[wave].map((q, i) => respondent(`R${i}`, wave, { q })))
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

  it('is compared with the baseline (did it last?) and with the endline (what happened since), each as its own record', () => {
    const records = analyseSurvey(survey('panel', responses, 'score'))
    expect(records.map((r) => r.comparison)).toEqual(['baseline_endline', 'baseline_follow_up', 'endline_follow_up'])
    const [effect, lasted, since] = records
    expect([effect!.pre, effect!.post]).toEqual([mean(scores.baseline), mean(scores.endline)])
    expect([lasted!.pre, lasted!.post]).toEqual([mean(scores.baseline), mean(scores.follow_up)])
    expect(lasted!.change).toBeCloseTo(1, 12)
    expect([since!.pre, since!.post]).toEqual([mean(scores.endline), mean(scores.follow_up)])
    expect(since!.change).toBeCloseTo(-1, 12)
    expect([lasted!.nPairs, since!.nPairs]).toEqual([6, 6])
    expect(impactRow(since!).comparison).toBe('endline_follow_up')
  })

  it('adds nothing to a survey without one', () => {
    expect(analyseSurvey(survey('panel', responses.filter((r) => r.wave !== 'follow_up'), 'score')).map((r) => r.comparison)).toEqual(['baseline_endline'])
  })
})

describe('difference in differences for a panel', () => {
  it('compares the two groups’ per-respondent changes with Welch’s t-test', () => {
    const changes = { campaign: [2, 1, 2, 3, 1, 2], comparison: [0, 1, 0, -1, 0, 1] }
    const responses = (['campaign', 'comparison'] as const).flatMap((group) =>
      changes[group].flatMap((c, i) => [respondent(`${group}${i}`, 'baseline', { q: 4 }, group), respondent(`${group}${i}`, 'endline', { q: 4 + c }, group)]),
    )
    const did = analyseSurvey(survey('panel', responses, 'score')).find((r) => r.group === 'campaign_vs_comparison')!
    expect(did.method).toBe('did_panel_welch_t')
    expect(did.change).toBeCloseTo(11 / 6 - 1 / 6, 12)
    expect(did.nPairs).toBe(12)
    expect([did.nCampaign, did.nComparison]).toEqual([6, 6])
    expect(did.changeLow!).toBeLessThan(did.change!)
  })
})

describe('reading a survey file for the command line', () => {
  const file = (headers: string[], rows: string[][]) => ({ headers, rows })

  it('infers types: 0/1 binary, whole numbers 1–5 Likert, other numbers scores, text not analysed', () => {
    expect(inferType(['0', '1', '', '1'])).toBe('binary')
    expect(inferType(['yes', 'no'])).toBe('binary')
    expect(inferType(['1', '5', '3'])).toBe('likert')
    expect(inferType(['0', '7', '10'])).toBe('score')
    expect(inferType(['4.5', '2'])).toBe('score')
    expect(inferType(['good', '3'])).toBeNull()
    expect(inferType(['', ' '])).toBeNull()
  })

  it('names the line and question of a value that is not a number in a score column', () => {
    const reading = readAnalysisFile(file(['respondent_code', 'wave', 'knowledge_score'], [['A', 'pre', '4'], ['B', 'post', 'seven']]), { types: { knowledge_score: 'score' } })
    expect(reading).toEqual({ ok: false, errors: ['line 3, knowledge_score: “seven” is not a number'] })
  })

  it('refuses --types naming a column the file does not have, and a file without a wave column', () => {
    const f = file(['respondent_code', 'wave', 'knows_item'], [['A', 'pre', '1']])
    expect(readAnalysisFile(f, { types: { knows_hotline: 'binary' } })).toEqual({
      ok: false,
      errors: ['--types names knows_hotline, which is not a question column of the file (its questions: knows_item)'],
    })
    expect(readAnalysisFile(file(['respondent_code', 'knows_item'], [['A', '1']]))).toMatchObject({ ok: false, errors: [expect.stringMatching(/no wave column/)] })
  })

  it('leaves free text, empty and personal-data columns out, and says so', () => {
    const reading = readAnalysisFile(
      file(['respondent_code', 'wave', 'knows_item', 'comment', 'unused', 'phone'], [['A', 'pre', '1', 'good talk', '', '0501234567'], ['A', 'post', '1', 'ok', '', '0501234567']]),
    )
    expect(reading.ok && reading.data.questions).toEqual([{ code: 'knows_item', type: 'binary' }])
    expect(reading.ok && reading.notes).toEqual([
      'comment: not analysed, its answers are not all numbers (say --types comment=score to insist)',
      'unused: not analysed, nobody answered it',
      'phone: not analysed, its heading suggests a phone number',
    ])
    expect(reading.ok && reading.data.design).toBe('panel')
  })
})
