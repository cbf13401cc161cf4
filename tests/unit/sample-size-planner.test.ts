import { describe, expect, it } from 'vitest'
import { plannedSize, plannerAnswer, sizeToDetect } from '../../app/features/results/sample-size-plan'
import { plannerDefaults, readPlanner } from '../../app/features/results/sample-size-schema'

// The planner's fields as a person types them, read into power.prop.test's n.

describe('the sample-size planner', () => {
  it('gives R’s power.prop.test n for the defaults, inflated for design effect and non-response', () => {
    // power.prop.test(p1 = 0.40, p2 = 0.50, power = 0.80) → n = 387.34, 388 respondents.
    const { values, errors } = readPlanner(new URLSearchParams())
    expect(errors).toEqual({})
    expect(plannedSize({ ...values, nonResponse: '0' })).toEqual({ analysed: 388, toSurvey: 388 })
    expect(plannedSize({ ...values, designEffect: '1.5', nonResponse: '20' })).toEqual({ analysed: 388, toSurvey: Math.ceil((388 * 1.5) / 0.8) })
  })

  it('names the field that is wrong, in words', () => {
    const { errors } = readPlanner(new URLSearchParams({ baseline: '95', change: '10', power: 'high', designEffect: '0.5' }))
    expect(errors).toEqual({
      change: '95% + 10 points leaves 0–100%: choose a smaller change',
      power: 'Enter the power as a number',
      designEffect: 'The design effect is at least 1 (a simple random sample)',
    })
    expect(plannedSize(readPlanner(new URLSearchParams({ change: '0' })).values)).toBeNull()
  })

  it('starts from the campaign’s outcome indicator, and sizes the change from baseline to target', () => {
    const campaign = { objectives: [{ indicators: [{ level: 'output', unit: 'count', baseline: 0, target: 900 }, { level: 'outcome', unit: 'percent', baseline: 35, target: 50 }] }] }
    expect(plannerDefaults(campaign)).toEqual({ baseline: 35, change: 15 })
    expect(sizeToDetect(35, 50)).toEqual({ size: plannedSize(readPlanner(new URLSearchParams({ baseline: '35', change: '15' })).values), query: 'baseline=35&change=15' })
  })

  it('plans with the design effect the waves were planned with: the largest by default, each wave’s own for its target', () => {
    const campaign = { objectives: [] }
    const waves = [
      { id: 1, designEffect: 1.8 },
      { id: 2, designEffect: null },
    ]
    expect(plannerDefaults(campaign, waves)).toEqual({ designEffect: 1.8 })
    const values = { ...readPlanner(new URLSearchParams({ nonResponse: '0' }), plannerDefaults(campaign, waves)).values }
    const answer = plannerAnswer({ ...values, designEffect: '1' }, waves)
    // 388 respondents analysed; the clustered wave must approach 388 × 1.8.
    expect(answer.perWave).toEqual([
      { id: 1, designEffect: 1.8, toSurvey: Math.ceil(388 * 1.8) },
      { id: 2, designEffect: 1, toSurvey: 388 },
    ])
    expect(sizeToDetect(40, 50, 2).size).toEqual({ analysed: 388, toSurvey: Math.ceil((388 * 2) / 0.9) })
  })
})
