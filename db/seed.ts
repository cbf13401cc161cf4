// npm run db:seed            fills an empty database with demo data
// npm run db:seed -- --reset empties the database first, then fills it
import { migrateDatabase, openDatabase } from './connection'
import { clearDatabase, demoLoginsText, isEmpty, seedDemo } from './demo'

const path = process.env.DATABASE_PATH ?? 'data/lantern.db'
const reset = process.argv.includes('--reset')
const db = openDatabase(path)
migrateDatabase(db)
if (reset) clearDatabase(db)
if (!isEmpty(db)) {
  console.error(`${path} already holds data; nothing was changed. Use "npm run db:seed -- --reset" to replace it.`)
  process.exitCode = 1
} else {
  await seedDemo(db)
  // The overlap pairs are the app's to compute; it opens DATABASE_PATH (the same file) itself.
  process.env.DATABASE_PATH = path
  const app = await import('../app/features/overlap/pairs.server')
  app.refreshAllPairs()
  console.log(`Demo data loaded into ${path}.\n${demoLoginsText()}`)
}
db.$client.close()
