import { DEFAULT_LOCALE, type AnyLocale } from './locales'
import type { Catalogue } from './messages'
import { createTranslator, type Translator } from './translator'

// The catalogues this process holds: on the server all of them, read at
// start; in the browser the page's own, fetched before hydration. Pages ask
// for a translator by language and never load a catalogue themselves.

const catalogues = new Map<AnyLocale, Catalogue>()
const translators = new Map<AnyLocale, Translator>()

export function registerCatalogue(locale: AnyLocale, catalogue: Catalogue) {
  catalogues.set(locale, catalogue)
  translators.clear()
}

export function translatorFor(locale: AnyLocale): Translator {
  let translator = translators.get(locale)
  if (!translator) {
    translator = createTranslator(locale, catalogues.get(locale) ?? catalogues.get(DEFAULT_LOCALE) ?? {})
    translators.set(locale, translator)
  }
  return translator
}
