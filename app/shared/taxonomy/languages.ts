import ISO6391 from 'iso-639-1'
import currencyCodes from 'currency-codes'

// ISO 639-1 languages and ISO 4217 currencies from maintained packages.

export function isLanguageCode(code: string): boolean {
  return ISO6391.validate(code)
}

export function languageName(code: string): string {
  return ISO6391.getName(code) || code
}

export const CURRENCIES = currencyCodes.data
  .filter((c) => !c.code.startsWith('X') || c.code === 'XOF' || c.code === 'XAF')
  .map((c) => ({ code: c.code, name: c.currency }))
  .sort((a, b) => a.code.localeCompare(b.code))

export function isCurrencyCode(code: string): boolean {
  return currencyCodes.code(code) !== undefined
}
