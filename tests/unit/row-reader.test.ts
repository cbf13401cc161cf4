import { describe, expect, it } from 'vitest'
import { problemList, surveyRowReader, type FirstLines, type ReadOptions } from '../../app/features/surveys/import-plan'
import { firstLinesOnDisk } from '../../app/features/surveys/first-lines.server'
import { starterQuestions } from '../../app/features/surveys/starters'

// An import reads a file a row at a time and never holds it whole: the
// reader must find a respondent seen twice however far apart the lines
// are, and must not keep a problem per cell of a file wrong in every row.

const questions = starterQuestions().filter((q) => q.code === 'knows_hotline')
const headers = ['respondent_code', 'wave', 'knows_hotline']
const options: ReadOptions = { mapping: ['respondent_code', 'wave', 'question:knows_hotline'], questions, personal: [null, null, null], targetWave: null, waves: new Set(['baseline:campaign', 'endline:campaign']) }

function readAll(rows: string[][], seen?: FirstLines, kept?: number) {
  const reader = surveyRowReader({ headers }, options, problemList(kept), seen)
  const read = rows.flatMap((row, i) => reader.read(row, i) ?? [])
  return { read, problems: reader.finish() }
}

describe('reading a survey file a row at a time', () => {
  const rows = [['R1', 'pre', '1'], ['R2', 'pre', '0'], ['R1', 'post', '1'], ...Array.from({ length: 5_000 }, (_, i) => [`S${i}`, 'pre', '1']), ['R2', 'baseline', '1']]

  for (const [name, store] of [['in memory', () => undefined], ['on disk', () => firstLinesOnDisk()]] as const) {
    it(`finds a respondent who appears twice in a wave, lines apart, with the first lines kept ${name}`, () => {
      const seen = store()
      const { read, problems } = readAll(rows, seen)
      seen?.close()
      expect(problems.list).toEqual([{ line: 5_005, column: 'respondent_code', message: 'Respondent R2 appears twice in the baseline of the campaign group (lines 3 and 5005)' }])
      // The same code in another wave is the same person surveyed again, not a duplicate.
      expect(read.filter((r) => r.respondentCode === 'R1').map((r) => r.wave)).toEqual(['baseline:campaign', 'endline:campaign'])
      expect(read).toHaveLength(rows.length - 1)
    })
  }

  it('keeps the first problems of a file wrong in every row, and counts them all', () => {
    const { problems } = readAll(Array.from({ length: 40 }, (_, i) => [`R${i}`, 'pre', 'maybe']), undefined, 25)
    expect(problems.count).toBe(40)
    expect(problems.list).toHaveLength(25)
    expect(problems.list.at(-1)).toMatchObject({ line: 26, column: 'knows_hotline' })
  })

  it('says a file with a header and no rows has nothing to import', () => {
    expect(readAll([]).problems.list).toEqual([{ line: 2, column: '', message: 'The file has a header but no rows of answers' }])
  })
})
