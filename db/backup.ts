// npm run backup -- FILE — a consistent copy of DATABASE_PATH while the
// server runs, through SQLite's online backup: pages are copied in steps, and
// writes made meanwhile are folded in, so the copy is the database at one
// moment. Restore: stop the server, then put the copy in DATABASE_PATH's place
// (or start with DATABASE_PATH=FILE); pending migrations are applied at start.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'

/** Copies the database at `source` to `target` (which must not exist) and checks the copy; returns its page count. */
export async function backupDatabase(source: string, target: string): Promise<number> {
  if (existsSync(target)) throw new Error(`${target} already exists: choose a new file name, so that no backup is overwritten.`)
  const db = new Database(source, { readonly: true, fileMustExist: true })
  try {
    await db.backup(target)
  } finally {
    db.close()
  }
  const copy = new Database(target, { readonly: true })
  try {
    const check = copy.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new Error(`The copy in ${target} failed SQLite's integrity check: ${String(check)}`)
    return copy.pragma('page_count', { simple: true }) as number
  } finally {
    copy.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const source = process.env.DATABASE_PATH ?? 'data/lantern.db'
  const target = process.argv[2]
  if (!target) {
    console.error('Usage: npm run backup -- FILE   (copies DATABASE_PATH, default data/lantern.db, to FILE)')
    process.exitCode = 1
  } else {
    try {
      const pages = await backupDatabase(source, resolve(target))
      console.log(`Backed up ${source} to ${target} (${pages} pages, integrity checked).`)
    } catch (error) {
      console.error((error as Error).message)
      process.exitCode = 1
    }
  }
}
