import { DEFAULT_LOCALE, type AnyLocale } from './locales'
import type { Message, Values } from './messages'
import { translatorFor } from './registry'
import type { Translator } from './translator'

// The language of the request being answered, for words composed far from
// the request: zod's messages (worded when a form is checked), a service's
// refusal, a file's problems. server.js runs each request in an
// AsyncLocalStorage scope holding its Cookie and Accept-Language headers,
// kept on globalThis because server.js and the built app are separate module
// graphs. With no scope the words are in the page's language in the browser,
// and English elsewhere (tests, the command line).
// Nothing worded here may be kept across requests: caches keep data, never text.

export const REQUEST_SCOPE = Symbol.for('lantern.request-scope')

export type RequestScope = { cookie?: string; acceptLanguage?: string; translator?: Translator }
type Storage = { getStore(): RequestScope | undefined }

let resolveTranslator: ((scope: RequestScope) => Translator) | null = null
let documentLocale: AnyLocale = DEFAULT_LOCALE

/** In the browser, the page's language: words composed there (a component's) are in it. */
export function setDocumentLocale(locale: AnyLocale) {
  documentLocale = locale
}

/** How a scope's headers become a translator; set by the server at start. */
export function setScopeResolver(resolve: (scope: RequestScope) => Translator) {
  resolveTranslator = resolve
}

export function currentTranslator(): Translator {
  const scope = ((globalThis as Record<symbol, unknown>)[REQUEST_SCOPE] as Storage | undefined)?.getStore()
  if (scope?.translator) return scope.translator
  if (scope && resolveTranslator) return (scope.translator = resolveTranslator(scope))
  return translatorFor(documentLocale)
}

/** A message in the request's language, worded now. */
export const tr = (message: Message, values?: Values): string => currentTranslator().t(message, values)

/** A message in the request's language, worded when it is needed: zod's `error` for a schema made once. */
export const lazy =
  (message: Message, values?: Values) =>
  (): string =>
    currentTranslator().t(message, values)
