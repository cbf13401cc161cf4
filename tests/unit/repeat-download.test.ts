import { describe, expect, it } from 'vitest'
import { compareWithStored, comparedBy, type StoredResponse } from '../../app/features/surveys/repeat-download'
import type { ImportedResponse, WaveKey } from '../../app/features/surveys/import-plan'

const blank = { submissionId: null, sex: null, ageBand: null, locality: null, cluster: null, stratum: null, weight: null }
const row = (line: number, code: string, answers: Record<string, string>, more: Partial<ImportedResponse> = {}): ImportedResponse => ({ line, wave: 'baseline:campaign', respondentCode: code, ...blank, answers, ...more })
const stored = (id: number, code: string, answers: Record<string, string>, more: Partial<StoredResponse> = {}): StoredResponse => ({ id, respondentCode: code, ...blank, answers, ...more })
const inBaseline = (...rows: StoredResponse[]) => new Map<WaveKey, StoredResponse[]>([['baseline:campaign', rows]])
const compared = { fields: new Set(['locality'] as const), questions: ['knows', 'score'] }

describe('a later download compared with what is stored', () => {
  it('sorts rows into new, identical and changed, naming each difference', () => {
    const result = compareWithStored(
      [row(2, 'R1', { knows: '1', score: '4' }), row(3, 'R2', { knows: '0' }, { locality: 'Lviv' }), row(4, 'R3', { knows: '1' })],
      inBaseline(stored(10, 'R1', { knows: '1', score: '4' }), stored(11, 'R2', { knows: '1', score: '7' }, { locality: 'Kyiv' })),
      compared,
      'respondent_code',
    )
    expect(result.problems).toEqual([])
    expect(result.fresh.map((r) => r.respondentCode)).toEqual(['R3'])
    expect(result.identical).toBe(1)
    expect(result.changes).toHaveLength(1)
    expect(result.changes[0]).toMatchObject({ line: 3, responseId: 11, respondentCode: 'R2' })
    expect(result.changes[0]!.differences).toEqual([
      { field: 'locality', before: 'Kyiv', after: 'Lviv' },
      { field: 'knows', before: '1', after: '0' },
      { field: 'score', before: '7', after: null },
    ])
  })

  it('keeps what the file does not map: other questions, unmapped fields, a sex it leaves empty', () => {
    const result = compareWithStored(
      [row(2, 'R1', { knows: '0' })],
      inBaseline(stored(10, 'R1', { knows: '1', other: '3' }, { sex: 'female', cluster: 'V1', weight: 1.5 })),
      { fields: new Set(), questions: ['knows'] },
      'respondent_code',
    )
    expect(result.changes[0]!.differences).toEqual([{ field: 'knows', before: '1', after: '0' }])
    expect(result.changes[0]!.updated).toMatchObject({ sex: 'female', cluster: 'V1', weight: 1.5, answers: { knows: '0', other: '3' } })
  })

  it('matches by submission id first, so a corrected respondent code is a change and not a new person', () => {
    const result = compareWithStored([row(2, 'R-001', { knows: '1' }, { submissionId: 'uuid-a' })], inBaseline(stored(10, 'R001', { knows: '1' }, { submissionId: 'uuid-a' })), compared, 'respondent_code')
    expect(result.fresh).toEqual([])
    expect(result.changes[0]!.differences).toEqual([{ field: 'respondent_code', before: 'R001', after: 'R-001' }])
  })

  it('refuses a respondent code that comes back from another submission or as another person', () => {
    const result = compareWithStored(
      [
        row(2, 'R1', { knows: '1' }, { submissionId: 'uuid-b' }),
        row(3, 'R2', { knows: '1' }, { sex: 'male', ageBand: '25-34' }),
        row(4, 'R4', { knows: '1' }, { submissionId: 'uuid-c' }),
      ],
      inBaseline(stored(10, 'R1', { knows: '1' }, { submissionId: 'uuid-a' }), stored(11, 'R2', { knows: '1' }, { sex: 'female', ageBand: '18-24' }), stored(12, 'R3', {}, { submissionId: 'uuid-c' }), stored(13, 'R4', {})),
      compared,
      'respondent_code',
    )
    expect(result.problems).toEqual([
      { line: 2, column: 'respondent_code', message: expect.stringMatching(/^Respondent R1 is already in the baseline of the campaign group from another submission \(uuid-a, this row is uuid-b\)/) },
      { line: 3, column: 'respondent_code', message: expect.stringMatching(/^Respondent R2 is already in the baseline of the campaign group as female, 18-24; this row says male, 25-34/) },
      { line: 4, column: 'respondent_code', message: expect.stringMatching(/^Submission uuid-c is stored as respondent R3, and R4 is another respondent/) },
    ])
    expect(result.fresh).toEqual([])
    expect(result.changes).toEqual([])
  })

  it('compares each wave with its own respondents: the same code in another wave is new there', () => {
    const result = compareWithStored([row(2, 'R1', { knows: '1' }, { wave: 'endline:campaign' })], inBaseline(stored(10, 'R1', { knows: '1' })), compared, 'respondent_code')
    expect(result.fresh).toHaveLength(1)
    expect(result.identical).toBe(0)
  })

  it('compares only what the mapping gives: its place fields, and each question through its own column or any option column', () => {
    const compared = comparedBy(['respondent_code', 'locality', 'weight', 'question:knows', 'option:heard/radio', 'drop'], ['knows', 'heard', 'score'])
    expect([...compared.fields].sort()).toEqual(['locality', 'weight'])
    expect(compared.questions).toEqual(['knows', 'heard'])
  })
})
