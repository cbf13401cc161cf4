import { migrateDatabase, openDatabase, type Db } from '../../db/connection'
import { getEnv } from './env.server'

// One connection per process. Pending migrations are applied on open, so a
// started server always runs against the schema it was built for.
function connect(): Db {
  const db = openDatabase(getEnv().DATABASE_PATH)
  migrateDatabase(db)
  return db
}

export const db = connect()
export type { Db }

/** The handle a db.transaction callback receives. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
