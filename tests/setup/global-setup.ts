// Migrates and seeds one base database per run; every test file gets a copy
// of it (db-setup.ts). Copying a file is faster and cleaner than truncating.
import { mkdirSync, rmSync } from 'node:fs'
import { migrateDatabase, openDatabase } from '../../db/connection'
import { seedDemo } from '../../db/demo'
import { BASE_DB, TMP_DIR } from './paths'

export default async function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true })
  mkdirSync(TMP_DIR, { recursive: true })
  const db = openDatabase(BASE_DB)
  migrateDatabase(db)
  await seedDemo(db)
  db.$client.close()
  // The overlap pairs of the seed, computed by the app itself.
  process.env.DATABASE_PATH = BASE_DB
  process.env.SESSION_SECRET ??= 'global-setup-secret-long-enough-for-zod'
  const pairs = await import('../../app/features/overlap/pairs.server')
  pairs.refreshAllPairs()
  const { db: appDb } = await import('../../app/shared/db.server')
  appDb.$client.close()
  const again = openDatabase(BASE_DB)
  // Fold the WAL into the main file so that a plain copy is complete.
  again.$client.pragma('wal_checkpoint(TRUNCATE)')
  again.$client.pragma('journal_mode = DELETE')
  again.$client.close()
}
