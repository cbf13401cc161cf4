import { describe, expect, it } from 'vitest'
import type { ImpactRecord } from '../../app/features/results/impact'
import { indicatorResult, outcomesWithoutActuals, type IndicatorPlan } from '../../app/features/results/indicator-results'

// Where an indicator stands: from the survey when a question measures it, from entered actuals otherwise.

const hotline: IndicatorPlan = { unit: 'percent', direction: 'increase', level: 'outcome', baseline: null, target: 60 }
const record = (over: Partial<ImpactRecord>): ImpactRecord =>
  ({ type: 'binary', pre: 0.358, post: 0.572, pValue: 0.0004, method: 'mcnemar_cc', notes: [], ...over }) as ImpactRecord

describe('indicator results', () => {
  it('takes a survey-measured indicator’s baseline and actual from the waves, in percent, with the test', () => {
    const r = indicatorResult(hotline, record({}), [])
    expect(r).toMatchObject({ baselineFrom: 'survey', actualFrom: 'survey', significant: true, method: 'mcnemar_cc', met: false })
    expect(r.baseline).toBeCloseTo(35.8, 10)
    expect(r.actual).toBeCloseTo(57.2, 10)
    expect(r.progress).toEqual({ kind: 'toward', share: expect.closeTo(((57.2 - 35.8) / (60 - 35.8)) * 100, 10) })
  })

  it('says a change is not distinguishable from zero when p ≥ 0.05, and keeps the planned baseline without a baseline wave', () => {
    const r = indicatorResult({ ...hotline, baseline: 40 }, record({ pre: null, post: 0.45, pValue: 0.3 }), [])
    expect(r).toMatchObject({ baseline: 40, baselineFrom: 'plan', actual: 45, significant: false })
  })

  it('adds up entered counts and takes the latest entered percentage', () => {
    const reach: IndicatorPlan = { unit: 'count', direction: 'increase', level: 'output', baseline: 0, target: 1000 }
    const entries = [
      { onDate: '2026-05-01', value: 300 },
      { onDate: '2026-03-01', value: 450 },
    ]
    expect(indicatorResult(reach, null, entries)).toMatchObject({ actual: 750, actualFrom: 'entered', actualDate: '2026-05-01', progress: { kind: 'toward', share: 75 }, met: false, significant: null })
    const share: IndicatorPlan = { unit: 'percent', direction: 'decrease', level: 'outcome', baseline: 50, target: 30 }
    expect(indicatorResult(share, null, entries.map((e) => ({ ...e, value: e.value / 10 })))).toMatchObject({ actual: 30, progress: { kind: 'met' }, met: true })
  })

  it('cannot call a target met, or give progress, when the target lies on the wrong side of a surveyed baseline', () => {
    // The demo's case: an "increase" indicator whose endline fell below a target that was already below the baseline.
    const r = indicatorResult({ ...hotline, target: 60 }, record({ pre: 0.612, post: 0.51 }), [])
    expect(r).toMatchObject({ progress: { kind: 'target_wrong_side', movement: 'worse' }, met: null })
  })

  it('lists the outcome indicators without an actual', () => {
    const none = indicatorResult(hotline, null, [])
    const some = indicatorResult(hotline, record({}), [])
    expect(
      outcomesWithoutActuals([
        { name: 'Knows the hotline', level: 'outcome', result: some },
        { name: 'Can name two signs', level: 'outcome', result: none },
        { name: 'People reached', level: 'output', result: none },
      ]),
    ).toEqual(['Can name two signs'])
  })
})
