import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { ensureOverlapIndex } from './overlap-index'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

export const MIGRATIONS_FOLDER = resolve(process.cwd(), 'db/migrations')

export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const sqlite = new Database(path)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('synchronous = NORMAL')
  // Deleted rows are overwritten, not left in free pages: an upload's names and phone numbers are gone from the file once deleted.
  sqlite.pragma('secure_delete = ON')
  // Reads come from memory-mapped pages and a 64 MB page cache rather than a
  // system call per page: the overlap check reads hundreds of rows per keystroke.
  sqlite.pragma('mmap_size = 268435456')
  sqlite.pragma('cache_size = -65536')
  return drizzle(sqlite, { schema })
}

/** Applies pending migrations, then builds the overlap index if it is new or stale; a no-op when all is current. */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER })
  ensureOverlapIndex(db.$client)
}
