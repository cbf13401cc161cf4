import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// The reference survey files: the committed copy, checked against
// ../shared/reference/data whenever that folder is there.
export const REFERENCE_DATA = join(__dirname, 'fixtures/reference/data')
const SHARED = join(__dirname, '../../shared/reference/data')

export const REFERENCE_FILES = readdirSync(REFERENCE_DATA).filter((f) => f.endsWith('.csv')).sort()

/** Files of the copy that differ from ../shared (none when ../shared is absent). */
export function driftFromShared(): string[] {
  if (!existsSync(SHARED)) return []
  const shared = readdirSync(SHARED).filter((f) => f.endsWith('.csv')).sort()
  const names = [...new Set([...shared, ...REFERENCE_FILES])]
  return names.filter((f) => !existsSync(join(SHARED, f)) || !existsSync(join(REFERENCE_DATA, f)) || readFileSync(join(SHARED, f), 'utf8') !== readFileSync(join(REFERENCE_DATA, f), 'utf8'))
}
