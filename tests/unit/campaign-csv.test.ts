import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS } from '../../app/features/campaigns/csv-layout'
import { parseCampaignCsv } from '../../app/features/campaigns/csv-import'

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
