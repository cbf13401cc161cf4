import { iso31662 } from 'iso-3166'

// ISO 3166-2 subdivisions from a maintained package. Never imported by code
// that runs in the browser: a page gets the subdivisions of its country from
// its loader, and the JavaScript budget test keeps the list out of the bundle.

export type Subdivision = { code: string; name: string; country: string; parent: string }

// The country is the part of the code before the hyphen, whatever the
// subdivision's parent (some are parts of regions, not of the country itself).
const SUBDIVISIONS: readonly Subdivision[] = iso31662
  .map((s) => ({ code: s.code, name: s.name, country: s.code.split('-')[0]!, parent: s.parent }))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'))
const SUBDIVISION_BY_CODE = new Map(SUBDIVISIONS.map((s) => [s.code, s]))

const byCountry = new Map<string, readonly Subdivision[]>()

/** A country's subdivisions by name, remembered: the overlap check of a whole-country campaign asks every time. */
export function subdivisionsOf(country: string): readonly Subdivision[] {
  let list = byCountry.get(country)
  if (!list) byCountry.set(country, (list = SUBDIVISIONS.filter((s) => s.country === country)))
  return list
}

export function subdivision(code: string): Subdivision | undefined {
  return SUBDIVISION_BY_CODE.get(code)
}

/** "UA-46 Lvivska oblast" style label: the code first, so it can be matched by either. */
export function subdivisionLabel(code: string): string {
  const s = SUBDIVISION_BY_CODE.get(code)
  return s ? `${s.name} (${s.code})` : code
}

const chains = new Map<string, readonly string[]>()

/** The subdivision and the subdivisions it lies in (PH-CEB Cebu → PH-07 Central Visayas). Remembered: overlap scoring asks often. */
export function subdivisionAndAncestors(code: string): readonly string[] {
  let chain = chains.get(code)
  if (!chain) {
    const found: string[] = []
    for (let s = SUBDIVISION_BY_CODE.get(code); s && !found.includes(s.code); s = SUBDIVISION_BY_CODE.get(s.parent)) found.push(s.code)
    chains.set(code, (chain = found.length ? found : [code]))
  }
  return chain
}

// What lies in each subdivision (PH-07 → PH-BOH, PH-CEB, …), built once on
// first use: the live overlap check asks for it on every keystroke.
let descendants: Map<string, string[]> | null = null
function descendantsOf(code: string): string[] {
  if (!descendants) {
    descendants = new Map()
    for (const s of SUBDIVISIONS) {
      for (const ancestor of subdivisionAndAncestors(s.code).slice(1)) {
        const list = descendants.get(ancestor) ?? []
        list.push(s.code)
        descendants.set(ancestor, list)
      }
    }
  }
  return descendants.get(code) ?? []
}

/** Codes that can overlap a campaign in `code`: itself, the regions it lies in, and what lies in it. */
export function relatedSubdivisions(code: string): string[] {
  return [...new Set([...subdivisionAndAncestors(code), ...descendantsOf(code)])]
}
