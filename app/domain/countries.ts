import countries from 'i18n-iso-countries'
import en from 'i18n-iso-countries/langs/en.json'

// ISO 3166-1 alpha-2 codes and English names from a maintained package
// (DESIGN.md §3: never type the code lists by hand).
countries.registerLocale(en)

export type Country = { code: string; name: string }

export const COUNTRIES: readonly Country[] = Object.entries(countries.getNames('en', { select: 'official' }))
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'))

const BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]))

export function isCountryCode(code: string): boolean {
  return BY_CODE.has(code)
}

export function countryName(code: string): string {
  return BY_CODE.get(code)?.name ?? code
}
