import type { Sampling } from '../../shared/taxonomy/taxonomy'
import { personalData, type ColumnRole } from './personal-data'
import { tr } from '../../shared/i18n'
import { optionLabelsOf, textsOf, type QuestionTranslations } from './translations'
import { foldCell } from './field-values'

// Which column of an uploaded survey spreadsheet holds what: the automatic
// guess (Lantern's own layout, KoboToolbox / ODK exports with group-prefixed
// headers and their _uuid, _submission_time, _index columns), and the columns
// that look like personal data, which must be dropped (DESIGN.md §7).

export const FIELD_TARGETS = ['respondent_code', 'submission_id', 'wave', 'group', 'sex', 'age_band', 'locality', 'cluster', 'stratum', 'weight'] as const
/** The fields that say where a respondent was drawn from: a complex sample's design. */
export const SAMPLE_TARGETS = ['cluster', 'stratum', 'weight'] as const satisfies readonly FieldTarget[]
export type SampleTarget = (typeof SAMPLE_TARGETS)[number]
export type FieldTarget = (typeof FIELD_TARGETS)[number]

/**
 * A column's destination: a field, `question:<code>`, one option's 0/1
 * column of a multiple-choice question (`option:<code>/<option>`, Kobo's
 * layout), `drop`, or `choose` while undecided.
 */
export type ColumnTarget = FieldTarget | `question:${string}` | `option:${string}` | 'drop' | 'choose'

export const FIELD_LABELS: Record<FieldTarget | 'drop' | 'choose', string> = {
  get respondent_code() {
    return tr({ id: 'surveys.columns.field_labels.respondent_code', defaultMessage: 'Respondent code' })
  },
  get submission_id() {
    return tr({ id: 'surveys.columns.field_labels.submission_id', defaultMessage: 'Submission ID (_uuid, instanceID)' })
  },
  get wave() {
    return tr({ id: 'surveys.columns.field_labels.wave', defaultMessage: 'Wave (pre/post, baseline/endline)' })
  },
  get group() {
    return tr({ id: 'surveys.columns.field_labels.group', defaultMessage: 'Group (campaign/comparison)' })
  },
  get sex() {
    return tr({ id: 'surveys.columns.field_labels.sex', defaultMessage: 'Sex' })
  },
  get age_band() {
    return tr({ id: 'surveys.columns.field_labels.age_band', defaultMessage: 'Age band' })
  },
  get locality() {
    return tr({ id: 'surveys.columns.field_labels.locality', defaultMessage: 'Locality' })
  },
  get cluster() {
    return tr({ id: 'surveys.columns.field_labels.cluster', defaultMessage: 'Cluster (village, school… drawn first)' })
  },
  get stratum() {
    return tr({ id: 'surveys.columns.field_labels.stratum', defaultMessage: 'Stratum of the sample' })
  },
  get weight() {
    return tr({ id: 'surveys.columns.field_labels.weight', defaultMessage: 'Sampling weight' })
  },
  get drop() {
    return tr({ id: 'surveys.columns.field_labels.drop', defaultMessage: 'Drop: do not import' })
  },
  get choose() {
    return tr({ id: 'surveys.columns.field_labels.choose', defaultMessage: 'Choose…' })
  },
}

/** "group_knowledge/Knows-Hotline " → "knows_hotline": the last path segment, snake_case. */
export function normaliseHeader(header: string): string {
  const last = header.split('/').pop() ?? header
  return last
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

const SYNONYMS: Record<FieldTarget, readonly string[]> = {
  respondent_code: ['respondent_code', 'respondent', 'respondent_id', 'respondent_no', 'code'],
  // Read before form metadata is dropped: how a later download of the same submissions is recognised.
  submission_id: ['uuid', 'instanceid', 'meta_instanceid', 'submission_id'],
  wave: ['wave', 'round', 'survey_round', 'survey_wave', 'phase'],
  group: ['group', 'arm', 'study_group'],
  sex: ['sex', 'gender'],
  age_band: ['age_band', 'age_group', 'ageband', 'age_range'],
  locality: ['locality', 'village', 'town', 'community', 'district'],
  cluster: ['cluster', 'cluster_id', 'psu', 'psu_id'],
  stratum: ['stratum', 'strata', 'stratum_id'],
  weight: ['weight', 'sampling_weight', 'survey_weight', 'pweight', 'wt'],
}

// The same fields as a form in Ukrainian, Romanian, Nepali, French or Spanish labels them (a "labels" export's headings), folded as foldCell folds.
const HEADINGS: Partial<Record<FieldTarget, readonly string[]>> = {
  respondent_code: ['код_респондента', 'код', 'cod_respondent', 'codul_respondentului', 'उत्तरदाता_कोड', 'code_du_répondant', 'code_répondant', 'código_del_encuestado', 'código_de_encuestado', 'código'],
  wave: ['хвиля', 'хвиля_опитування', 'етап_опитування', 'val', 'valul_sondajului', 'etapa', 'चरण', 'सर्वेक्षण_चरण', 'vague', 'vague_d_enquête', 'oleada', 'ronda', 'oleada_de_encuesta'],
  group: ['група', 'grup', 'समूह', 'groupe', 'grupo'],
  sex: ['стать', 'sexul', 'लिङ्ग', 'sexe', 'sexo'],
  age_band: ['вік', 'вікова_група', 'vârsta', 'vârstă', 'grupa_de_vârstă', 'उमेर', 'उमेर_समूह', 'âge', 'tranche_d_âge', 'edad', 'grupo_de_edad'],
  locality: ['населений_пункт', 'громада', 'localitate', 'स्थान', 'गाउँ', 'localité', 'localidad', 'comunidad'],
}

// Form metadata from KoboToolbox and ODK exports: never answers.
const META = new Set(['start', 'end', 'today', 'deviceid', 'subscriberid', 'simserial', 'phonenumber', 'username', 'instanceid', 'instancename', 'version', 'meta_instanceid'])
// ODK Central's CSV adds these around the answers; names common enough to be questions elsewhere, so meta only in its layout.
const ODK_CENTRAL = new Set(['submissiondate', 'key', 'submitterid', 'submittername', 'attachmentspresent', 'attachmentsexpected', 'status', 'reviewstate', 'deviceid', 'edits', 'formversion'])
/** ODK Central's layout: its SubmissionDate and KEY columns, groups joined by "-". */
export const isOdkCentral = (headers: readonly string[]) => headers.some((h) => h.trim() === 'SubmissionDate') && headers.some((h) => h.trim() === 'KEY')
const metaOf = (headers: readonly string[]) => {
  const odk = isOdkCentral(headers)
  return (header: string) => {
    const h = header.trim()
    return h.startsWith('_') || META.has(normaliseHeader(h)) || /^meta[/-]/i.test(h) || (odk && ODK_CENTRAL.has(h.toLowerCase()))
  }
}

/** A question as the mapping matches it: by its code, or by its text and its options' labels in any of its languages (a "labels" export). */
export type InstrumentQuestion = { code: string; text?: string; type?: string; options?: readonly { code: string; label: string }[]; translations?: QuestionTranslations }

/** "Do you know the hotline number? " → "do you know the hotline number": labels compared without case, spacing or end punctuation. */
const foldLabel = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\s?:.!]+$/, '')

/**
 * The names a column may go by: its whole heading, then its own name after
 * the groups (Kobo's "/", ODK Central's "-"), as codes and as labels.
 */
function namesOf(header: string, odk: boolean) {
  const slash = header.split('/')
  const own = slash[slash.length - 1]!
  // Only ODK Central joins groups with "-"; elsewhere "age-band" is one name.
  const dash = odk ? own.split('-') : [own]
  return {
    codes: [...new Set([normaliseHeader(own), normaliseHeader(dash[dash.length - 1]!)])],
    heading: foldCell(own),
    labels: [...new Set([foldLabel(header), foldLabel(own)])],
    // The last two parts, for one option's 0/1 column: question then option.
    pair: slash.length >= 2 ? ([slash[slash.length - 2]!, own] as const) : null,
  }
}

/**
 * The guess for each column; each field and question is taken at most once.
 * Form metadata is dropped; a column that looks like personal data, or that
 * matches nothing, is left for the planner to decide (`choose`): nothing is
 * dropped or kept without someone saying so. Questions are matched by code
 * or by label, as Kobo's "XML values" and "labels" exports name them.
 */
export function suggestMapping(headers: readonly string[], instrument: readonly (string | InstrumentQuestion)[], personal: readonly (string | null)[] = []): ColumnTarget[] {
  const questions = instrument.map((q) => (typeof q === 'string' ? { code: q } : q))
  const meta = metaOf(headers)
  const odk = isOdkCentral(headers)
  const taken = new Set<string>()
  const take = <T extends ColumnTarget>(target: T) => (taken.has(target) ? null : (taken.add(target), target))
  return headers.map((header, i): ColumnTarget => {
    if (SYNONYMS.submission_id.includes(normaliseHeader(header.replace(/^meta[/-]/i, 'meta_'))) && take('submission_id')) return 'submission_id'
    if (meta(header)) return 'drop'
    if (personal[i]) return 'choose'
    const names = namesOf(header, odk)
    // "group_media/heard_from/radio" (or its labels): the 0/1 column of one option of a multiple-choice question.
    if (names.pair) {
      const [asked, answered] = names.pair
      for (const q of questions.filter((x) => x.type === 'multiple_choice')) {
        if (normaliseHeader(odk ? asked.split('-').pop()! : asked) !== q.code && !textsOf(q).some((text) => foldLabel(text) === foldLabel(asked))) continue
        const option = q.options?.find((o) => o.code === normaliseHeader(answered)) ?? q.options?.find((o) => optionLabelsOf(q, o).some((label) => foldLabel(label) === foldLabel(answered)))
        const target = option ? take(`option:${q.code}/${option.code}` as const) : null
        if (target) return target
      }
    }
    const question = questions.find((q) => names.codes.includes(q.code)) ?? questions.find((q) => textsOf(q).some((text) => names.labels.includes(foldLabel(text))))
    const asQuestion = question ? take(`question:${question.code}` as const) : null
    if (asQuestion) return asQuestion
    const field = FIELD_TARGETS.find((f) => names.codes.some((n) => SYNONYMS[f].includes(n)) || HEADINGS[f]?.includes(names.heading))
    return (field && take(field)) || 'choose'
  })
}

const GENERIC_CLUSTER = new Set(['cluster', 'cluster id', 'psu', 'psu id'])

/** What a cluster column's heading says the clusters are ("village_id" → "village"), or null for a heading that only says "cluster". */
export function clusterUnitOf(header: string): string | null {
  const words = normaliseHeader(header).replace(/_/g, ' ')
  if (!words || GENERIC_CLUSTER.has(words)) return null
  return words.replace(/ (id|code|no|number)$/, '')
}

/** What the analysis of personal data takes a column to be, from its guessed destination. */
function roleOf(target: ColumnTarget): ColumnRole {
  if (target === 'respondent_code' || target === 'locality') return target
  if (target.startsWith('question:') || target.startsWith('option:')) return 'question'
  return target === 'choose' || target === 'drop' ? 'unknown' : 'answer_field'
}

/**
 * Why each column looks like personal data, or null: judged from its heading,
 * its sample values and what its heading makes it (form metadata is dropped
 * anyway, and never flagged).
 */
export function personalColumns(headers: readonly string[], sampleRows: readonly (readonly string[])[], instrument: readonly (string | InstrumentQuestion)[]): (string | null)[] {
  const guessed = suggestMapping(headers, instrument)
  const meta = metaOf(headers)
  return headers.map((h, i) => (meta(h) ? null : personalData(h, sampleRows.map((r) => r[i] ?? ''), roleOf(guessed[i]!))))
}

/**
 * The sample fields each design needs of every respondent, and those it may
 * have: a cluster sample may carry weights, a weighted one has no clusters.
 */
export const SAMPLE_FIELDS: Record<Sampling, { needs: readonly SampleTarget[]; may: readonly SampleTarget[] }> = {
  simple_random: { needs: [], may: [] },
  cluster: { needs: ['cluster'], may: ['weight'] },
  stratified_cluster: { needs: ['cluster', 'stratum'], may: ['weight'] },
  weighted: { needs: ['weight'], may: [] },
}
