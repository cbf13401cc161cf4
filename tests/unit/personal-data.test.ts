import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { personalColumns } from '../../app/features/surveys/columns'

// The personal-data check measured on labelled columns (fixtures/personal-data):
// each column alone, as an upload's column with its first values, judged as
// the import judges it.

type Column = { header: string; personal: boolean; values: string[] }
const load = (file: string) => JSON.parse(readFileSync(join(__dirname, '../fixtures/personal-data', file), 'utf8')) as Column[]

function measure(columns: readonly Column[]) {
  const flagged = columns.map((c) => personalColumns([c.header], c.values.map((v) => [v]), [])[0] !== null)
  const personal = columns.filter((c) => c.personal).length
  const caught = columns.filter((c, i) => c.personal && flagged[i]).length
  const falseAlarms = columns.filter((c, i) => !c.personal && flagged[i])
  return { recall: caught / personal, falseAlarmRate: falseAlarms.length / (columns.length - personal), missed: columns.filter((c, i) => c.personal && !flagged[i]).map((c) => c.header), falseAlarms: falseAlarms.map((c) => c.header) }
}

describe('the personal-data check on labelled columns', () => {
  const tuned = load('columns.json')
  const heldOut = load('columns-held-out.json')
  const all = [...tuned, ...heldOut]

  it('is measured on at least 200 realistic columns, a quarter of them personal', () => {
    expect(all.length).toBeGreaterThanOrEqual(200)
    expect(all.filter((c) => c.personal).length / all.length).toBeGreaterThanOrEqual(0.25)
  })

  it('catches at least 98% of the personal columns and flags at most 2% of the others', () => {
    const m = measure(all)
    expect(m.recall, `missed: ${m.missed.join(', ')}`).toBeGreaterThanOrEqual(0.98)
    expect(m.falseAlarmRate, `flagged: ${m.falseAlarms.join(', ')}`).toBeLessThanOrEqual(0.02)
  })

  it('holds on the columns it was not tuned on', () => {
    const m = measure(heldOut)
    expect(m.recall, `missed: ${m.missed.join(', ')}`).toBeGreaterThanOrEqual(0.95)
    expect(m.falseAlarmRate, `flagged: ${m.falseAlarms.join(', ')}`).toBeLessThanOrEqual(0.02)
  })
})
