import { createContext, useContext, type ReactNode } from 'react'
import { DEFAULT_LOCALE } from './locales'
import { translatorFor } from './registry'
import type { Translator } from './translator'

const TranslatorContext = createContext<Translator | null>(null)

export function TranslatorProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>
}

/** The reader's words, numbers and dates. */
export function useT(): Translator {
  return useContext(TranslatorContext) ?? translatorFor(DEFAULT_LOCALE)
}
