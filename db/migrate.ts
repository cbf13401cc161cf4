// npm run db:migrate — applies pending migrations to DATABASE_PATH.
import { migrateDatabase, openDatabase } from './connection'

const path = process.env.DATABASE_PATH ?? 'data/lantern.db'
const db = openDatabase(path)
migrateDatabase(db)
db.$client.close()
console.log(`Migrations applied to ${path}`)
