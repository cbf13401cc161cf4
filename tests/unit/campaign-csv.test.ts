import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, campaignRows, type CampaignRecord } from '../../app/features/campaigns/csv-layout'
import { parseCampaignCsv } from '../../app/features/campaigns/csv-import'
import { importSteps, type KnownCampaign } from '../../app/features/campaigns/csv-sync'
import type { Campaign } from '../../app/features/campaigns/campaign'
import type { Status } from '../../app/shared/taxonomy/taxonomy'

const ORG = 'Safe Passage Ukraine'
const HEADER: string[] = CSV_COLUMNS.map((c) => c.header)
const HXL = CSV_COLUMNS.map((c) => c.hxl)

function row(over: Record<string, string> = {}) {
  const base: Record<string, string> = {
    organisation: ORG, funders: '', title: 'Safe jobs abroad', code: 'C1', country: 'UA', subdivision: 'UA-46', subdivision_name: 'Lvivska oblast',
    start_date: '2026-04-01', end_date: '2026-06-30', status: 'planned', audiences: 'migrant_workers;youth_students', channels: 'radio',
    targeted: '55000', audience_sizes: '40000;15000', pillar: 'prevention', purposes: 'inform_at_risk', exploitation_forms: 'forced_labour',
    languages: 'uk', visibility: 'network', summary: 'Radio spots.',
  }
  return HEADER.map((h) => over[h] ?? base[h] ?? '')
}
const csv = (lines: string[][], delimiter = ',') =>
  lines.map((l) => l.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n')

describe('reading the campaign spreadsheet', () => {
  it('reads the export layout with its HXL row, merging the lines of one campaign into its subdivisions', () => {
    const result = parseCampaignCsv(csv([HEADER, HXL, row(), row({ subdivision: 'UA-26', subdivision_name: 'Ivano-Frankivska oblast' })]), ORG)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.campaigns).toHaveLength(1)
    expect(result.campaigns[0]).toMatchObject({
      title: 'Safe jobs abroad', subdivisions: ['UA-46', 'UA-26'], audiences: ['migrant_workers', 'youth_students'], audienceSizes: [40000, 15000], startDate: '2026-04-01', status: 'planned',
    })
  })

  it('accepts a byte-order mark, semicolons as separators and a quoted summary with a line break', () => {
    const text = `\uFEFF${csv([HEADER, row({ summary: 'Line one\nline two; with a semicolon' })], ';')}`
    const result = parseCampaignCsv(text, ORG)
    expect(result.ok && result.campaigns[0]!.summary).toBe('Line one\nline two; with a semicolon')
  })

  it('names a missing column and an unknown one', () => {
    const header = HEADER.filter((h) => h !== 'status').concat('colour')
    const result = parseCampaignCsv(csv([header]), ORG)
    expect(result.ok ? [] : result.problems).toEqual([
      { line: 1, column: 'colour', message: 'Unknown column “colour”. Use the columns of the template.' },
      { line: 1, column: 'status', message: 'The column “status” is missing.' },
    ])
  })

  it('finds the one bad line among 10,000 and says where and what', () => {
    const lines = [HEADER, HXL]
    for (let i = 0; i < 10_000; i++) lines.push(row({ code: `C${i}`, audiences: i === 7321 ? 'migrant_workers;aliens' : 'migrant_workers', audience_sizes: '' }))
    const result = parseCampaignCsv(csv(lines), ORG)
    expect(result.ok ? [] : result.problems).toEqual([{ line: 7321 + 3, column: 'audiences', message: 'Unknown audience code: aliens' }])
  })

  it('reports every kind of bad cell by line and column', () => {
    const result = parseCampaignCsv(
      csv([
        HEADER,
        row({ code: 'A', end_date: '2026-03-01' }),
        row({ code: 'B', subdivision: 'NP-P1' }),
        row({ code: 'C', status: 'finished', country: 'XX' }),
        row({ code: 'D', organisation: 'Someone Else' }),
        row({ code: 'E', audience_sizes: '10' }),
        row({ code: 'F' }),
        row({ code: 'F', title: 'Another title' }),
      ]),
      ORG,
    )
    expect(result.ok ? [] : result.problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:end_date', '3:subdivision', '4:country', '4:status', '5:organisation', '6:audience_sizes', '8:title'])
  })

  it('says so when a line has the wrong number of cells, or the file is empty', () => {
    const short = parseCampaignCsv(`${HEADER.join(',')}\r\nonly,three,cells`, ORG)
    expect(short.ok ? '' : short.problems[0]!.message).toBe(`This line has 3 cells; the header has ${HEADER.length}.`)
    expect(parseCampaignCsv('', ORG)).toEqual({ ok: false, problems: [{ line: 1, column: '', message: 'The file is empty.' }] })
  })
})

describe('importing a campaign spreadsheet again', () => {
  const parsed = (over: Record<string, string> = {}) => {
    const result = parseCampaignCsv(csv([HEADER, row(over)]), ORG)
    if (!result.ok) throw new Error(JSON.stringify(result.problems))
    return result.campaigns[0]!
  }
  const measurable: Campaign['objectives'] = [
    { statement: 'Know the hotline', indicators: [{ name: '% who know it', level: 'outcome', unit: 'percent', direction: 'increase', baseline: null, baselineAtSurvey: true, target: 60, meansOfVerification: '' }] },
  ]
  /** C1 as Lantern holds it: the file's fields, with or without objectives, at a status. */
  const known = (status: Status, objectives: Campaign['objectives'] = []): Map<string, KnownCampaign> => {
    const { line: _line, ...asInFile } = parsed({ status })
    const campaign: Campaign = {
      title: asInFile.title, summary: asInFile.summary, pillar: asInFile.pillar, purposes: asInFile.purposes, exploitationForms: asInFile.exploitationForms, languages: asInFile.languages,
      audiences: asInFile.audiences.map((code, i) => ({ code, estimatedSize: asInFile.audienceSizes[i] ?? null })), audienceOther: '', channels: asInFile.channels, channelOther: '', keyMessages: '',
      country: asInFile.country, subdivisions: asInFile.subdivisions, locality: '', startDate: asInFile.startDate, endDate: asInFile.endDate, objectives, budget: null, currency: null, funderIds: [],
      visibility: asInFile.visibility, risk: { restraintImagery: null, antiMigration: null, identifiesVictim: null, mitigation: '' },
    }
    return new Map([['C1', { id: 7, asInFile, campaign: () => campaign, status }]])
  }

  it('leaves a campaign the file describes as it is, whatever the order of its listed codes', () => {
    const reordered = parsed({ status: 'planned', audiences: 'youth_students;migrant_workers', audience_sizes: '15000;40000' })
    expect(importSteps([reordered], known('planned', measurable))).toEqual({ steps: [{ kind: 'unchanged', id: 7 }], problems: [] })
  })

  it('updates a changed campaign, moving its status only where the campaign page would', () => {
    expect(importSteps([parsed({ status: 'active', title: 'Safe jobs abroad 2026' })], known('planned', measurable)).steps).toMatchObject([{ kind: 'update', id: 7, from: 'planned' }])
    expect(importSteps([parsed({ status: 'planned' })], known('draft', measurable)).steps).toMatchObject([{ kind: 'update', id: 7, from: 'draft' }])
    // Registering needs an outcome indicator with a target and a baseline, which only Lantern can hold.
    expect(importSteps([parsed({ status: 'planned' })], known('draft')).problems).toEqual([
      { line: 2, column: 'status', message: expect.stringMatching(/^A campaign is registered as planned once it has an objective with an outcome indicator/) },
    ])
    expect(importSteps([parsed({ status: 'completed' })], known('planned', measurable)).problems[0]!.message).toBe(
      'This campaign is planned on Lantern and cannot move to completed (from planned it can move to draft, active, or archived).',
    )
    expect(importSteps([parsed({ status: 'evaluated' })], known('completed', measurable)).problems[0]!.message).toMatch(/^Mark the campaign evaluated on Lantern/)
  })

  it('creates a campaign with a new code as a draft, or archived, and nothing further along', () => {
    expect(importSteps([parsed({ status: 'draft', code: 'C2' })], known('planned')).steps).toMatchObject([{ kind: 'create' }])
    expect(importSteps([parsed({ status: 'archived', code: 'C2' })], known('planned')).steps).toMatchObject([{ kind: 'create' }])
    for (const status of ['active', 'completed', 'evaluated']) {
      expect(importSteps([parsed({ status, code: 'C2' })], new Map()).problems[0]!.message).toMatch(/^A new campaign starts as a draft; it cannot be imported as/)
    }
  })
})

describe('the 3W layout', () => {
  const record: CampaignRecord = {
    id: 4, code: 'C4', organisationName: ORG, funders: [], title: 'Know your rights abroad', summary: '', pillar: 'prevention', status: 'planned', visibility: 'network',
    country: 'UA', subdivisions: ['UA-46', 'UA-26'], locality: '', startDate: '2026-05-01', endDate: '2026-07-31', audiences: ['migrant_workers', 'youth_students'],
    audienceSizes: [40000, 15000], channels: ['radio'], purposes: [], exploitationForms: [], languages: ['uk'], reached: 1200,
  }
  const places = { subdivisionName: (code: string) => `name of ${code}`, alpha3: (c: string) => (c === 'UA' ? 'UKR' : '') }

  it('gives a campaign over several subdivisions its numbers once, on a row for the whole campaign', () => {
    const rows = campaignRows(record, places)
    expect(rows.map((r) => [r.subdivision, r.targeted, r.reached, r.audience_sizes, r.country_iso3])).toEqual([
      ['', '55000', '1200', '40000;15000', 'UKR'],
      ['UA-46', '', '', '', 'UKR'],
      ['UA-26', '', '', '', 'UKR'],
    ])
    expect(campaignRows({ ...record, subdivisions: ['UA-46'] }, places).map((r) => [r.subdivision, r.targeted])).toEqual([['UA-46', '55000']])
  })

  it('reads those rows back as one campaign, and refuses two different numbers for it', () => {
    const lines = campaignRows(record, places).map((r) => HEADER.map((h) => r[h as keyof typeof r] ?? ''))
    const back = parseCampaignCsv(csv([HEADER, HXL, ...lines]), ORG)
    expect(back).toMatchObject({ ok: true, campaigns: [{ code: 'C4', subdivisions: ['UA-46', 'UA-26'], audienceSizes: [40000, 15000] }] })
    const conflicting = lines.map((l, i) => (i === 2 ? l.map((cell, k) => (HEADER[k] === 'targeted' ? '9' : cell)) : l))
    expect(parseCampaignCsv(csv([HEADER, HXL, ...conflicting]), ORG)).toMatchObject({ ok: false, problems: [{ line: 5, column: 'targeted' }] })
    const wrongIso3 = lines.map((l) => l.map((cell, k) => (HEADER[k] === 'country_iso3' ? 'UKX' : cell)))
    const message = 'UKX is not the ISO 3166-1 alpha-3 code of UA (UKR)'
    expect(parseCampaignCsv(csv([HEADER, HXL, ...wrongIso3]), ORG)).toEqual({ ok: false, problems: [3, 4, 5].map((line) => ({ line, column: 'country_iso3', message })) })
  })
})
