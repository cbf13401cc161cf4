// A question in several languages. The stored text and option labels are the
// question as it was written; a translation gives, per ISO 639-1 language,
// the text and any option's label. Codes (the question's and its options')
// are the same in every language: answers, CSV columns and the analysis use
// them, so a translation can never change what an answer means.

export type QuestionTranslation = { text?: string; options?: Record<string, string> }
export type QuestionTranslations = Record<string, QuestionTranslation>

// An option as answers.ts defines it, written out here so the two files do not import each other.
type QuestionOption = { code: string; label: string }

/** The question's text in every language it has: as written first. A "labels" export in any of them names its column so. */
export const textsOf = (q: { text?: string; translations?: QuestionTranslations }) => [q.text ?? '', ...Object.values(q.translations ?? {}).map((t) => t.text ?? '')].filter(Boolean)

/** One option's label in every language the question has: as written first. */
export const optionLabelsOf = (q: { translations?: QuestionTranslations }, option: QuestionOption) => [option.label, ...Object.values(q.translations ?? {}).map((t) => t.options?.[option.code] ?? '')].filter(Boolean)

/** The language a locale's words are in: "uk" for "uk", "en" for "en-XA". */
const languageOf = (locale: string) => locale.split('-')[0]!.toLowerCase()

/** The question as a reader of `locale` sees it: their language's words where there are some, the question as written elsewhere. */
export function questionIn<Q extends { text: string; options: readonly QuestionOption[]; translations?: QuestionTranslations }>(q: Q, locale: string): Q & { lang: string | null } {
  const t = q.translations?.[languageOf(locale)]
  if (!t) return { ...q, lang: null }
  return {
    ...q,
    text: t.text || q.text,
    options: q.options.map((o) => ({ ...o, label: t.options?.[o.code] || o.label })),
    // The text's own language, for <span lang>, when it is the translation's.
    lang: t.text ? languageOf(locale) : null,
  }
}

/** The languages a question has words in, besides the one it was written in. */
export const translatedLanguages = (translations: QuestionTranslations | undefined) => Object.keys(translations ?? {}).filter((l) => translations![l]!.text || Object.keys(translations![l]!.options ?? {}).length)

/** "code = label" lines, as the question form writes options. */
export function readLabelLines(text: string): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf('=')
    if (at < 0) continue
    const [code, label] = [line.slice(0, at).trim(), line.slice(at + 1).trim()]
    if (code && label) labels[code] = label
  }
  return labels
}

export const labelLines = (labels: Record<string, string> | undefined, options: readonly QuestionOption[]) =>
  options
    .filter((o) => labels?.[o.code])
    .map((o) => `${o.code} = ${labels![o.code]}`)
    .join('\n')
