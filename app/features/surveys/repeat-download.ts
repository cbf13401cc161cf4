import type { CsvProblem } from '../../shared/csv/csv-file'
import type { ColumnTarget } from './columns'
import { defineMessages, tr } from '../../shared/i18n'
import { SEXES } from '../../shared/taxonomy/taxonomy'
import { waveName, type ImportedResponse, type WaveKey } from './import-plan'

// A later download of the same survey holds the respondents already stored
// and new ones. Each row of the file is matched to what is stored in its wave
// (by the tool's submission id where both have one, else by respondent code)
// and is new, identical (skipped) or changed; a changed row is only written
// when a person accepts it. A code that comes back with another submission,
// or with another sex or age band, names a different person: that is refused.

/** A stored response as a file's row is compared with it: the same fields, and its id. */
export type StoredResponse = Pick<ImportedResponse, 'respondentCode' | 'submissionId' | 'sex' | 'ageBand' | 'locality' | 'cluster' | 'stratum' | 'weight' | 'answers'> & { id: number }

const PLACE_FIELDS = ['locality', 'cluster', 'stratum', 'weight'] as const

/** What this file can say about a respondent: the fields and questions it maps. Anything else stays as stored. */
export type Compared = { fields: ReadonlySet<(typeof PLACE_FIELDS)[number]>; questions: readonly string[] }

/** The fields and questions (by code) a mapping gives: a multiple-choice question counts when its list or any option column is mapped. */
export const comparedBy = (mapping: readonly ColumnTarget[], questionCodes: readonly string[]): Compared => ({
  fields: new Set(PLACE_FIELDS.filter((f) => mapping.includes(f))),
  questions: questionCodes.filter((code) => mapping.some((t) => t === `question:${code}` || t.startsWith(`option:${code}/`))),
})

export type Difference = { field: string; before: string | null; after: string | null }

/** A stored response the file says differently, and the response as it would be stored if the change is accepted. */
export type Change = { line: number; wave: WaveKey; respondentCode: string; responseId: number; differences: Difference[]; updated: ImportedResponse }

export type Comparison = { fresh: ImportedResponse[]; identical: number; changes: Change[]; problems: CsvProblem[] }

const shown = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? null : String(v))

/** `respondentColumn`: the heading of the file's respondent-code column, where a refusal is named. */
export function compareWithStored(responses: readonly ImportedResponse[], stored: ReadonlyMap<WaveKey, readonly StoredResponse[]>, compared: Compared, respondentColumn: string): Comparison {
  const index = new Map<WaveKey, { byCode: Map<string, StoredResponse>; bySubmission: Map<string, StoredResponse> }>()
  for (const [wave, rows] of stored) {
    index.set(wave, { byCode: new Map(rows.map((s) => [s.respondentCode, s])), bySubmission: new Map(rows.flatMap((s) => (s.submissionId ? [[s.submissionId, s] as const] : []))) })
  }
  const result: Comparison = { fresh: [], identical: 0, changes: [], problems: [] }
  for (const r of responses) {
    const wave = index.get(r.wave)
    const bySubmission = r.submissionId ? wave?.bySubmission.get(r.submissionId) : undefined
    const byCode = wave?.byCode.get(r.respondentCode)
    const problem = (message: string) => result.problems.push({ line: r.line, column: respondentColumn, message })
    if (bySubmission && byCode && byCode !== bySubmission) {
      problem(tr(said.submissionElsewhere, { id: r.submissionId, stored: bySubmission.respondentCode, code: r.respondentCode, wave: waveName(r.wave) }))
      continue
    }
    if (!bySubmission && byCode?.submissionId && r.submissionId) {
      problem(tr(said.otherSubmission, { code: r.respondentCode, wave: waveName(r.wave), stored: byCode.submissionId, id: r.submissionId }))
      continue
    }
    const match = bySubmission ?? byCode
    if (!match) {
      result.fresh.push(r)
      continue
    }
    const person = (['sex', 'ageBand'] as const).find((f) => match[f] !== null && r[f] !== null && match[f] !== r[f])
    if (person) {
      const who = (s: Pick<StoredResponse, 'sex' | 'ageBand'>) => [s.sex ? tr(SEXES.message(s.sex)).toLocaleLowerCase() : null, s.ageBand].filter(Boolean).join(', ')
      problem(tr(said.otherPerson, { code: r.respondentCode, wave: waveName(r.wave), stored: who(match), given: who(r) }))
      continue
    }
    // A field the file does not give keeps what was stored, and so do the questions it does not map.
    const place = <F extends (typeof PLACE_FIELDS)[number]>(f: F) => (compared.fields.has(f) ? r[f] : match[f])
    const answers = { ...match.answers }
    for (const code of compared.questions) {
      if (r.answers[code] === undefined) delete answers[code]
      else answers[code] = r.answers[code]
    }
    const merged: ImportedResponse = {
      ...r,
      submissionId: r.submissionId ?? match.submissionId,
      sex: r.sex ?? match.sex,
      ageBand: r.ageBand ?? match.ageBand,
      locality: place('locality'),
      cluster: place('cluster'),
      stratum: place('stratum'),
      weight: place('weight'),
      answers,
    }
    const differences: Difference[] = []
    const differ = (field: string, before: string | number | null | undefined, after: string | number | null | undefined) => {
      if (shown(before) !== shown(after)) differences.push({ field, before: shown(before), after: shown(after) })
    }
    differ('respondent_code', match.respondentCode, merged.respondentCode)
    differ('sex', match.sex, merged.sex)
    differ('age_band', match.ageBand, merged.ageBand)
    for (const f of PLACE_FIELDS) differ(f, match[f], merged[f])
    for (const code of compared.questions) differ(code, match.answers[code], merged.answers[code])
    if (differences.length) result.changes.push({ line: r.line, wave: r.wave, respondentCode: r.respondentCode, responseId: match.id, differences, updated: merged })
    else result.identical++
  }
  return result
}

const said = defineMessages({
  submissionElsewhere: {
    id: 'surveys.repeat.submission_elsewhere',
    defaultMessage: 'Submission {id} is stored as respondent {stored}, and {code} is another respondent of the {wave}: a respondent code names one person',
  },
  otherSubmission: {
    id: 'surveys.repeat.other_submission',
    defaultMessage: 'Respondent {code} is already in the {wave} from another submission ({stored}, this row is {id}): a respondent code names one person. Give this respondent a code of their own',
  },
  otherPerson: {
    id: 'surveys.repeat.other_person',
    defaultMessage: 'Respondent {code} is already in the {wave} as {stored}; this row says {given}: a respondent code names one person. Give this respondent a code of their own',
  },
})
