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
  // Fold the WAL into the main file so that a plain copy is complete.
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  db.$client.pragma('journal_mode = DELETE')
  db.$client.close()
}
