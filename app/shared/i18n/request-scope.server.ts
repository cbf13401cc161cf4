import { AsyncLocalStorage } from 'node:async_hooks'
import { REQUEST_SCOPE, type RequestScope } from './ambient'
import type { AnyLocale } from './locales'
import { loadCatalogues, serverTranslator } from './catalogues.server'

// The same storage server.js makes (it looks for it on globalThis first), for
// tests and tools that answer a request without the server.
const storage = ((globalThis as Record<symbol, unknown>)[REQUEST_SCOPE] ??= new AsyncLocalStorage<RequestScope>()) as AsyncLocalStorage<RequestScope>

/** Runs fn as if answering this request: what it words is in the request's language. */
export function inRequestScope<T>(request: Request, fn: () => T): T {
  loadCatalogues()
  return storage.run({ cookie: request.headers.get('Cookie') ?? undefined, acceptLanguage: request.headers.get('Accept-Language') ?? undefined }, fn)
}

/**
 * Runs fn with its words in one language, whoever asked: files others read
 * by their column names and codes (CSV, IATI) are written in English.
 */
export function inLocale<T>(locale: AnyLocale, fn: () => T): T {
  return storage.run({ translator: serverTranslator(locale) }, fn)
}

/**
 * A loader whose file is written in English whoever downloads it: exports are
 * read by other tools and by people across languages, by their column names
 * and codes, and an analyst merging two organisations' files needs the same
 * words in both.
 */
export const inEnglish = <F extends (...args: never[]) => Promise<unknown>>(loader: F): F =>
  ((...args: Parameters<F>) => inLocale('en', () => loader(...args))) as F
