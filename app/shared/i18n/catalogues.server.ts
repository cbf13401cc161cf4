import { createHash } from 'node:crypto'
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import en from '../../locales/en.json'
import es from '../../locales/es.json'
import fr from '../../locales/fr.json'
import ne from '../../locales/ne.json'
import ro from '../../locales/ro.json'
import uk from '../../locales/uk.json'
import { LOCALES, PSEUDO_LOCALE, type AnyLocale, type Locale } from './locales'
import type { ParsedCatalogue } from './messages'
import { pseudoLocalise } from './pseudo'
import { localeOfHeaders, pseudoLocaleEnabled } from './locale.server'
import { setDocumentTranslator, setScopeResolver } from './ambient'
import { registerCatalogue, translatorFor } from './registry'

// The translators' files (ICU JSON, one per language) parsed once at start.
// The browser gets its language's already parsed, from /locales/<lang>.json,
// at an address that changes with the content so it can be kept for a year.

const SOURCES: Record<Locale, Record<string, string>> = { en, uk, ro, ne, fr, es }

const parsed = new Map<AnyLocale, { catalogue: ParsedCatalogue; json: string; version: string }>()

function keep(locale: AnyLocale, catalogue: ParsedCatalogue) {
  const json = JSON.stringify(catalogue)
  parsed.set(locale, { catalogue, json, version: createHash('sha256').update(json).digest('base64url').slice(0, 12) })
  registerCatalogue(locale, catalogue)
}

export function loadCatalogues() {
  if (parsed.size) return
  const english: ParsedCatalogue = {}
  for (const [id, text] of Object.entries(SOURCES.en)) english[id] = parse(text) as MessageFormatElement[]
  for (const locale of LOCALES) {
    // A message a translation lacks reads in English (a test fails on it), never as an id or a raw pattern.
    const catalogue: ParsedCatalogue = { ...english }
    if (locale !== 'en') for (const [id, text] of Object.entries(SOURCES[locale])) if (id in english) catalogue[id] = parse(text) as MessageFormatElement[]
    keep(locale, catalogue)
  }
  if (pseudoLocaleEnabled()) keep(PSEUDO_LOCALE, pseudoLocalise(parsed.get('en')!.catalogue))
  setScopeResolver((scope) => translatorFor(localeOfHeaders(scope.cookie, scope.acceptLanguage)))
}

/** The parsed catalogue as the browser fetches it, and the version its address carries. */
export function publishedCatalogue(locale: AnyLocale) {
  loadCatalogues()
  return parsed.get(locale) ?? null
}

/** A reader's translator, on the server, where every catalogue is at hand. */
export function serverTranslator(locale: AnyLocale) {
  loadCatalogues()
  return translatorFor(locale)
}

/**
 * A worker thread's words, for what it composes (a file's problems): in the
 * language of the person whose request started it. Only that language, and
 * each message parsed when first used: a thread should start in milliseconds.
 */
export function speakInThisThread(locale: AnyLocale) {
  if (locale === PSEUDO_LOCALE) loadCatalogues()
  else registerCatalogue(locale, locale === 'en' ? SOURCES.en : { ...SOURCES.en, ...SOURCES[locale] })
  setDocumentTranslator(translatorFor(locale))
}
