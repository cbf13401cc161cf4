/**
 * The bench database with the demo data in it, seeded by whichever bench
 * needs it first: a bench runs alone (`npm run bench -- import`) or after
 * others on the same database, and must not seed it twice.
 */
export async function demoDatabase() {
  const { db } = await import('../../app/shared/db.server')
  if (!db.$client.prepare('select count(*) from organisations').pluck().get()) await (await import('../../db/demo')).seedDemo(db)
  return db
}

/**
 * A write that changes nothing a page shows: pages that keep their figures
 * until the database changes compute them again on their next read.
 */
export async function aWrite() {
  const db = await demoDatabase()
  db.$client.prepare('update organisations set name = name where id = (select min(id) from organisations)').run()
}
