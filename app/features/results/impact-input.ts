import type { AnalysedType, Design, Dimension, SurveyData, SurveyRespondent } from './impact'
import { chosenOptions, clusterUnitOf, FIELD_LABELS, optionItem, impliedSampling, readAnswer, SAMPLE_TARGETS, type Question, normaliseHeader, personalData, suggestMapping, surveyRowReader, type WaveKey } from '../surveys'
import type { CsvFile, CsvProblem } from '../../shared/csv/csv-file'
import { WAVE_GROUPS, WAVE_KINDS, type Sampling } from '../../shared/taxonomy/taxonomy'

// What the analysis is given, from the database's stored answers or from a
// survey file in the import layout: the same reader and the same conversion
// either way, so the command line and the results page cannot disagree.

export const ANALYSED_TYPES = ['binary', 'likert', 'score'] as const satisfies readonly AnalysedType[]

/**
 * The items the analysis reads of a question, each with its type and how a
 * stored answer counts: 1 for the desired or correct answer, 0 otherwise;
 * scores as numbers; each option of a multiple-choice question a yes/no item
 * of its own (chosen or not); free text never.
 */
export function analysedItems(q: Pick<Question, 'code' | 'type' | 'desired' | 'options'>): { code: string; type: AnalysedType; option?: string; value: (stored: string) => number | null }[] {
  switch (q.type) {
    case 'binary':
    case 'single_choice':
      return [{ code: q.code, type: 'binary', value: (stored) => (stored === q.desired ? 1 : 0) }]
    case 'multiple_choice':
      return q.options.map((o) => ({ code: optionItem(q.code, o.code), type: 'binary' as const, option: o.label, value: (stored: string) => (chosenOptions(stored).includes(o.code) ? 1 : 0) }))
    case 'free_text':
      return []
    default:
      return [{ code: q.code, type: q.type, value: (stored) => (Number.isFinite(Number(stored)) ? Number(stored) : null) }]
  }
}

/** What the results page shows a card for: each analysed item, a multiple-choice option under its question's text. */
export function resultItems(questions: readonly (Pick<Question, 'code' | 'text' | 'type' | 'desired' | 'options' | 'min' | 'max'> & { lang?: string | null })[]) {
  return questions.flatMap((q) =>
    analysedItems(q).map((item) => ({ code: item.code, text: item.option ? `${q.text} — ${item.option}` : q.text, type: item.option ? ('binary' as const) : q.type, min: q.min, max: q.max, lang: q.lang ?? null })),
  )
}

export type StoredResponse = {
  wave: WaveKey
  respondentCode: string
  answers: Readonly<Record<string, string>>
  sex?: string | null
  ageBand?: string | null
  locality?: string | null
  /** How the response's wave was sampled, and where the respondent was drawn from. */
  sampling?: Sampling | null
  cluster?: string | null
  stratum?: string | null
  weight?: number | null
}

/** Baseline, endline and follow-up responses of the analysed questions. */
export function surveyData(questions: readonly Question[], responses: readonly StoredResponse[], design?: Design, clusterUnit: string | null = null): SurveyData {
  const analysed = questions.flatMap((q) => analysedItems(q).map((item) => ({ q, item })))
  const respondents: SurveyRespondent[] = []
  for (const r of responses) {
    const [wave, group] = r.wave.split(':') as [string, 'campaign' | 'comparison']
    if (wave !== 'baseline' && wave !== 'endline' && wave !== 'follow_up') continue
    const answers: Record<string, number | null> = {}
    for (const { q, item } of analysed) answers[item.code] = r.answers[q.code] === undefined ? null : item.value(r.answers[q.code]!)
    const attributes: Partial<Record<Dimension, string | null>> = { sex: r.sex ?? null, age_band: r.ageBand ?? null, locality: r.locality ?? null }
    const sample = { sampling: r.sampling ?? null, cluster: r.cluster ?? null, stratum: r.stratum ?? null, weight: r.weight ?? null }
    respondents.push({ code: r.respondentCode, wave, group, answers, attributes, sample })
  }
  return { design: design ?? inferDesign(respondents), questions: analysed.map(({ item }) => ({ code: item.code, type: item.type })), responses: respondents, clusterUnit }
}

/** A panel when some respondent code was surveyed at both waves of a group. */
export function inferDesign(responses: readonly Pick<SurveyRespondent, 'code' | 'wave' | 'group'>[]): Design {
  const baseline = new Set(responses.filter((r) => r.wave === 'baseline').map((r) => `${r.group}|${r.code}`))
  return responses.some((r) => r.wave === 'endline' && baseline.has(`${r.group}|${r.code}`)) ? 'panel' : 'cross_section'
}

const numeric = (v: string) => /^-?(\d+\.?\d*|\.\d+)$/.test(v)

/** Only 0/1 (or yes/no spellings) → binary, only whole numbers 1–5 → Likert, other numbers → score; otherwise null. */
export function inferType(values: readonly string[]): AnalysedType | null {
  const given = values.map((v) => v.trim()).filter((v) => v !== '')
  if (given.length === 0) return null
  const probe = (type: AnalysedType) => given.every((v) => readAnswer(asQuestion('x', type), v).ok)
  if (probe('binary')) return 'binary'
  if (given.every((v) => /^[1-5]$/.test(v))) return 'likert'
  return given.every(numeric) ? 'score' : null
}

const asQuestion = (code: string, type: AnalysedType): Question => ({ code, text: code, type, desired: type === 'binary' ? '1' : null, options: [], min: null, max: null })

/** The columns that hold a complex sample's design, by their headers. */
export type SampleColumns = Partial<Record<(typeof SAMPLE_TARGETS)[number], string>>
export type FileOptions = { design?: Design; types?: Readonly<Record<string, AnalysedType>>; sample?: SampleColumns }
const SAMPLE_FLAGS = { cluster: '--cluster', stratum: '--strata', weight: '--weights' } as const
export type FileReading = { ok: true; data: SurveyData; notes: string[] } | { ok: false; errors: string[] }

const ALL_WAVES = new Set(WAVE_KINDS.codes.flatMap((k) => WAVE_GROUPS.codes.map((g) => `${k}:${g}` as WaveKey)))

/**
 * A survey file in the import layout, read without a database: every column
 * that is not a field, form metadata or personal data is a question whose
 * code is its normalised header; types come from `--types` or the values.
 */
export function readAnalysisFile(file: CsvFile, o: FileOptions = {}): FileReading {
  const notes: string[] = []
  const mapping = suggestMapping(file.headers, [])
  const errors: string[] = []
  for (const target of SAMPLE_TARGETS) {
    const header = o.sample?.[target]
    const auto = mapping.indexOf(target)
    if (header === undefined) {
      // Only what the evaluator names is the design: a column that merely looks like it is said, and left out.
      if (auto >= 0) {
        notes.push(`${file.headers[auto]}: looks like the sample’s ${FIELD_LABELS[target].toLowerCase()}, but the design was not given; say ${SAMPLE_FLAGS[target]} ${file.headers[auto]} to analyse it (analysed as a simple random sample)`)
        mapping[auto] = 'drop'
      }
      continue
    }
    const at = file.headers.findIndex((h) => h.trim() === header.trim() || normaliseHeader(h) === normaliseHeader(header))
    if (at < 0) {
      errors.push(`${SAMPLE_FLAGS[target]} names ${header}, which is not a column of the file (its columns: ${file.headers.join(', ')})`)
      continue
    }
    if (auto >= 0 && auto !== at) mapping[auto] = 'drop'
    mapping[at] = target
  }
  if (errors.length) return { ok: false, errors }
  const codes = file.headers.map(normaliseHeader)
  const questions: Question[] = []
  const candidates = new Set<string>()
  mapping.forEach((target, i) => {
    if (target !== 'choose') return
    const samples = file.rows.map((r) => r[i] ?? '')
    const personal = personalData(file.headers[i]!, samples.slice(0, 50))
    if (personal) {
      notes.push(`${file.headers[i]}: not analysed, ${personal}`)
      mapping[i] = 'drop'
      return
    }
    const code = codes[i]!
    candidates.add(code)
    const type = o.types?.[code] ?? inferType(samples)
    if (!type) {
      notes.push(samples.some((s) => s.trim()) ? `${code}: not analysed, its answers are not all numbers (say --types ${code}=score to insist)` : `${code}: not analysed, nobody answered it`)
      mapping[i] = 'drop'
      return
    }
    mapping[i] = `question:${code}`
    questions.push(asQuestion(code, type))
  })
  const unknown = Object.keys(o.types ?? {}).filter((code) => !candidates.has(code))
  if (unknown.length) return { ok: false, errors: unknown.map((code) => `--types names ${code}, which is not a question column of the file (its questions: ${[...candidates].join(', ') || 'none'})`) }
  if (!mapping.includes('wave')) return { ok: false, errors: ['The file has no wave column: a pre/post comparison needs one (pre/post or baseline/endline).'] }
  if (!mapping.includes('respondent_code')) return { ok: false, errors: ['The file has no respondent_code column.'] }

  const reader = surveyRowReader(file, { mapping, questions, personal: mapping.map(() => null), targetWave: null, waves: ALL_WAVES })
  const read = file.rows.flatMap((row, i) => reader.read(row, i) ?? [])
  const problems = reader.finish()
  if (problems.count) return { ok: false, errors: problems.list.map(problemText) }
  const sampling = impliedSampling(mapping)
  const cluster = mapping.indexOf('cluster')
  const responses = read.map((r) => ({ ...r, sampling }))
  return { ok: true, data: surveyData(questions, responses, o.design, cluster >= 0 ? clusterUnitOf(file.headers[cluster]!) : null), notes }
}

const problemText = (p: CsvProblem) => `line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.message}`
