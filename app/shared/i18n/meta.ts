import type { MetaDescriptor } from '@remix-run/node'
import { DEFAULT_LOCALE, type AnyLocale } from './locales'
import { defineMessage, type Message, type Values } from './messages'
import { translatorFor } from './registry'

const suffixed = defineMessage({ id: 'meta.title', defaultMessage: '{page} – Lantern' })

type Matches = readonly ({ id: string; data?: unknown } | undefined)[]

/** The translator of the page's language, where only the route matches are at hand (meta). */
export function matchesTranslator(matches: Matches) {
  const root = matches.find((m) => m?.id === 'root')?.data as { locale?: AnyLocale } | undefined
  return translatorFor(root?.locale ?? DEFAULT_LOCALE)
}

/** A page's <title>, in the reader's language. */
export function pageTitle(matches: Matches, message: Message, values?: Values): MetaDescriptor[] {
  const t = matchesTranslator(matches)
  return [{ title: t.t(suffixed, { page: t.t(message, values) }) }]
}
