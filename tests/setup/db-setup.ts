// Runs before each integration test file, before it imports the app: points
// DATABASE_PATH at a fresh copy of the migrated, empty base database.
import { randomUUID } from 'node:crypto'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { BASE_DB, TMP_DIR } from './paths'

const path = join(TMP_DIR, `test-${randomUUID()}.db`)
copyFileSync(BASE_DB, path)
process.env.DATABASE_PATH = path
process.env.SESSION_SECRET = 'integration-test-secret-that-is-long-enough'
// A small file's import answers its request with what it did, however busy the machine: the tests read that answer.
process.env.SURVEY_IMPORT_WAIT_MS = '120000'

afterAll(async () => {
  const { db } = await import('../../app/shared/db.server')
  if (db.$client.open) db.$client.close()
})
