// Migrates one empty base database per run; every test file gets a copy of
// it (db-setup.ts) and makes the data it needs with tests/factories.
// Copying a file is faster and cleaner than truncating.
import { mkdirSync, rmSync } from 'node:fs'
import { migrateDatabase, openDatabase } from '../../db/connection'
import { BASE_DB, TMP_DIR } from './paths'

export default async function setup() {
  rmSync(TMP_DIR, { recursive: true, force: true })
  mkdirSync(TMP_DIR, { recursive: true })
  const db = openDatabase(BASE_DB)
  migrateDatabase(db)
  // Fold the WAL into the main file so that a plain copy is complete.
  db.$client.pragma('wal_checkpoint(TRUNCATE)')
  db.$client.pragma('journal_mode = DELETE')
  db.$client.close()
}
