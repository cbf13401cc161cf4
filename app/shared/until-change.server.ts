import { db } from './db.server'

// Pages that read every campaign in view (the outcome dashboard, the
// coordination workspace) answer many readers between two writes. What they
// computed is kept until the database changes, and no longer: the version is
// read on every request, so nobody is ever shown figures that a write has
// made stale, whichever server process made it.

// `total_changes()` counts this connection's writes; `data_version` changes
// when another connection (another worker) commits.
const versionQuery = db.$client.prepare<[], string>('select total_changes() || \':\' || data_version from pragma_data_version').pluck()

/** A token that changes whenever anything in the database may have changed. */
export function databaseVersion(): string {
  return versionQuery.get()!
}

/**
 * A store of values computed from the database, each under a key that says
 * everything its computation depends on besides the data (the viewer's scope,
 * the filters). A value is kept only when nothing was written while it was
 * computed; the least recently used goes first once `capacity` are kept.
 */
export function untilChange<T>(capacity: number) {
  let version = ''
  const values = new Map<string, T>()
  return async function read(key: string, compute: () => Promise<T>): Promise<T> {
    const before = databaseVersion()
    if (before !== version) {
      values.clear()
      version = before
    }
    const kept = values.get(key)
    if (kept !== undefined) {
      values.delete(key)
      values.set(key, kept)
      return kept
    }
    const value = await compute()
    // Kept only when nothing changed while it was computed: not even a write another request has seen meanwhile.
    if (databaseVersion() === before && version === before) {
      values.set(key, value)
      if (values.size > capacity) values.delete(values.keys().next().value!)
    }
    return value
  }
}
