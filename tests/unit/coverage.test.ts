import { describe, expect, it } from 'vitest'
import { coverageTable, defaultPeriod, heatMap, monthsBetween } from '../../app/features/coordination/coverage'

const campaigns = [
  { subdivisions: ['UA-46'], audiences: ['migrant_workers'], startDate: '2026-04-10', endDate: '2026-05-02' },
  { subdivisions: [], audiences: ['migrant_workers', 'teachers'], startDate: '2026-05-20', endDate: '2026-06-01' },
  { subdivisions: ['UA-30', 'XX-1'], audiences: ['teachers'], startDate: '2026-01-01', endDate: '2026-01-31' },
]

describe('coverage and heat map', () => {
  it('counts campaigns per audience and subdivision; a country-level campaign counts everywhere; gaps are zeros', () => {
    expect(coverageTable(campaigns, ['UA-30', 'UA-46', 'UA-51'], ['migrant_workers', 'teachers', 'children'])).toEqual([
      { audience: 'migrant_workers', counts: [1, 2, 1] },
      { audience: 'teachers', counts: [2, 1, 1] },
      { audience: 'children', counts: [0, 0, 0] },
    ])
  })

  it('counts campaigns running in each month, boundaries included', () => {
    const months = monthsBetween('2026-01-15', '2026-06-30')
    expect(months).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'])
    expect(heatMap(campaigns, ['UA-46', 'UA-30'], months)).toEqual([
      { subdivision: 'UA-46', counts: [0, 0, 0, 1, 2, 1] },
      { subdivision: 'UA-30', counts: [1, 0, 0, 0, 1, 1] },
    ])
  })

  it('months cross the year', () => expect(monthsBetween('2025-11-01', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']))
})

describe('the workspace’s default period', () => {
  it('runs from twelve months back to eleven ahead, whole months, 24 in all', () => {
    expect(defaultPeriod('2026-11-22')).toEqual({ from: '2025-11-01', to: '2027-10-31' })
    expect(defaultPeriod('2026-01-31')).toEqual({ from: '2025-01-01', to: '2026-12-31' })
    const { from, to } = defaultPeriod('2024-02-29')
    expect(monthsBetween(from, to)).toHaveLength(24)
  })
})
