import type { CsvProblem } from '../../shared/csv/csv-file'
import { waveName, type ImportedResponse, type WaveKey } from './import-plan'

// A later download of the same survey holds the respondents already stored
// and new ones. Each row of the file is matched to what is stored in its wave
// (by the tool's submission id where both have one, else by respondent code)
// and is new, identical (skipped) or changed; a changed row is only written
// when a person accepts it. A code that comes back with another submission,
// or with another sex or age band, names a different person: that is refused.

/** A stored response as a file's row is compared with it: the same fields, and its id. */
export type StoredResponse = Pick<ImportedResponse, 'respondentCode' | 'submissionId' | 'sex' | 'ageBand' | 'locality' | 'cluster' | 'stratum' | 'weight' | 'answers'> & { id: number }

/** What this file can say about a respondent: the fields and questions it maps. Anything else stays as stored. */
export type Compared = { fields: ReadonlySet<'locality' | 'cluster' | 'stratum' | 'weight'>; questions: readonly string[] }

export type Difference = { field: string; before: string | null; after: string | null }

/** A stored response the file says differently, and the response as it would be stored if the change is accepted. */
export type Change = { line: number; wave: WaveKey; respondentCode: string; responseId: number; differences: Difference[]; updated: ImportedResponse }

export type Comparison = { fresh: ImportedResponse[]; identical: number; changes: Change[]; problems: CsvProblem[] }

const shown = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? null : String(v))

/** Headings of the file's respondent and submission columns, for the problems' "column". */
export type MatchColumns = { respondent: string; submission: string }

export function compareWithStored(responses: readonly ImportedResponse[], stored: ReadonlyMap<WaveKey, readonly StoredResponse[]>, compared: Compared, columns: MatchColumns): Comparison {
  const index = new Map<WaveKey, { byCode: Map<string, StoredResponse>; bySubmission: Map<string, StoredResponse> }>()
  for (const [wave, rows] of stored) {
    index.set(wave, { byCode: new Map(rows.map((s) => [s.respondentCode, s])), bySubmission: new Map(rows.flatMap((s) => (s.submissionId ? [[s.submissionId, s] as const] : []))) })
  }
  const result: Comparison = { fresh: [], identical: 0, changes: [], problems: [] }
  for (const r of responses) {
    const wave = index.get(r.wave)
    const bySubmission = r.submissionId ? wave?.bySubmission.get(r.submissionId) : undefined
    const byCode = wave?.byCode.get(r.respondentCode)
    const problem = (column: string, message: string) => result.problems.push({ line: r.line, column, message })
    if (bySubmission && byCode && byCode !== bySubmission) {
      problem(columns.respondent, `Submission ${r.submissionId} is stored as respondent ${bySubmission.respondentCode}, and ${r.respondentCode} is another respondent of the ${waveName(r.wave)}: a respondent code names one person`)
      continue
    }
    if (!bySubmission && byCode?.submissionId && r.submissionId) {
      problem(columns.respondent, `Respondent ${r.respondentCode} is already in the ${waveName(r.wave)} from another submission (${byCode.submissionId}, this row is ${r.submissionId}): a respondent code names one person. Give this respondent a code of their own`)
      continue
    }
    const match = bySubmission ?? byCode
    if (!match) {
      result.fresh.push(r)
      continue
    }
    const person = (['sex', 'ageBand'] as const).find((f) => match[f] !== null && r[f] !== null && match[f] !== r[f])
    if (person) {
      const said = (s: Pick<StoredResponse, 'sex' | 'ageBand'>) => [s.sex, s.ageBand].filter(Boolean).join(', ')
      problem(columns.respondent, `Respondent ${r.respondentCode} is already in the ${waveName(r.wave)} as ${said(match)}; this row says ${said(r)}: a respondent code names one person. Give this respondent a code of their own`)
      continue
    }
    const differences: Difference[] = []
    const differ = (field: string, before: string | number | null | undefined, after: string | number | null | undefined) => {
      if (shown(before) !== shown(after)) differences.push({ field, before: shown(before), after: shown(after) })
    }
    differ('respondent_code', match.respondentCode, r.respondentCode)
    // A field the file does not give keeps what was stored, and so do the questions it does not map.
    const kept = { sex: r.sex ?? match.sex, ageBand: r.ageBand ?? match.ageBand }
    const merged: ImportedResponse = { ...r, ...kept, submissionId: r.submissionId ?? match.submissionId, answers: { ...match.answers } }
    differ('sex', match.sex, kept.sex)
    differ('age_band', match.ageBand, kept.ageBand)
    for (const field of compared.fields) {
      differ(field, match[field], r[field])
    }
    for (const f of ['locality', 'cluster', 'stratum', 'weight'] as const) {
      if (!compared.fields.has(f)) (merged as Record<string, unknown>)[f] = match[f]
    }
    for (const code of compared.questions) {
      differ(code, match.answers[code], r.answers[code])
      if (r.answers[code] === undefined) delete merged.answers[code]
      else merged.answers[code] = r.answers[code]
    }
    if (differences.length) result.changes.push({ line: r.line, wave: r.wave, respondentCode: r.respondentCode, responseId: match.id, differences, updated: merged })
    else result.identical++
  }
  return result
}
