import type { Translator } from './translator'

// Hydration must find the words the server wrote, but a browser's Intl is
// not the server's: another CLDR version puts a thin space where Node puts a
// space, and a browser without Nepali data writes "Apr 1, 2026" where the
// server wrote "२०२६ अप्रिल १". So the server records what each call that
// depends on Intl answered while it rendered the page, and sends the record
// with the page (<SameWords>); the browser answers the same calls from it
// while it hydrates, and works the rest out itself.

type Recorded = Record<string, string>

/** Calls whose answer depends on the runtime's locale data: numbers, dates, lists, names. */
const INTL_METHODS = ['number', 'percent', 'date', 'dateTime', 'month', 'dateRange', 'monthRange', 'list', 'country', 'language', 'currency'] as const

const keyOf = (method: string, args: unknown[]) => `${method} ${JSON.stringify(args)}`

/** A message depends on Intl only through a number or a date among its values (plural forms, #, {n, number}). */
const needsIntl = (values: unknown) => typeof values === 'object' && values !== null && Object.values(values).some((v) => typeof v === 'number' || v instanceof Date)

function wrapped(base: Translator, answer: (key: string, compute: () => string) => string): Translator {
  const copy = { ...base } as Translator
  for (const method of INTL_METHODS) {
    const original = base[method] as (...args: unknown[]) => string
    ;(copy as Record<string, unknown>)[method] = (...args: unknown[]) => answer(keyOf(method, args), () => original(...args))
  }
  copy.t = (message, values) => (needsIntl(values) ? answer(keyOf(message.id, [values]), () => base.t(message, values)) : base.t(message, values))
  copy.say = (s) => copy.t(s.message, s.values)
  return copy
}

/** On the server: a translator that remembers every Intl-dependent answer it gives while a page renders. */
export function recordingTranslator(base: Translator): { translator: Translator; recorded: Recorded } {
  const recorded: Recorded = {}
  const translator = wrapped(base, (key, compute) => (recorded[key] ??= compute()))
  return { translator, recorded }
}

/** In the browser: the server's answers first, then its own. */
export function replayingTranslator(base: Translator, recorded: Recorded): Translator {
  return wrapped(base, (key, compute) => recorded[key] ?? compute())
}

export const SAME_WORDS_ID = 'lantern-same-words'

/** The record as a page carries it: JSON in a script element that is never run (the CSP does not apply to data). */
export const recordAsHtml = (recorded: Recorded) => JSON.stringify(recorded).replace(/</g, '\\u003c')
