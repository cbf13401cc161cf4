import { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, PURPOSES } from './taxonomy'

// Sets of taxonomy codes as bitmasks — bit i is the i-th code of the list —
// so the overlap check reads four integers per campaign instead of four lists
// and intersects them with one AND. Each list has fewer than 31 codes.
// Masks stored in the database depend on the code order: CODE_SET_FINGERPRINT
// changes when a list does, and the overlap index is then rebuilt
// (db/overlap-index.ts).

export type CodeList<C extends string> = { readonly codes: readonly C[] }

export const MASKED = { audiences: AUDIENCES, channels: CHANNELS, forms: EXPLOITATION_FORMS, purposes: PURPOSES } as const

export const CODE_SET_FINGERPRINT = JSON.stringify(Object.values(MASKED).map((l) => l.codes))

export function maskOf<C extends string>(list: CodeList<C>, codes: readonly C[]): number {
  let mask = 0
  for (const code of codes) {
    const i = list.codes.indexOf(code)
    if (i >= 0) mask |= 1 << i
  }
  return mask
}

const decoded = new WeakMap<object, Map<number, readonly string[]>>()

/** The codes of a mask in list order; remembered per list, since few distinct sets occur. */
export function codesOf<C extends string>(list: CodeList<C>, mask: number): readonly C[] {
  let cache = decoded.get(list)
  if (!cache) decoded.set(list, (cache = new Map()))
  let codes = cache.get(mask)
  if (!codes) {
    codes = list.codes.filter((_, i) => mask & (1 << i))
    cache.set(mask, codes)
  }
  return codes as readonly C[]
}

/** How many codes a mask holds. */
export function sizeOf(mask: number): number {
  let n = 0
  for (let m = mask; m; m &= m - 1) n++
  return n
}
