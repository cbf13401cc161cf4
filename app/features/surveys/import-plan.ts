import { z } from 'zod'
import { answerField, optionItem, readAnswer, type Question } from './answers'
import { FIELD_LABELS, readGroup, readSex, readWaveKind, readWeight, type ColumnTarget } from './columns'
import { SAMPLINGS, WAVE_GROUPS, WAVE_KINDS, type Sampling, type WaveGroup, type WaveKind } from '../../shared/taxonomy/taxonomy'
import type { CsvFile, CsvProblem } from '../../shared/csv/csv-file'

// Reading a survey spreadsheet's rows with a column mapping: every row checked
// with zod, every problem named by line and column (the header is line 1),
// nothing returned unless the whole file is valid.

export type WaveKey = `${WaveKind}:${WaveGroup}`
export const waveKey = (kind: WaveKind, group: WaveGroup): WaveKey => `${kind}:${group}`
export const waveName = (key: WaveKey) => {
  const [kind, group] = key.split(':') as [WaveKind, WaveGroup]
  return `${WAVE_KINDS.label(kind).toLowerCase()} of the ${WAVE_GROUPS.label(group).toLowerCase()}`
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
  const named = `The ${waveName(wave)} is declared a ${SAMPLINGS.label(declared).toLowerCase()}`
  const change = (to: Sampling) => `change the wave’s sampling on the survey page to ${SAMPLINGS.label(to).toLowerCase()}, or drop those columns.`
  const map = (field: 'cluster' | 'stratum' | 'weight') => `${named}: map the column that holds each respondent’s “${FIELD_LABELS[field]}”.`
  if (implied === null) return map(declared === 'weighted' ? 'weight' : 'cluster')
  if (declared === 'simple_random' || declared === 'weighted') return `${named}, but the file gives ${implied === 'weighted' ? 'sampling weights' : 'clusters'}: ${change(implied)}`
  if (implied === 'weighted') return map('cluster')
  return declared === 'cluster' ? `${named}, but the file gives strata: ${change('stratified_cluster')}` : map('stratum')
}

export type ReadResult = { ok: true; responses: ImportedResponse[] } | { ok: false; problems: CsvProblem[] }

/** "question knows_hotline", "option heard_from/radio", "Respondent code": a column's destination in words. */
export const targetName = (target: ColumnTarget) =>
  target.startsWith('question:') ? `question ${target.slice(9)}` : target.startsWith('option:') ? `option ${target.slice(7)}` : FIELD_LABELS[target as keyof typeof FIELD_LABELS]

/** Problems of the mapping itself, before any row is read. */
export function mappingProblems(file: CsvFile, o: ReadOptions): CsvProblem[] {
  const problems: CsvProblem[] = []
  const at = (column: string, message: string) => problems.push({ line: 1, column, message })
  o.mapping.forEach((target, i) => {
    const header = file.headers[i] ?? `column ${i + 1}`
    if (target === 'choose') return at(header, `Choose what this column is: a question, a field, or “Drop”.`)
    if (target !== 'drop' && o.personal[i]) at(header, `This column looks like personal data (${o.personal[i]}). Map it to “Drop” to import the file.`)
    if (target !== 'drop' && o.mapping.indexOf(target) !== i) at(header, `Two columns are mapped to ${targetName(target)}; keep one.`)
    if (target.startsWith('question:') && !o.questions.some((q) => `question:${q.code}` === target)) at(header, `There is no question ${target.slice(9)} in this campaign’s instrument.`)
    if (target.startsWith('option:') && !o.questions.some((q) => q.type === 'multiple_choice' && q.options.some((x) => `option:${optionItem(q.code, x.code)}` === target))) {
      at(header, `There is no multiple-choice option ${target.slice(7)} in this campaign’s instrument.`)
    }
  })
  // A multiple-choice question read from its 0/1 columns needs one for every option, unless the combined column is there.
  for (const q of o.questions.filter((x) => x.type === 'multiple_choice' && !o.mapping.includes(`question:${x.code}`))) {
    const missing = q.options.filter((x) => !o.mapping.includes(`option:${optionItem(q.code, x.code)}`))
    if (missing.length && missing.length < q.options.length) at('', `${q.code}: map a column for every option (${missing.map((x) => optionItem(q.code, x.code)).join(', ')} missing), or the column that lists the chosen options.`)
  }
  if (!o.mapping.includes('respondent_code')) at('', 'Map one column to “Respondent code”.')
  if (!o.mapping.some((t) => t.startsWith('question:') || t.startsWith('option:'))) at('', 'Map at least one column to a question.')
  if (!o.mapping.includes('wave') && !o.targetWave) at('', 'The file has no wave column: choose the wave its rows belong to.')
  if (o.mapping.includes('stratum') && !o.mapping.includes('cluster')) at('', 'A stratum needs the clusters drawn within it: map the cluster column too, or drop the stratum column.')
  return problems
}

/**
 * A reader of the rows of one file, one row at a time, so a caller can read a
 * large file in slices and let other work run between them. `read` takes the
 * row's index (0 = the first row after the header); `result` ends the file.
 */
export function surveyRowReader(file: Pick<CsvFile, 'headers'>, o: ReadOptions) {
  const problems: CsvProblem[] = mappingProblems({ headers: file.headers, rows: [] }, o)
  const columnOf = (target: ColumnTarget) => o.mapping.indexOf(target)
  const questionColumns = o.questions.flatMap((q) => (columnOf(`question:${q.code}`) >= 0 ? [{ q, column: columnOf(`question:${q.code}`) }] : []))
  const answers = z.object(Object.fromEntries(questionColumns.map(({ q }) => [q.code, answerField(q)])))
  // Multiple-choice questions with a 0/1 column per option (Kobo's layout): each option's column, where mapped.
  const optionColumns = o.questions.flatMap((q) => {
    const columns = q.type === 'multiple_choice' ? q.options.map((x) => ({ option: x.code, column: columnOf(`option:${optionItem(q.code, x.code)}`) })).filter((x) => x.column >= 0) : []
    return columns.length ? [{ q, columns, combined: columnOf(`question:${q.code}`) }] : []
  })
  const header = (column: number) => file.headers[column] ?? `column ${column + 1}`
  const cell = (row: readonly string[], target: ColumnTarget) => (columnOf(target) >= 0 ? (row[columnOf(target)] ?? '').trim() : '')
  const seen = new Map<string, number>()
  const mismatchSeen = new Set<WaveKey>()
  const responses: ImportedResponse[] = []

  let count = 0
  // A wrong mapping makes every row wrong the same way: report the mapping only.
  const mappingWrong = problems.length > 0
  const read = (row: readonly string[], index: number) => {
    if (mappingWrong) return
    count++
    const line = index + 2
    const problem = (target: ColumnTarget | number, message: string) =>
      problems.push({ line, column: typeof target === 'number' ? header(target) : header(columnOf(target)), message })
    if (row.length > file.headers.length) problems.push({ line, column: '', message: `This row has ${row.length} cells but the header has ${file.headers.length}` })

    const code = cell(row, 'respondent_code')
    if (!code) problem('respondent_code', 'Every row needs a respondent code')
    else if (code.length > 64) problem('respondent_code', 'The respondent code must be 64 characters or fewer')

    let wave = o.targetWave
    if (columnOf('wave') >= 0) {
      const kind = readWaveKind(cell(row, 'wave'))
      const group = columnOf('group') >= 0 ? readGroup(cell(row, 'group')) : 'campaign'
      if (!kind) problem('wave', `“${cell(row, 'wave')}” is not a wave: use pre or post, baseline or endline, or follow-up`)
      if (!group) problem('group', `“${cell(row, 'group')}” is not a group: use campaign or comparison`)
      wave = kind && group ? waveKey(kind, group) : null
    }
    if (wave && !o.waves.has(wave)) problem(columnOf('wave') >= 0 ? 'wave' : 0, `There is no wave for the ${waveName(wave)}: add it on the survey page first`)

    if (wave && code) {
      const key = `${wave}|${code}`
      const earlier = seen.get(key)
      if (earlier) problem('respondent_code', `Respondent ${code} appears twice in the ${waveName(wave)} (lines ${earlier} and ${line})`)
      else seen.set(key, line)
    }
    const submissionId = cell(row, 'submission_id') || null
    if (submissionId && submissionId.length > 100) problem('submission_id', 'The submission ID must be 100 characters or fewer')
    else if (submissionId && wave) {
      const key = `${wave}|#${submissionId}`
      const earlier = seen.get(key)
      if (earlier) problem('submission_id', `Submission ${submissionId} appears twice in the ${waveName(wave)} (lines ${earlier} and ${line})`)
      else seen.set(key, line)
    }

    const sexCell = cell(row, 'sex')
    const sex = sexCell ? readSex(sexCell) : null
    if (sexCell && !sex) problem('sex', `“${sexCell}” is not a recognised sex: use female, male or other, or leave it empty`)
    const ageBand = cell(row, 'age_band') || null
    if (ageBand && ageBand.length > 20) problem('age_band', 'The age band must be 20 characters or fewer, like 18–24')
    const locality = cell(row, 'locality') || null
    if (locality && locality.length > 100) problem('locality', 'The locality must be 100 characters or fewer')
    const cluster = cell(row, 'cluster') || null
    const stratum = cell(row, 'stratum') || null
    for (const [target, value] of [['cluster', cluster], ['stratum', stratum]] as const) {
      if (columnOf(target) >= 0 && !value) problem(target, `Every row of a ${target === 'cluster' ? 'cluster' : 'stratified'} sample needs its ${target}`)
      else if (value && value.length > 100) problem(target, `The ${target} must be 100 characters or fewer`)
    }
    const weightCell = cell(row, 'weight')
    const weight = weightCell ? readWeight(weightCell) : null
    if (columnOf('weight') >= 0 && !weightCell) problem('weight', 'Every row of a weighted sample needs its sampling weight')
    else if (weightCell && weight === null) problem('weight', `“${weightCell}” is not a sampling weight: use a number above 0, like 1.5`)
    if (wave && !mismatchSeen.has(wave)) {
      mismatchSeen.add(wave)
      const mismatch = samplingMismatch(o.samplings?.get(wave) ?? null, o.mapping, wave)
      if (mismatch) problem(columnOf('wave') >= 0 ? 'wave' : 0, mismatch)
    }

    const parsed = answers.safeParse(Object.fromEntries(questionColumns.map(({ q, column }) => [q.code, row[column] ?? ''])))
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problem(`question:${String(issue.path[0])}`, issue.message)
    }
    const fromOptions: Record<string, string> = {}
    for (const { q, columns, combined } of optionColumns) {
      const cells = columns.map((x) => ({ ...x, value: (row[x.column] ?? '').trim() }))
      if (cells.every((x) => x.value === '')) continue
      const chosen: string[] = []
      for (const x of cells) {
        const read = readAnswer({ ...q, type: 'binary' }, x.value)
        if (!read.ok) problem(x.column, `“${x.value.slice(0, 40)}” is not 1 or 0: this column says whether ${optionItem(q.code, x.option)} was chosen`)
        else if (read.value === '1') chosen.push(x.option)
      }
      const value = q.options.filter((x) => chosen.includes(x.code)).map((x) => x.code).join(' ')
      // Kobo writes both: the list and the 0/1 columns must say the same.
      // The option columns alone can say "answered, none chosen" (every column 0), which an empty list cannot.
      const listed = combined >= 0 && parsed.success ? parsed.data[q.code] : null
      if (listed !== undefined && listed !== null && listed !== value) problem(combined, `${q.code} lists “${listed}”, but its option columns say “${value || 'none'}”`)
      else if (listed === null || listed === undefined) fromOptions[q.code] = value
    }
    if (parsed.success && wave && code) {
      const given = [...Object.entries(parsed.data), ...Object.entries(fromOptions)].filter((e): e is [string, string] => e[1] !== null)
      responses.push({ line, wave, respondentCode: code, submissionId, sex, ageBand, locality, cluster, stratum, weight, answers: Object.fromEntries(given) })
    }
  }
  const result = (): ReadResult => {
    if (count === 0 && !mappingWrong) problems.push({ line: 2, column: '', message: 'The file has a header but no rows of answers' })
    return problems.length ? { ok: false, problems } : { ok: true, responses }
  }
  return { read, result }
}
