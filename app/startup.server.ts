import { demoLoginsText, isEmpty, seedDemo } from '../db/demo'
import { db } from './shared/db.server'
import { getEnv } from './shared/env.server'
import { refreshAllPairs } from './features/overlap/index.server'
import { purgeExpiredSessions } from './features/accounts/index.server'
import { prepareImportWorkers, purgeAbandonedImports, purgeAbandonedUploads } from './features/surveys/index.server'

let started: Promise<void> | undefined

/**
 * Runs once per process when the server build is loaded: the connection has
 * applied pending migrations by now; with LANTERN_DEMO=1 an empty database
 * gets the demo data and the log-ins are printed. With several workers, the
 * primary does this work once and the workers only prepare themselves.
 */
export function startup(): Promise<void> {
  started ??= (async () => {
    const env = getEnv()
    // In the background: a server that cannot bundle them says so at its first import too.
    if (env.LANTERN_PROCESS !== 'primary') prepareImportWorkers().catch((error: unknown) => console.error('The survey import workers could not be prepared:', error))
    if (env.LANTERN_PROCESS === 'worker') return
    purgeExpiredSessions()
    purgeAbandonedUploads()
    await purgeAbandonedImports()
    // Uploads may hold names and phone numbers: none outlives its day, even on a quiet server.
    setInterval(() => {
      purgeAbandonedUploads()
      void purgeAbandonedImports()
    }, 3_600_000).unref()
    if (env.LANTERN_DEMO && isEmpty(db)) {
      await seedDemo(db)
      refreshAllPairs()
      console.log(`Lantern: loaded demo data into ${env.DATABASE_PATH}.\n${demoLoginsText()}`)
    } else if (env.LANTERN_DEMO) {
      console.log(`Lantern: ${env.DATABASE_PATH} already holds data; demo data not loaded.\n${demoLoginsText()}`)
    }
  })()
  return started
}
