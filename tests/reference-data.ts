import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// The reference survey files: the committed copy, checked against
// ../shared/reference/data whenever that folder is there.
export const REFERENCE_DATA = join(__dirname, 'fixtures/reference/data')
const SHARED = join(__dirname, '../../shared/reference/data')

export const REFERENCE_FILES = readdirSync(REFERENCE_DATA).filter((f) => f.endsWith('.csv')).sort()

/** R's values for the reference files (../shared/reference/expected.json, copied). */
export const EXPECTED = join(__dirname, 'fixtures/reference/expected.json')

/** Files of the copy that differ from ../shared (none when ../shared is absent). */
export function driftFromShared(): string[] {
  if (!existsSync(SHARED)) return []
  const shared = readdirSync(SHARED).filter((f) => f.endsWith('.csv')).sort()
  const names = [...new Set([...shared, ...REFERENCE_FILES])]
  const differs = (a: string, b: string) => !existsSync(a) || !existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8')
  return [
    ...names.filter((f) => differs(join(SHARED, f), join(REFERENCE_DATA, f))),
    ...(differs(join(SHARED, '../expected.json'), EXPECTED) ? ['expected.json'] : []),
  ]
}

/** R's survey package on cluster, stratified and weighted samples (read where it lies: the suite is small). */
export const COMPLEX_SAMPLES = join(__dirname, '../../shared/reference/complex-samples')
/** R's survey package on the difference in differences of complex samples, which COMPLEX_SAMPLES does not cover. */
export const COMPLEX_DID = join(__dirname, 'fixtures/r-survey-did')
