// What a cell of a respondent's field means: the wave, the group, the sex,
// a yes/no answer, a sampling weight. KoboToolbox and ODK export the choices'
// labels in the form's language when asked for labels (Kobo's default), so
// the words are read in each of Lantern's languages, not only as codes.

type WaveKindCode = 'baseline' | 'endline' | 'follow_up'

/** "Після кампанії" → "після_кампанії": a cell folded to words joined by "_", letters of any script kept. */
export function foldCell(cell: string): string {
  return cell
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '')
}

// Each kind's words in English, Ukrainian, Romanian, Nepali, French and Spanish, as a form's choices would say them.
const WAVE_WORDS: Record<WaveKindCode, readonly string[]> = {
  baseline: ['pre', 'baseline', 'before', 'bl', 'pre_test', 'pretest', 'до', 'базове', 'базова', 'початкове', 'înainte', 'inainte', 'referință', 'referinta', 'inițial', 'initial', 'पहिले', 'अघि', 'आधाररेखा', 'avant', 'référence', 'antes', 'línea_de_base', 'base'],
  endline: ['post', 'endline', 'after', 'el', 'post_test', 'posttest', 'після', 'підсумкове', 'підсумкова', 'după', 'dupa', 'final', 'finală', 'पछि', 'अन्तिम', 'après', 'finale', 'después', 'despues'],
  follow_up: ['follow_up', 'followup', 'fu', 'повторне', 'повторна', 'urmărire', 'urmarire', 'अनुगमन', 'suivi', 'seguimiento'],
}

/**
 * "pre", "Baseline", "До кампанії" → the wave kind a file's `wave` column
 * means, or null; a label of a few words ("Before the campaign", "Follow-up,
 * six months on") when exactly one kind's word is among them.
 */
export function readWaveKind(cell: string): WaveKindCode | null {
  const v = foldCell(cell)
  const kinds = Object.keys(WAVE_WORDS) as WaveKindCode[]
  const whole = kinds.find((k) => WAVE_WORDS[k].includes(v))
  if (whole) return whole
  const words = v.split('_')
  const phrase = v.replace(/follow_up/g, 'followup').split('_')
  const found = kinds.filter((k) => WAVE_WORDS[k].some((w) => words.includes(w) || phrase.includes(w)))
  return found.length === 1 ? found[0]! : null
}

const GROUP_WORDS: Record<'campaign' | 'comparison', readonly string[]> = {
  campaign: ['campaign', 'intervention', 'treatment', 'treated', 'кампанія', 'кампанії', 'втручання', 'campanie', 'intervenție', 'interventie', 'अभियान', 'campagne', 'campaña', 'campana', 'intervención'],
  comparison: ['comparison', 'control', 'контрольна', 'порівняння', 'comparație', 'comparatie', 'तुलना', 'नियन्त्रण', 'comparaison', 'témoin', 'contrôle', 'comparación', 'comparacion'],
}

/** "campaign", "Intervention", "Контрольна група" → the group a file's `group` column means, or null. */
export function readGroup(cell: string): 'campaign' | 'comparison' | null {
  const v = foldCell(cell)
  const words = v.split('_')
  const found = (['campaign', 'comparison'] as const).filter((g) => GROUP_WORDS[g].includes(v) || GROUP_WORDS[g].some((w) => words.includes(w)))
  return found.length === 1 ? found[0]! : null
}

const SEX_WORDS: Record<'female' | 'male' | 'other', readonly string[]> = {
  female: ['f', 'female', 'woman', 'women', 'girl', 'жінка', 'жіноча', 'ж', 'femeie', 'feminin', 'महिला', 'femme', 'féminin', 'mujer', 'femenino'],
  male: ['m', 'male', 'man', 'men', 'boy', 'чоловік', 'чоловіча', 'ч', 'bărbat', 'barbat', 'masculin', 'पुरुष', 'homme', 'hombre', 'masculino'],
  other: ['other', 'x', 'another', 'non_binary', 'nonbinary', 'інше', 'інша', 'altul', 'alta', 'altele', 'अन्य', 'autre', 'otro', 'otra'],
}

/** "F", "woman", "Жінка" → the stored code, or null when it is not a recognised answer. */
export function readSex(cell: string): 'female' | 'male' | 'other' | null {
  const v = foldCell(cell)
  return (['female', 'male', 'other'] as const).find((s) => SEX_WORDS[s].includes(v)) ?? null
}

const YES_NO: Record<'1' | '0', readonly string[]> = {
  '1': ['1', 'yes', 'y', 'true', 't', 'correct', 'так', 'da', 'adevărat', 'adevarat', 'हो', 'छ', 'oui', 'vrai', 'sí', 'si', 'verdadero'],
  '0': ['0', 'no', 'n', 'false', 'f', 'incorrect', 'ні', 'nu', 'fals', 'होइन', 'छैन', 'non', 'faux', 'falso'],
}

/** "yes", "Так", "Oui" → '1'; "no", "Ні", "Non" → '0'; null for anything else. */
export function readYesNo(cell: string): '1' | '0' | null {
  const v = foldCell(cell)
  return (['1', '0'] as const).find((k) => YES_NO[k].includes(v)) ?? null
}

/** "1.5", "2,25" → a sampling weight; null when it is not a number above 0. */
export function readWeight(cell: string): number | null {
  const n = Number(cell.trim().replace(',', '.'))
  return cell.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null
}
