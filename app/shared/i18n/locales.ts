// The languages Lantern's pages are written in. Codes are BCP 47 tags: they
// are stored on accounts, sent in cookies and set on <html lang>.

export const LOCALES = ['en', 'uk', 'ro', 'ne', 'fr', 'es'] as const
export type Locale = (typeof LOCALES)[number]

/**
 * Accented, a third longer: a page in it shows at a glance any text that did
 * not come from the catalogue, and any layout that cannot take longer words.
 * Offered only where LANTERN_PSEUDO_LOCALE is set (tests, translators' checks).
 */
export const PSEUDO_LOCALE = 'en-XA'
export type AnyLocale = Locale | typeof PSEUDO_LOCALE

export const DEFAULT_LOCALE: Locale = 'en'

/** Each language by its own name, as a switcher must show it to someone who cannot read the others. */
export const AUTONYMS: Record<AnyLocale, string> = {
  en: 'English',
  uk: 'Українська',
  ro: 'Română',
  ne: 'नेपाली',
  fr: 'Français',
  es: 'Español',
  'en-XA': 'Ƥšéûðö',
}

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (LOCALES as readonly string[]).includes(value)

/** None of the six is written right to left; dir is still set, so a seventh that is needs no change to the shell. */
export const directionOf = (locale: string): 'ltr' | 'rtl' => (/^(ar|fa|he|ur|ps|dv|yi)\b/.test(locale) ? 'rtl' : 'ltr')
