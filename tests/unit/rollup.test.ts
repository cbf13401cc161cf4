import { describe, expect, it } from 'vitest'
import { rollUp, type RollupEntry } from '../../app/features/dashboards/rollup'

// One standard indicator across campaigns: weighted by respondents, or summed.

const entry = (over: Partial<RollupEntry>): RollupEntry => ({ campaignId: 1, organisationId: 1, baseline: null, actual: null, nBaseline: null, nActual: null, ...over })

describe('rolling up a standard indicator', () => {
  it('weights survey percentages by the respondents behind each', () => {
    const r = rollUp('percent', [
      entry({ campaignId: 1, organisationId: 1, baseline: 30, actual: 50, nBaseline: 100, nActual: 100 }),
      entry({ campaignId: 2, organisationId: 2, baseline: 40, actual: 70, nBaseline: 300, nActual: 300 }),
      entry({ campaignId: 3, organisationId: 2, baseline: null, actual: null }),
    ])
    expect(r).toMatchObject({ baseline: 37.5, actual: 65, campaigns: 2, organisations: 2, respondents: 400, unweighted: 0 })
    expect(r.method).toBe('weighted_mean')
  })

  it('leaves hand-entered shares out of the weighted mean and says how many', () => {
    const r = rollUp('percent', [entry({ actual: 50, nActual: 200 }), entry({ campaignId: 2, organisationId: 3, actual: 90 })])
    expect(r).toMatchObject({ actual: 50, campaigns: 2, organisations: 2, unweighted: 1 })
  })

  it('sums counts', () => {
    const r = rollUp('count', [entry({ baseline: 0, actual: 1200 }), entry({ campaignId: 2, organisationId: 2, baseline: 0, actual: 800 }), entry({ campaignId: 3 })])
    expect(r).toMatchObject({ baseline: 0, actual: 2000, campaigns: 2, organisations: 2, respondents: null, method: 'sum' })
  })

  it('has nothing to say without results', () => {
    expect(rollUp('mean_score', [entry({})])).toMatchObject({ baseline: null, actual: null, campaigns: 0, organisations: 0 })
  })
})
