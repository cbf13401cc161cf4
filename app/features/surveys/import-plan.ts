import { optionItem, readAnswer, type Question } from './answers'
import { FIELD_LABELS, type ColumnTarget } from './columns'
import { readGroup, readSex, readWaveKind, readWeight } from './field-values'
import { SAMPLINGS, type Sampling, type WaveGroup, type WaveKind } from '../../shared/taxonomy/taxonomy'
import type { CsvFile, CsvProblem } from '../../shared/csv/csv-file'
import { defineMessages, tr } from '../../shared/i18n'
import { FIELD_WORDS } from './field-words'

// Reading a survey spreadsheet's rows with a column mapping: every row checked
// with zod, every problem named by line and column (the header is line 1),
// nothing returned unless the whole file is valid.

export type WaveKey = `${WaveKind}:${WaveGroup}`
export const waveKey = (kind: WaveKind, group: WaveGroup): WaveKey => `${kind}:${group}`
export const waveName = (key: WaveKey) => {
  const [kind, group] = key.split(':') as [WaveKind, WaveGroup]
  return tr(said.waveName, { kind, group })
}


export type ImportedResponse = {
  line: number
  wave: WaveKey
  respondentCode: string
  /** The collecting tool's id of the submission, where the file has one (Kobo's _uuid, ODK's instanceID). */
  submissionId: string | null
  sex: 'female' | 'male' | 'other' | null
  ageBand: string | null
  locality: string | null
  cluster: string | null
  stratum: string | null
  weight: number | null
  /** Question code → canonical answer; unanswered questions are absent. */
  answers: Record<string, string>
}


export type ReadOptions = {
  mapping: readonly ColumnTarget[]
  questions: readonly Question[]
  /** Why each column looks like personal data (personalData), or null. */
  personal: readonly (string | null)[]
  /** Where rows go when the file has no wave column. */
  targetWave: WaveKey | null
  /** The campaign's waves. */
  waves: ReadonlySet<WaveKey>
  /** How each wave's respondents were drawn, where someone has said (a wave not listed has not). */
  samplings?: ReadonlyMap<WaveKey, Sampling | null>
}

/** The design a file's sample columns describe: strata and clusters, clusters, or weights alone; null without any. */
export function impliedSampling(mapping: readonly ColumnTarget[]): Sampling | null {
  if (mapping.includes('cluster')) return mapping.includes('stratum') ? 'stratified_cluster' : 'cluster'
  return mapping.includes('weight') ? 'weighted' : null
}

/** Why the file's sample columns do not fit a wave's declared design, or null when they do (or when nothing is declared). */
function samplingMismatch(declared: Sampling | null, mapping: readonly ColumnTarget[], wave: WaveKey): string | null {
  const implied = impliedSampling(mapping)
  if (declared === null || declared === implied || (declared === 'simple_random' && implied === null)) return null
  const named = { wave: waveName(wave), declared: tr(SAMPLINGS.message(declared)).toLocaleLowerCase() }
  const change = (to: Sampling, gives: 'weights' | 'clusters' | 'strata') => tr(said.samplingGives, { ...named, gives, to: tr(SAMPLINGS.message(to)).toLocaleLowerCase() })
  const map = (field: 'cluster' | 'stratum' | 'weight') => tr(said.samplingMap, { ...named, field: FIELD_LABELS[field] })
  if (implied === null) return map(declared === 'weighted' ? 'weight' : 'cluster')
  if (declared === 'simple_random' || declared === 'weighted') return change(implied, implied === 'weighted' ? 'weights' : 'clusters')
  if (implied === 'weighted') return map('cluster')
  return declared === 'cluster' ? change('stratified_cluster', 'strata') : map('stratum')
}

/** How many problems of one file are kept to show: a file wrong in every row would otherwise hold one per cell. */
export const PROBLEMS_KEPT = 10_000

/** The problems of a file: the first PROBLEMS_KEPT kept, all of them counted. */
export function problemList(kept = PROBLEMS_KEPT) {
  const list: CsvProblem[] = []
  let count = 0
  return {
    list,
    get count() {
      return count
    },
    add(...problems: CsvProblem[]) {
      count += problems.length
      for (const p of problems) if (list.length < kept) list.push(p)
    },
  }
}

export type ProblemList = ReturnType<typeof problemList>

/** "question knows_hotline", "option heard_from/radio", "Respondent code": a column's destination in words. */
export const targetName = (target: ColumnTarget) =>
  target.startsWith('question:') ? tr(said.question, { code: target.slice(9) }) : target.startsWith('option:') ? tr(said.option, { code: target.slice(7) }) : FIELD_LABELS[target as keyof typeof FIELD_LABELS]

/** Problems of the mapping itself, before any row is read. */
export function mappingProblems(file: CsvFile, o: ReadOptions): CsvProblem[] {
  const problems: CsvProblem[] = []
  const at = (column: string, message: string) => problems.push({ line: 1, column, message })
  o.mapping.forEach((target, i) => {
    const header = file.headers[i] ?? tr(said.column, { n: i + 1 })
    if (target === 'choose') return at(header, tr(said.choose))
    if (target !== 'drop' && o.personal[i]) at(header, tr(said.personal, { why: o.personal[i] }))
    if (target !== 'drop' && o.mapping.indexOf(target) !== i) at(header, tr(said.twice, { target: targetName(target) }))
    if (target.startsWith('question:') && !o.questions.some((q) => `question:${q.code}` === target)) at(header, tr(said.noQuestion, { code: target.slice(9) }))
    if (target.startsWith('option:') && !o.questions.some((q) => q.type === 'multiple_choice' && q.options.some((x) => `option:${optionItem(q.code, x.code)}` === target))) {
      at(header, tr(said.noOption, { code: target.slice(7) }))
    }
  })
  // A multiple-choice question read from its 0/1 columns needs one for every option, unless the combined column is there.
  for (const q of o.questions.filter((x) => x.type === 'multiple_choice' && !o.mapping.includes(`question:${x.code}`))) {
    const missing = q.options.filter((x) => !o.mapping.includes(`option:${optionItem(q.code, x.code)}`))
    if (missing.length && missing.length < q.options.length) at('', tr(said.everyOption, { code: q.code, missing: missing.map((x) => optionItem(q.code, x.code)).join(', ') }))
  }
  if (!o.mapping.includes('respondent_code')) at('', tr(said.mapRespondent))
  if (!o.mapping.some((t) => t.startsWith('question:') || t.startsWith('option:'))) at('', tr(said.mapQuestion))
  if (!o.mapping.includes('wave') && !o.targetWave) at('', tr(said.noWaveColumn))
  if (o.mapping.includes('stratum') && !o.mapping.includes('cluster')) at('', tr(said.stratumNeedsCluster))
  return problems
}

/**
 * A reader of the rows of one file, one row at a time, so that a file is
 * read as it streams and never held whole. `read` takes the row's index
 * (0 = the first row after the header) and gives the row as it will be
 * stored, or null when it has problems; `finish` ends the file. Problems go
 * to `problems`; a row is stored only if the whole file has none.
 */
export function surveyRowReader(file: Pick<CsvFile, 'headers'>, o: ReadOptions, problems: ProblemList = problemList(), seen: FirstLines = firstLinesInMemory()) {
  problems.add(...mappingProblems({ headers: file.headers, rows: [] }, o))
  // Where each target's column is, looked up once: the file is read a row at a time, and rows are many.
  const columns = new Map<ColumnTarget, number>()
  o.mapping.forEach((target, i) => columns.has(target) || columns.set(target, i))
  const columnOf = (target: ColumnTarget) => columns.get(target) ?? -1
  // Each question's cells read as readAnswer reads them (what answerField wraps), the readings of repeated cells remembered:
  // a survey's answers are a handful of values over and over.
  const questionColumns = o.questions.flatMap((q) => (columnOf(`question:${q.code}`) >= 0 ? [{ q, column: columnOf(`question:${q.code}`), read: remembered((raw: string) => readAnswer(q, raw)) }] : []))
  const waveKindOf = remembered(readWaveKind)
  const groupOf = remembered(readGroup)
  // Multiple-choice questions with a 0/1 column per option (Kobo's layout): each option's column, where mapped.
  const optionColumns = o.questions.flatMap((q) => {
    const columns = q.type === 'multiple_choice' ? q.options.map((x) => ({ option: x.code, column: columnOf(`option:${optionItem(q.code, x.code)}`) })).filter((x) => x.column >= 0) : []
    return columns.length ? [{ q, columns, combined: columnOf(`question:${q.code}`) }] : []
  })
  const header = (column: number) => file.headers[column] ?? tr(said.column, { n: column + 1 })
  const cell = (row: readonly string[], target: ColumnTarget) => (columnOf(target) >= 0 ? (row[columnOf(target)] ?? '').trim() : '')
  const mismatchSeen = new Set<WaveKey>()

  let count = 0
  // A wrong mapping makes every row wrong the same way: report the mapping only.
  const mappingWrong = problems.count > 0
  const read = (row: readonly string[], index: number): ImportedResponse | null => {
    if (mappingWrong) return null
    count++
    const line = index + 2
    const before = problems.count
    const problem = (target: ColumnTarget | number, message: string) =>
      problems.add({ line, column: typeof target === 'number' ? header(target) : header(columnOf(target)), message })
    if (row.length > file.headers.length) problems.add({ line, column: '', message: tr(said.cells, { cells: row.length, headers: file.headers.length }) })

    const code = cell(row, 'respondent_code')
    if (!code) problem('respondent_code', tr(said.needsCode))
    else if (code.length > 64) problem('respondent_code', tr(FIELD_WORDS.codeTooLong))

    let wave = o.targetWave
    if (columnOf('wave') >= 0) {
      const kind = waveKindOf(cell(row, 'wave'))
      const group = columnOf('group') >= 0 ? groupOf(cell(row, 'group')) : 'campaign'
      if (!kind) problem('wave', tr(said.notWave, { value: cell(row, 'wave') }))
      if (!group) problem('group', tr(said.notGroup, { value: cell(row, 'group') }))
      wave = kind && group ? waveKey(kind, group) : null
    }
    if (wave && !o.waves.has(wave)) problem(columnOf('wave') >= 0 ? 'wave' : 0, tr(said.noWave, { wave: waveName(wave) }))

    if (wave && code) {
      const earlier = seen.firstLine(`${wave}|${code}`, line)
      if (earlier !== line) problem('respondent_code', tr(said.respondentTwice, { code, wave: waveName(wave), earlier, line }))
    }
    const submissionId = cell(row, 'submission_id') || null
    if (submissionId && submissionId.length > 100) problem('submission_id', tr(said.submissionTooLong))
    else if (submissionId && wave) {
      const earlier = seen.firstLine(`${wave}|#${submissionId}`, line)
      if (earlier !== line) problem('submission_id', tr(said.submissionTwice, { id: submissionId, wave: waveName(wave), earlier, line }))
    }

    const sexCell = cell(row, 'sex')
    const sex = sexCell ? readSex(sexCell) : null
    if (sexCell && !sex) problem('sex', tr(said.notSex, { value: sexCell }))
    const ageBand = cell(row, 'age_band') || null
    if (ageBand && ageBand.length > 20) problem('age_band', tr(FIELD_WORDS.ageBandTooLong))
    const locality = cell(row, 'locality') || null
    if (locality && locality.length > 100) problem('locality', tr(FIELD_WORDS.localityTooLong))
    const cluster = cell(row, 'cluster') || null
    const stratum = cell(row, 'stratum') || null
    for (const [target, value] of [['cluster', cluster], ['stratum', stratum]] as const) {
      if (columnOf(target) >= 0 && !value) problem(target, tr(said.needsSampleCell, { target }))
      else if (value && value.length > 100) problem(target, tr(FIELD_WORDS.sampleCellTooLong, { target }))
    }
    const weightCell = cell(row, 'weight')
    const weight = weightCell ? readWeight(weightCell) : null
    if (columnOf('weight') >= 0 && !weightCell) problem('weight', tr(said.needsWeight))
    else if (weightCell && weight === null) problem('weight', tr(FIELD_WORDS.notWeight, { value: weightCell }))
    if (wave && !mismatchSeen.has(wave)) {
      mismatchSeen.add(wave)
      const mismatch = samplingMismatch(o.samplings?.get(wave) ?? null, o.mapping, wave)
      if (mismatch) problem(columnOf('wave') >= 0 ? 'wave' : 0, mismatch)
    }

    const answers: Record<string, string> = {}
    let answered = true
    for (const { q, column, read } of questionColumns) {
      const result = read(row[column] ?? '')
      if (!result.ok) {
        answered = false
        problem(column, result.message)
      } else if (result.value !== null) answers[q.code] = result.value
    }
    for (const { q, columns, combined } of optionColumns) {
      const cells = columns.map((x) => ({ ...x, value: (row[x.column] ?? '').trim() }))
      if (cells.every((x) => x.value === '')) continue
      const chosen: string[] = []
      for (const x of cells) {
        const read = readAnswer({ ...q, type: 'binary' }, x.value)
        if (!read.ok) problem(x.column, tr(said.notZeroOne, { value: x.value.slice(0, 40), option: optionItem(q.code, x.option) }))
        else if (read.value === '1') chosen.push(x.option)
      }
      const value = q.options.filter((x) => chosen.includes(x.code)).map((x) => x.code).join(' ')
      // Kobo writes both: the list and the 0/1 columns must say the same.
      // The option columns alone can say "answered, none chosen" (every column 0), which an empty list cannot.
      const listed = combined >= 0 && answered ? answers[q.code] : undefined
      if (listed !== undefined && listed !== value) problem(combined, tr(said.listDisagrees, { code: q.code, listed, value, none: value ? 'no' : 'yes' }))
      else if (listed === undefined) answers[q.code] = value
    }
    if (!answered || !wave || !code || problems.count > before) return null
    return { line, wave, respondentCode: code, submissionId, sex, ageBand, locality, cluster, stratum, weight, answers }
  }
  const finish = () => {
    if (count === 0 && !mappingWrong) problems.add({ line: 2, column: '', message: tr(said.noRows) })
    return problems
  }
  return { read, finish, problems }
}

/**
 * Where each respondent (and submission) of a file was first seen, to find
 * the ones that appear twice: `firstLine` gives the line a key was first
 * seen on, which is `line` itself the first time.
 */
export type FirstLines = { firstLine: (key: string, line: number) => number }

/** FirstLines in memory: for the first rows of a file; a whole large file keeps them on disk (first-lines.server.ts). */
export function firstLinesInMemory(): FirstLines {
  const seen = new Map<string, number>()
  return {
    firstLine(key, line) {
      const earlier = seen.get(key)
      if (earlier !== undefined) return earlier
      seen.set(flat(key), line)
      return line
    },
  }
}

/** A reading of a cell, remembered for the next cell that says the same (up to a few hundred different values). */
function remembered<T>(read: (cell: string) => T): (cell: string) => T {
  const seen = new Map<string, T>()
  return (cell) => {
    const known = seen.get(cell)
    if (known !== undefined || seen.has(cell)) return known as T
    const value = read(cell)
    if (seen.size < 500) seen.set(flat(cell), value)
    return value
  }
}

/**
 * A string that holds only its own characters: a cell the parser cut from a
 * 64 KB chunk otherwise keeps the whole chunk alive for as long as it is kept.
 */
const flat = (s: string) => (' ' + s).slice(1)

const said = defineMessages({
  waveName: { id: 'surveys.import.wave_name', defaultMessage: '{kind, select, baseline {baseline} endline {endline} other {follow-up}} of the {group, select, campaign {campaign group} other {comparison group}}' },
  samplingGives: {
    id: 'surveys.import.sampling_gives',
    defaultMessage: 'The {wave} is declared a {declared}, but the file gives {gives, select, weights {sampling weights} clusters {clusters} other {strata}}: change the wave’s sampling on the survey page to {to}, or drop those columns.',
  },
  samplingMap: { id: 'surveys.import.sampling_map', defaultMessage: 'The {wave} is declared a {declared}: map the column that holds each respondent’s “{field}”.' },
  question: { id: 'surveys.import.target_question', defaultMessage: 'question {code}' },
  option: { id: 'surveys.import.target_option', defaultMessage: 'option {code}' },
  column: { id: 'surveys.import.column_n', defaultMessage: 'column {n, number}' },
  choose: { id: 'surveys.import.choose_column', defaultMessage: 'Choose what this column is: a question, a field, or “Drop”.' },
  personal: { id: 'surveys.import.personal_column', defaultMessage: 'This column looks like personal data ({why}). Map it to “Drop” to import the file.' },
  twice: { id: 'surveys.import.mapped_twice', defaultMessage: 'Two columns are mapped to {target}; keep one.' },
  noQuestion: { id: 'surveys.import.no_question', defaultMessage: 'There is no question {code} in this campaign’s instrument.' },
  noOption: { id: 'surveys.import.no_option', defaultMessage: 'There is no multiple-choice option {code} in this campaign’s instrument.' },
  everyOption: { id: 'surveys.import.every_option', defaultMessage: '{code}: map a column for every option ({missing} missing), or the column that lists the chosen options.' },
  mapRespondent: { id: 'surveys.import.map_respondent', defaultMessage: 'Map one column to “Respondent code”.' },
  mapQuestion: { id: 'surveys.import.map_question', defaultMessage: 'Map at least one column to a question.' },
  noWaveColumn: { id: 'surveys.import.no_wave_column', defaultMessage: 'The file has no wave column: choose the wave its rows belong to.' },
  stratumNeedsCluster: { id: 'surveys.import.stratum_needs_cluster', defaultMessage: 'A stratum needs the clusters drawn within it: map the cluster column too, or drop the stratum column.' },
  cells: { id: 'surveys.import.row_cells', defaultMessage: 'This row has {cells, plural, one {# cell} other {# cells}} but the header has {headers, number}' },
  needsCode: { id: 'surveys.import.needs_code', defaultMessage: 'Every row needs a respondent code' },
  notWave: { id: 'surveys.import.not_wave', defaultMessage: '“{value}” is not a wave: use pre or post, baseline or endline, or follow-up' },
  notGroup: { id: 'surveys.import.not_group', defaultMessage: '“{value}” is not a group: use campaign or comparison' },
  noWave: { id: 'surveys.import.no_wave', defaultMessage: 'There is no wave for the {wave}: add it on the survey page first' },
  respondentTwice: { id: 'surveys.import.respondent_twice', defaultMessage: 'Respondent {code} appears twice in the {wave} (lines {earlier} and {line})' },
  submissionTooLong: { id: 'surveys.import.submission_too_long', defaultMessage: 'The submission ID must be 100 characters or fewer' },
  submissionTwice: { id: 'surveys.import.submission_twice', defaultMessage: 'Submission {id} appears twice in the {wave} (lines {earlier} and {line})' },
  notSex: { id: 'surveys.import.not_sex', defaultMessage: '“{value}” is not a recognised sex: use female, male or other, or leave it empty' },
  needsSampleCell: { id: 'surveys.import.needs_sample_cell', defaultMessage: '{target, select, cluster {Every row of a cluster sample needs its cluster} other {Every row of a stratified sample needs its stratum}}' },
  needsWeight: { id: 'surveys.import.needs_weight', defaultMessage: 'Every row of a weighted sample needs its sampling weight' },
  notZeroOne: { id: 'surveys.import.not_zero_one', defaultMessage: '“{value}” is not 1 or 0: this column says whether {option} was chosen' },
  listDisagrees: { id: 'surveys.import.list_disagrees', defaultMessage: '{code} lists “{listed}”, but its option columns say “{none, select, yes {none} other {{value}}}”' },
  noRows: { id: 'surveys.import.no_rows', defaultMessage: 'The file has a header but no rows of answers' },
})
