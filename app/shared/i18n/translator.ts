import type { ReactNode } from 'react'
import { IntlMessageFormat } from 'intl-messageformat'
import type { AnyLocale } from './locales'
import type { Catalogue, Message, Sentence, Values } from './messages'

export type Translator = ReturnType<typeof createTranslator>

/**
 * Words, numbers and dates in one reader's language. Made once per language
 * and shared: its formatters are the costly part, and they are kept.
 */
export function createTranslator(locale: AnyLocale, catalogue: Catalogue) {
  const formats = new Map<string, IntlMessageFormat>()
  const numbers = new Map<string, Intl.NumberFormat>()
  const dates = new Map<string, Intl.DateTimeFormat>()

  const formatOf = (message: Message) => {
    let format = formats.get(message.id)
    if (!format) {
      const ast = catalogue[message.id]
      try {
        format = new IntlMessageFormat(ast ?? message.defaultMessage, locale)
      } catch {
        // The browser has no parser: there, a message missing from the catalogue shows its English as it is.
        format = new IntlMessageFormat([{ type: 0, value: message.defaultMessage }] as never, locale)
      }
      formats.set(message.id, format)
    }
    return format
  }

  const numberFormat = (options: Intl.NumberFormatOptions = {}) => {
    const key = JSON.stringify(options)
    let format = numbers.get(key)
    if (!format) numbers.set(key, (format = new Intl.NumberFormat(locale, options)))
    return format
  }

  const dateFormat = (options: Intl.DateTimeFormatOptions) => {
    const key = JSON.stringify(options)
    let format = dates.get(key)
    if (!format) dates.set(key, (format = new Intl.DateTimeFormat(locale, options)))
    return format
  }

  /** Calendar dates (YYYY-MM-DD) are days, not instants: they are read in UTC so no zone moves them. */
  const asDate = (value: string | Date) => (typeof value === 'string' ? new Date(value.length <= 7 ? `${value}-01T00:00:00Z` : `${value.slice(0, 10)}T00:00:00Z`) : value)

  const translator = {
    locale,
    t(message: Message, values?: Values): string {
      return String(formatOf(message).format(values))
    },
    /** A sentence with parts the page renders itself (links, emphasis): `<link>…</link>` in the message. */
    rich<Part = ReactNode>(message: Message, values: Record<string, Values[string] | ((chunks: (string | Part)[]) => Part)>): (string | Part)[] {
      const out = formatOf(message).format<Part>(values as never)
      return Array.isArray(out) ? (out as (string | Part)[]) : [out as string | Part]
    },
    say(s: Sentence): string {
      return translator.t(s.message, s.values)
    },
    number(value: number, options?: Intl.NumberFormatOptions): string {
      return numberFormat(options).format(value)
    },
    /** A share (0.42) as a percentage, with as many decimals as asked. */
    percent(share: number, digits = 0): string {
      return numberFormat({ style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(share)
    },
    /** A calendar date (YYYY-MM-DD) or an instant, as the reader writes dates. */
    date(value: string | Date, style: 'long' | 'medium' | 'short' = 'medium', timeZone = 'UTC'): string {
      return dateFormat({ dateStyle: style, timeZone }).format(asDate(value))
    },
    dateTime(value: Date, timeZone = 'UTC'): string {
      return dateFormat({ dateStyle: 'medium', timeStyle: 'short', timeZone }).format(value)
    },
    /** "March 2026" from 2026-03. */
    month(value: string, style: 'long' | 'short' = 'long'): string {
      return dateFormat({ month: style, year: 'numeric', timeZone: 'UTC' }).format(asDate(value))
    },
    /** Two calendar dates as one range, in the reader's way of writing ranges ("3–17 March 2026"). */
    dateRange(start: string, end: string, style: 'long' | 'medium' = 'medium'): string {
      return dateFormat({ dateStyle: style, timeZone: 'UTC' }).formatRange(asDate(start), asDate(end))
    },
    monthRange(start: string, end: string): string {
      return dateFormat({ month: 'long', year: 'numeric', timeZone: 'UTC' }).formatRange(asDate(start), asDate(end))
    },
    list(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
      return new Intl.ListFormat(locale, { type, style: 'long' }).format(items)
    },
    /** A country by its ISO 3166-1 code, in the reader's language. */
    country(code: string): string {
      return regionNames().of(code) ?? code
    },
    /** A language by its ISO 639-1 code, in the reader's language. */
    language(code: string): string {
      return languageNames().of(code) ?? code
    },
    /** A currency by its ISO 4217 code, in the reader's language. */
    currency(code: string): string {
      return (currencies ??= new Intl.DisplayNames(locale, { type: 'currency', fallback: 'code' })).of(code) ?? code
    },
  }

  let regions: Intl.DisplayNames | undefined
  const regionNames = () => (regions ??= new Intl.DisplayNames(locale, { type: 'region', fallback: 'code' }))
  let languages: Intl.DisplayNames | undefined
  let currencies: Intl.DisplayNames | undefined
  const languageNames = () => (languages ??= new Intl.DisplayNames(locale, { type: 'language', fallback: 'code' }))

  return translator
}
