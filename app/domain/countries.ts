import { iso31661, iso31662 } from 'iso-3166'

// ISO 3166-1 countries and ISO 3166-2 subdivisions from a maintained package
// (DESIGN.md §3: never type the code lists by hand).

export type Country = { code: string; name: string }
export type Subdivision = { code: string; name: string; country: string; parent: string }

export const COUNTRIES: readonly Country[] = iso31661
  .filter((c) => c.state === 'assigned')
  .map((c) => ({ code: c.alpha2, name: c.name }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'))

const COUNTRY_BY_CODE = new Map(COUNTRIES.map((c) => [c.code, c]))

// The country is the part of the code before the hyphen, whatever the
// subdivision's parent (some are parts of regions, not of the country itself).
const SUBDIVISIONS: readonly Subdivision[] = iso31662
  .map((s) => ({ code: s.code, name: s.name, country: s.code.split('-')[0]!, parent: s.parent }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'))
const SUBDIVISION_BY_CODE = new Map(SUBDIVISIONS.map((s) => [s.code, s]))

export function isCountryCode(code: string): boolean {
  return COUNTRY_BY_CODE.has(code)
}

export function countryName(code: string): string {
  return COUNTRY_BY_CODE.get(code)?.name ?? code
}

export function subdivisionsOf(country: string): Subdivision[] {
  return SUBDIVISIONS.filter((s) => s.country === country)
}

export function subdivision(code: string): Subdivision | undefined {
  return SUBDIVISION_BY_CODE.get(code)
}

/** "UA-46 Lvivska oblast" style label: the code first, so it can be matched by either. */
export function subdivisionLabel(code: string): string {
  const s = SUBDIVISION_BY_CODE.get(code)
  return s ? `${s.name} (${s.code})` : code
}

/** The subdivision and the subdivisions it lies in (PH-CEB Cebu → PH-07 Central Visayas). */
export function subdivisionAndAncestors(code: string): string[] {
  const chain: string[] = []
  for (let s = SUBDIVISION_BY_CODE.get(code); s && !chain.includes(s.code); s = SUBDIVISION_BY_CODE.get(s.parent)) chain.push(s.code)
  return chain.length ? chain : [code]
}

/** Codes that can overlap a campaign in `code`: itself, the regions it lies in, and what lies in it. */
export function relatedSubdivisions(code: string): string[] {
  const up = subdivisionAndAncestors(code)
  const down = SUBDIVISIONS.filter((s) => s.code !== code && subdivisionAndAncestors(s.code).includes(code)).map((s) => s.code)
  return [...new Set([...up, ...down])]
}
