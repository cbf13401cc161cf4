import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { levelOf, monthSpan, overlapBetween, overlapScoreOf, reasonsFor, scoreOverlap, scoreProfiles, WEIGHTS, type OverlapCampaign, type OverlapProfile } from '../../app/features/overlap/scoring'
import { maskOf } from '../../app/shared/taxonomy/code-sets'
import { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, PURPOSES } from '../../app/shared/taxonomy/taxonomy'

// Dates and ranges are the runtime's own English (Intl), whatever its CLDR
// version puts around a range's dash; the words around them are Lantern's.
const utc = (d: string) => new Date(`${d}T00:00:00Z`)
const english = {
  date: (d: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(utc(d)),
  days: (a: string, b: string) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(utc(a), utc(b)),
  months: (a: string, b: string) => new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(utc(a), utc(b)),
}

let next = 1
const campaign = (over: Partial<OverlapCampaign> = {}): OverlapCampaign => ({
  id: next++,
  organisationId: 1,
  status: 'planned',
  country: 'UA',
  subdivisions: ['UA-46'],
  startDate: '2026-04-01',
  endDate: '2026-05-31',
  audiences: ['migrant_workers'],
  channels: ['radio'],
  exploitationForms: ['forced_labour'],
  purposes: ['inform_at_risk'],
  ...over,
})
const other = (over: Partial<OverlapCampaign> = {}) => campaign({ organisationId: 2, ...over })

describe('hard rules', () => {
  it('only campaigns of different organisations overlap', () => {
    expect(overlapBetween(campaign(), campaign())).toBeNull()
    expect(overlapBetween(campaign(), other())).not.toBeNull()
    const a = campaign()
    expect(overlapBetween(a, a)).toBeNull()
  })

  it('counts planned, active, completed and evaluated; never archived', () => {
    for (const status of ['planned', 'active', 'completed', 'evaluated'] as const) expect(overlapBetween(campaign(), other({ status })), status).not.toBeNull()
    expect(overlapBetween(campaign(), other({ status: 'archived' }))).toBeNull()
    expect(overlapBetween(campaign({ status: 'archived' }), other())).toBeNull()
  })

  it('drafts take part only in their own organisation’s live check', () => {
    const mine = campaign({ status: 'draft' })
    expect(overlapBetween(mine, other())).toBeNull()
    expect(overlapBetween(mine, other(), { draftsOf: 1 })).not.toBeNull()
    // Another organisation's draft never shows, whoever is checking.
    expect(overlapBetween(campaign(), other({ status: 'draft' }), { draftsOf: 1 })).toBeNull()
    expect(overlapBetween(mine, other({ status: 'draft' }), { draftsOf: 1 })).toBeNull()
  })

  it('needs the same country; subdivisions must intersect', () => {
    expect(overlapBetween(campaign(), other({ country: 'MD', subdivisions: ['MD-CU'] }))).toBeNull()
    expect(overlapBetween(campaign(), other({ subdivisions: ['UA-30'] }))).toBeNull()
    expect(overlapBetween(campaign({ subdivisions: ['UA-46', 'UA-30'] }), other({ subdivisions: ['UA-30'] }))!.regions).toEqual(['UA-30'])
  })

  it('a country-level campaign covers every subdivision of its country', () => {
    const result = overlapBetween(campaign({ subdivisions: [] }), other({ subdivisions: ['UA-51'] }))!
    expect(result.regionLevel).toBe('country')
    expect(result.regions).toEqual(['UA-51'])
    expect(overlapBetween(campaign({ subdivisions: [] }), other({ subdivisions: [] }))!.regions).toEqual(['UA'])
  })

  it('a province lies in its region (PH-CEB in PH-07)', () => {
    const result = overlapBetween(campaign({ country: 'PH', subdivisions: ['PH-CEB'] }), other({ country: 'PH', subdivisions: ['PH-07'] }))!
    expect(result.regionLevel).toBe('subdivision')
    expect(result.regions).toEqual(['PH-CEB'])
    expect(overlapBetween(campaign({ country: 'PH', subdivisions: ['PH-CEB'] }), other({ country: 'PH', subdivisions: ['PH-00'] }))).toBeNull()
  })

  it('date boundaries are inclusive: ending on the day the other starts overlaps for one day', () => {
    const a = campaign({ startDate: '2026-03-01', endDate: '2026-04-30' })
    const touching = overlapBetween(a, other({ startDate: '2026-04-30', endDate: '2026-06-30' }))!
    expect(touching.period).toEqual({ start: '2026-04-30', end: '2026-04-30', weeks: 1, gapDays: 0 })
    expect(overlapBetween(a, other({ startDate: '2026-05-01', endDate: '2026-06-30' }))).toBeNull()
  })

  it('a buffer in days widens the periods, and the reason says how far apart they are', () => {
    const a = campaign({ startDate: '2026-03-01', endDate: '2026-04-30' })
    const b = other({ startDate: '2026-05-15', endDate: '2026-06-30' })
    expect(overlapBetween(a, b, { bufferDays: 14 })).toBeNull()
    const near = overlapBetween(a, b, { bufferDays: 15 })!
    expect(near.period).toMatchObject({ weeks: 0, gapDays: 14 })
    expect(near.reasons.at(-1)).toBe(`One ends 14 days before the other starts (${english.date('2026-04-30')} and ${english.date('2026-05-15')}), within the buffer.`)
  })

  it('needs a country and dates on both sides', () => {
    expect(overlapBetween(campaign({ country: null, subdivisions: [] }), other())).toBeNull()
    expect(overlapBetween(campaign({ endDate: null }), other())).toBeNull()
  })
})

describe('score and level', () => {
  it('identical campaigns of two organisations score 1, high', () => {
    const r = overlapBetween(campaign(), other())!
    expect(r.score).toBe(1)
    expect(r.level).toBe('high')
  })

  it('shared audience weighs most; subdivision beats country', () => {
    const onlyAudience = { channels: ['tv'] as const, exploitationForms: ['organ_removal'] as const, purposes: ['advocate_policy'] as const }
    const sub = overlapBetween(campaign(), other({ ...onlyAudience, channels: ['tv'], exploitationForms: ['organ_removal'], purposes: ['advocate_policy'] }))!
    expect(sub.score).toBe(WEIGHTS.audience + WEIGHTS.subdivision)
    expect(sub.level).toBe('high')
    const country = overlapBetween(campaign({ subdivisions: [] }), other({ channels: ['tv'], exploitationForms: ['organ_removal'], purposes: ['advocate_policy'] }))!
    expect(country.score).toBe(WEIGHTS.audience + WEIGHTS.country)
    expect(country.level).toBe('medium')
    const channelOnly = overlapBetween(campaign(), other({ audiences: ['teachers'], exploitationForms: ['organ_removal'], purposes: ['advocate_policy'] }))!
    expect(channelOnly.score).toBe(WEIGHTS.channel + WEIGHTS.subdivision)
    expect(channelOnly.score).toBeLessThan(sub.score)
    const nothing = overlapBetween(campaign(), other({ audiences: ['teachers'], channels: ['tv'], exploitationForms: ['organ_removal'], purposes: ['advocate_policy'] }))!
    expect(nothing.level).toBe('low')
  })

  it('a narrow campaign inside a broad one counts as fully shared', () => {
    const r = overlapBetween(campaign({ audiences: ['migrant_workers'] }), other({ audiences: ['migrant_workers', 'youth_students', 'teachers'] }))!
    expect(r.score).toBe(1)
  })

  it('levels: high from 0.6, medium from 0.3', () => {
    expect([levelOf(0.6), levelOf(0.59), levelOf(0.3), levelOf(0.29)]).toEqual(['high', 'medium', 'medium', 'low'])
  })
})

describe('reasons in plain words', () => {
  it('say who, where, when and how, like DESIGN.md §5', () => {
    const r = overlapBetween(campaign({ channels: ['radio', 'tv'] }), other({ channels: ['radio'], audiences: ['migrant_workers', 'youth_students'] }))!
    expect(r.reasons).toEqual([
      `Both target prospective and current migrant workers in Lvivska oblast (UA-46) in ${english.months('2026-04-01', '2026-05-31')}.`,
      'Both use radio.',
      'Both address forced labour.',
      'Both aim to inform at-risk groups.',
      `They run at the same time for 9 weeks (${english.days('2026-04-01', '2026-05-31')}).`,
    ])
  })

  it('name the month span across years', () => {
    expect(monthSpan('2025-12-01', '2026-01-31')).toBe(english.months('2025-12-01', '2026-01-31'))
    expect(monthSpan('2025-12-01', '2026-01-31')).toMatch(/^December 2025\s*–\s*January 2026$/)
    expect(monthSpan('2026-06-03', '2026-06-20')).toBe('June 2026')
  })
})

describe('scoring without words', () => {
  it('gives the same verdict and score as the full overlap; the words can follow for the closest', () => {
    const a = campaign({ subdivisions: ['UA-46', 'UA-26'], audiences: ['migrant_workers', 'returnees'], channels: ['radio', 'social_media'] })
    const pairs = [
      other(),
      other({ subdivisions: [] }),
      other({ subdivisions: ['UA-26'], audiences: ['returnees'], startDate: '2026-05-31', endDate: '2026-07-01' }),
      other({ subdivisions: ['UA-30'] }),
      other({ startDate: '2026-06-10', endDate: '2026-06-20' }),
    ]
    for (const b of pairs) {
      for (const bufferDays of [0, 10]) {
        const full = overlapBetween(a, b, { bufferDays })
        const scored = scoreOverlap(a, b, { bufferDays })
        if (!full) {
          expect(scored).toBeNull()
          continue
        }
        const { reasons, ...rest } = full
        expect(scored).toEqual(rest)
        expect(reasonsFor(scored!, 'UA')).toEqual(reasons)
      }
    }
  })
})

describe('ranking every candidate by its score alone', () => {
  // The live check ranks candidates with overlapScoreOf and describes the
  // closest with scoreProfiles: both must apply the same rules to any pair.
  const codes = <T extends string>(list: readonly T[]) => fc.subarray([...list], { maxLength: 4 })
  const profile = fc.record({
    id: fc.integer({ min: 1, max: 4 }),
    organisationId: fc.integer({ min: 1, max: 3 }),
    takesPart: fc.boolean(),
    country: fc.constantFrom('PH', 'UA'),
    // Regions, provinces within them, and subdivisions of another country: every way regions can meet or not.
    subdivisions: fc.subarray(['PH-07', 'PH-CEB', 'PH-BOH', 'PH-00', 'UA-46', 'UA-26'], { maxLength: 3 }),
    startDay: fc.integer({ min: 20_000, max: 20_060 }),
    length: fc.integer({ min: 0, max: 40 }),
    audiences: codes(AUDIENCES.codes),
    channels: codes(CHANNELS.codes),
    forms: codes(EXPLOITATION_FORMS.codes),
    purposes: codes(PURPOSES.codes),
  }).map((p): OverlapProfile => ({
    ...p,
    endDay: p.startDay + p.length,
    audiences: maskOf(AUDIENCES, p.audiences),
    channels: maskOf(CHANNELS, p.channels),
    forms: maskOf(EXPLOITATION_FORMS, p.forms),
    purposes: maskOf(PURPOSES, p.purposes),
  }))

  it('scores any pair as the full description does, and says no to the same pairs', () => {
    fc.assert(
      fc.property(profile, profile, fc.integer({ min: 0, max: 30 }), (a, b, buffer) => {
        expect(overlapScoreOf(a, b, buffer)).toBe(scoreProfiles(a, b, buffer)?.score ?? null)
      }),
      { numRuns: 5_000 },
    )
  })
})
