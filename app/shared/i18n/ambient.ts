import { DEFAULT_LOCALE } from './locales'
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

export type RequestScope = { cookie?: string; acceptLanguage?: string; translator?: Translator; recorded?: Record<string, string> }
type Storage = { getStore(): RequestScope | undefined }

let resolveTranslator: ((scope: RequestScope) => Translator) | null = null
let documentTranslator: Translator | null = null

/** Words composed outside any request: in the browser the page's language, in a worker thread its request's. */
export function setDocumentTranslator(translator: Translator) {
  documentTranslator = translator
}

/** The request being answered, if any: the document render records its words there (same-words.ts). */
export function currentScope(): RequestScope | undefined {
  return ((globalThis as Record<symbol, unknown>)[REQUEST_SCOPE] as Storage | undefined)?.getStore()
}

/** How a scope's headers become a translator; set by the server at start. */
export function setScopeResolver(resolve: (scope: RequestScope) => Translator) {
  resolveTranslator = resolve
}

export function currentTranslator(): Translator {
  const scope = currentScope()
  if (scope?.translator) return scope.translator
  if (scope && resolveTranslator) return (scope.translator = resolveTranslator(scope))
  return documentTranslator ?? translatorFor(DEFAULT_LOCALE)
}

/** A message in the request's language, worded now. */
export const tr = (message: Message, values?: Values): string => currentTranslator().t(message, values)

/** A message in the request's language, worded when it is needed: zod's `error` for a schema made once. */
export const lazy =
  (message: Message, values?: Values) =>
  (): string =>
    currentTranslator().t(message, values)
