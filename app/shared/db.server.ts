import { migrateDatabase, openDatabase, type Db } from '../../db/connection'
import { getEnv } from './env.server'

// One connection per process. Pending migrations are applied on open, so a
// started server always runs against the schema it was built for; workers
// open the database after their primary has migrated it.
function connect(): Db {
  const env = getEnv()
  const db = openDatabase(env.DATABASE_PATH)
  if (env.LANTERN_PROCESS !== 'worker') migrateDatabase(db)
  return db
}

export const db = connect()
export type { Db }

/** The handle a db.transaction callback receives. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
