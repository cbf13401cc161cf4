import { iso31661 } from 'iso-3166'

// ISO 3166-1 countries from a maintained package (DESIGN.md §3: never type
// the code lists by hand). The browser loads this list; the subdivisions,
// ten times its size, stay on the server (subdivisions.ts).

export type Country = { code: string; name: string; alpha3: string }

export const COUNTRIES: readonly Country[] = iso31661
  .filter((c) => c.state === 'assigned')
  .map((c) => ({ code: c.alpha2, name: c.name, alpha3: c.alpha3 }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'))

const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]))

export function isCountryCode(code: string): boolean {
  return COUNTRY_BY_CODE.has(code)
}

/** The ISO 3166-1 alpha-3 code of a country given by its alpha-2 code ('' for an unknown one). */
export function countryAlpha3(code: string): string {
  return COUNTRY_BY_CODE.get(code)?.alpha3 ?? ''
}

export function countryName(code: string): string {
  return COUNTRY_BY_CODE.get(code)?.name ?? code
}

/** The shape of an ISO 3166-2 code (UA-46, PH-CEB), checked where the list itself is not loaded. */
export const SUBDIVISION_CODE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/
