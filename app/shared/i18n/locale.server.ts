import { match } from '@formatjs/intl-localematcher'
import Negotiator from 'negotiator'
import { secureCookies } from '../env.server'
import { DEFAULT_LOCALE, isLocale, LOCALES, PSEUDO_LOCALE, type AnyLocale } from './locales'

// Which language a page is in: the one chosen with the switcher on this
// browser (a cookie, set again from the account at log-in, so a person's
// choice follows them to every device), else the one the browser asks for.
// Both are in the request's headers: no database read decides a language.

export const pseudoLocaleEnabled = () => process.env.LANTERN_PSEUDO_LOCALE === '1'

export const isOffered = (value: unknown): value is AnyLocale => isLocale(value) || (value === PSEUDO_LOCALE && pseudoLocaleEnabled())

/** A year-long cookie, not signed: it holds nothing but a language. */
export const languageCookie = (locale: AnyLocale) =>
  `lantern_lang=${locale}; Path=/; Max-Age=${60 * 60 * 24 * 365}; SameSite=Lax; HttpOnly${secureCookies() ? '; Secure' : ''}`

export function localeOfHeaders(cookie: string | null | undefined, acceptLanguage: string | null | undefined): AnyLocale {
  const chosen = /(?:^|;\s*)lantern_lang=([\w-]+)/.exec(cookie ?? '')?.[1]
  if (isOffered(chosen)) return chosen
  const asked = new Negotiator({ headers: { 'accept-language': acceptLanguage ?? '' } }).languages().filter((l) => l !== '*')
  try {
    return match(asked, LOCALES, DEFAULT_LOCALE) as AnyLocale
  } catch {
    // A malformed language tag in the header is the browser's mistake, not the reader's.
    return DEFAULT_LOCALE
  }
}

export const localeOf = (request: Request): AnyLocale => localeOfHeaders(request.headers.get('Cookie'), request.headers.get('Accept-Language'))
