import { describe, expect, it } from 'vitest'
import { campaignsByCountryYear, forest, headline, iatiFiles, reachByChannel, targetVersusActual, type DashCampaign, type DashIndicator } from '../../app/features/dashboards/dashboard'
import { parseDashboardFilters } from '../../app/features/dashboards/schemas'
import { problemWords } from '../../app/features/dashboards/problem-words'
import { filterQuery } from '../../app/features/dashboards/filter-query'

// The dashboard's figures from hand-made campaigns and summaries.

const campaign = (over: Partial<DashCampaign>): DashCampaign => ({
  id: 1,
  title: 'A',
  organisationId: 1,
  organisation: 'Org 1',
  country: 'UA',
  startDate: '2025-03-01',
  visibility: 'network',
  budget: null,
  currency: null,
  channels: [],
  targeted: 0,
  respondents: 0,
  reached: null,
  ...over,
})
const indicator = (over: Partial<DashIndicator>): DashIndicator => ({
  campaignId: 1,
  indicatorId: 1,
  name: 'Knows the hotline',
  level: 'outcome',
  unit: 'percent',
  direction: 'increase',
  standardIndicatorId: 7,
  baseline: null,
  target: 60,
  actual: null,
  nActual: null,
  nBaseline: null,
  change: null,
  changeLow: null,
  changeHigh: null,
  pValue: null,
  met: null,
  ...over,
})

const campaigns = [
  campaign({ id: 1, organisationId: 1, budget: 10_000, currency: 'EUR', channels: ['radio', 'tv'], targeted: 5000, respondents: 400, reached: 1200 }),
  campaign({ id: 2, title: 'B', organisationId: 2, organisation: 'Org 2', country: 'MD', startDate: '2026-01-10', budget: 5000, currency: 'EUR', channels: ['radio'], targeted: 3000, respondents: 200, reached: 800 }),
  campaign({ id: 3, title: 'C', organisationId: 2, organisation: 'Org 2', startDate: '2026-05-01', budget: 300_000, currency: 'NPR', targeted: 1000 }),
]
const indicators = [
  indicator({ campaignId: 1, indicatorId: 1, baseline: 30, actual: 62, met: true, nActual: 400, nBaseline: 400, change: 32, changeLow: 25, changeHigh: 39, pValue: 0.0001 }),
  indicator({ campaignId: 2, indicatorId: 2, baseline: 40, actual: 48, met: false, nActual: 200, nBaseline: 200, change: 8, changeLow: -1, changeHigh: 17, pValue: 0.08 }),
  indicator({ campaignId: 3, indicatorId: 3 }),
  indicator({ campaignId: 1, indicatorId: 4, level: 'output', unit: 'count', standardIndicatorId: 9, target: 1000, actual: 1200, met: true }),
]

describe('the dashboard’s figures', () => {
  it('counts campaigns, organisations, people and budgets per currency, and the share of outcomes met', () => {
    expect(headline(campaigns, indicators)).toEqual({
      campaigns: 3,
      organisations: 2,
      targeted: 9000,
      reached: 2000,
      respondents: 600,
      outcomesWithResult: 2,
      outcomesMet: 1,
      outcomesUnjudged: 0,
      budgets: [
        { currency: 'NPR', amount: 300_000 },
        { currency: 'EUR', amount: 15_000 },
      ],
    })
  })

  it('lists outcome indicators with a target and an actual, furthest past the target in its own direction first', () => {
    expect(targetVersusActual(campaigns, indicators).map((r) => [r.title, r.target, r.actual, r.met, r.progress.kind])).toEqual([
      ['A', 60, 62, true, 'met'],
      ['B', 60, 48, false, 'toward'],
    ])
    // Lower is better: 20 against a target of 25 is past it; 40 from a baseline of 35 went the wrong way.
    const down = [
      indicator({ campaignId: 1, indicatorId: 5, direction: 'decrease', baseline: 35, target: 25, actual: 40, met: false }),
      indicator({ campaignId: 2, indicatorId: 6, direction: 'decrease', baseline: 35, target: 25, actual: 20, met: true }),
    ]
    expect(targetVersusActual(campaigns, down).map((r) => [r.title, r.progress.kind])).toEqual([
      ['B', 'met'],
      ['A', 'away'],
    ])
  })

  it('makes one IATI file per reporting organisation, of the campaigns that may be published', () => {
    const withPrivate = [...campaigns, campaign({ id: 4, organisationId: 3, organisation: 'Org 3', visibility: 'private' })]
    expect(iatiFiles(withPrivate)).toEqual([
      { organisationId: 1, organisation: 'Org 1', activities: 1 },
      { organisationId: 2, organisation: 'Org 2', activities: 2 },
    ])
  })

  it('leaves out of the share met an outcome whose target is on the wrong side of its baseline, and counts it apart', () => {
    const wrongSide = indicator({ campaignId: 3, indicatorId: 7, baseline: 61.2, target: 60, actual: 51, met: null })
    expect(headline(campaigns, [...indicators, wrongSide])).toMatchObject({ outcomesWithResult: 2, outcomesMet: 1, outcomesUnjudged: 1 })
  })

  it('sorts the forest plot by change and rolls the standard indicator up by respondents', () => {
    const f = forest(campaigns, indicators, 7, 'percent')
    expect(f.rows.map((r) => [r.title, r.change, r.low, r.high])).toEqual([
      ['A', 32, 25, 39],
      ['B', 8, -1, 17],
    ])
    expect(f.rollup).toMatchObject({ campaigns: 2, organisations: 2, respondents: 600 })
    expect(f.rollup.actual).toBeCloseTo((62 * 400 + 48 * 200) / 600, 12)
  })

  it('adds reach under each channel of a campaign, and counts campaigns by country and year', () => {
    expect(reachByChannel(campaigns)).toEqual([
      { channel: 'radio', reached: 2000, campaigns: 2 },
      { channel: 'tv', reached: 1200, campaigns: 1 },
    ])
    expect(campaignsByCountryYear(campaigns)).toEqual({
      years: ['2025', '2026'],
      series: [
        { country: 'MD', counts: [0, 1] },
        { country: 'UA', counts: [1, 1] },
      ],
    })
  })
})

describe('the dashboard’s filters', () => {
  it('reads known codes and names every unknown one', () => {
    const { filters, problems } = parseDashboardFilters(new URLSearchParams({ country: 'ua', year: '2026', audience: 'returnees', pillar: 'prevention', funder: '4' }))
    expect(filters).toEqual({ country: 'UA', year: 2026, audience: 'returnees', pillar: 'prevention', funder: 4 })
    expect(problems).toEqual([])
    expect(filterQuery(filters)).toBe('funder=4&country=UA&year=2026&pillar=prevention&audience=returnees')
    const bad = parseDashboardFilters(new URLSearchParams({ country: 'XX', year: '20x6', audience: 'aliens', status: 'draft' }))
    expect(bad.filters).toEqual({})
    expect(bad.problems.map(problemWords)).toEqual([
      '“XX” is not a country code Lantern knows',
      '“20x6” is not a year Lantern knows',
      '“aliens” is not an audience code Lantern knows',
      '“draft” is not a status Lantern knows',
    ])
  })
})
