import cldr from 'cldr'
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

// Names in other languages come from CLDR's subdivision names (the cldr
// package ships them): read once per language, on first need, since reading
// one takes about half a second. English keeps ISO 3166-2's own names, which
// files and tests use; a subdivision CLDR has no name for keeps it too.
const namesByLocale = new Map<string, Readonly<Record<string, string>>>()

function cldrNames(locale: string): Readonly<Record<string, string>> {
  let names = namesByLocale.get(locale)
  if (!names) {
    try {
      names = cldr.extractSubdivisionDisplayNames(locale)
    } catch {
      names = {}
    }
    namesByLocale.set(locale, names)
  }
  return names
}

/** A subdivision's name in the reader's language, where CLDR has it; its ISO 3166-2 name otherwise. */
export function subdivisionName(code: string, locale = 'en'): string {
  const s = SUBDIVISION_BY_CODE.get(code)
  if (!s) return code
  if (locale === 'en' || locale.startsWith('en-')) return s.name
  return cldrNames(locale)[code.replace('-', '').toLowerCase()] ?? s.name
}

/** "Lvivska oblast (UA-46)" style label: the code too, so it can be matched by either. */
export function subdivisionLabel(code: string, locale = 'en'): string {
  return SUBDIVISION_BY_CODE.has(code) ? `${subdivisionName(code, locale)} (${code})` : code
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
