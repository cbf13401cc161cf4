import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { powerPropTestN, respondentsPerWave } from '../../app/features/results/statistics/sample-size'
import { EXPECTED } from '../reference-data'

type Power = { r_call: string; n: number; n_ceiling: number; p1: number; p2: number; power: number; 'sig.level': number; alternative: 'two.sided' | 'one.sided' }
const cases = (JSON.parse(readFileSync(EXPECTED, 'utf8')) as { power: Power[] }).power

describe('the sample-size planner against R’s power.prop.test', () => {
  it.each(cases.map((c) => [c.r_call, c] as const))('%s', (_, c) => {
    const n = powerPropTestN({ baseline: c.p1, endline: c.p2, power: c.power, sigLevel: c['sig.level'], alternative: c.alternative })!
    // R's root-finder stops within its tolerance; the README compares ceiling(n).
    expect(Math.ceil(n)).toBe(c.n_ceiling)
    expect(Math.abs(n - c.n) / c.n).toBeLessThan(1e-6)
  })

  it('inflates for the design effect and non-response, and refuses what cannot be planned', () => {
    expect(respondentsPerWave({ baseline: 0.4, endline: 0.5 })).toEqual({ analysed: 388, toSurvey: 388 })
    expect(respondentsPerWave({ baseline: 0.4, endline: 0.5, designEffect: 2, nonResponse: 0.2 })).toEqual({ analysed: 388, toSurvey: 970 })
    expect(respondentsPerWave({ baseline: 0.4, endline: 0.4 })).toBeNull()
    expect(respondentsPerWave({ baseline: 1.2, endline: 0.5 })).toBeNull()
    expect(respondentsPerWave({ baseline: 0.4, endline: 0.5, nonResponse: 1 })).toBeNull()
  })
})
