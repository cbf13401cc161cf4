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
