import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { backupDatabase } from '../../db/backup'
import { db } from '../../app/shared/db.server'
import { createPerson, createSurveyedCampaign } from '../factories'

// A backup a small NGO can run while the server is up: a consistent copy
// that, restored, holds every row.

const dir = mkdtempSync(join(tmpdir(), 'lantern-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const tables = (sqlite: Database.Database) =>
  sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[]
const rows = (sqlite: Database.Database) =>
  Object.fromEntries(tables(sqlite).map((t) => [t, (sqlite.prepare(`select * from "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]))

describe('npm run backup', () => {
  it('copies the live database, writes made meanwhile included, and the restored copy holds every row', async () => {
    const { organisation } = await createPerson('org_admin')
    createSurveyedCampaign(organisation)
    const target = join(dir, 'lantern-backup.db')
    // A write lands while the backup runs: the copy is the database at one moment, not half of it.
    const copying = backupDatabase(process.env.DATABASE_PATH!, target)
    createSurveyedCampaign(organisation, { title: 'Written during the backup' })
    expect(await copying).toBeGreaterThan(10)

    const restored = new Database(target, { readonly: true })
    const live = rows(db.$client)
    const copy = rows(restored)
    restored.close()
    expect(Object.keys(copy)).toEqual(Object.keys(live))
    expect(copy.survey_answers!.length).toBeGreaterThan(1000)
    // SQLite's backup starts again when another connection writes, so the copy is the database at one moment: after the write.
    for (const table of Object.keys(live)) expect(copy[table], table).toEqual(live[table])
  })

  it('never overwrites an earlier backup', async () => {
    const target = join(dir, 'twice.db')
    await backupDatabase(process.env.DATABASE_PATH!, target)
    await expect(backupDatabase(process.env.DATABASE_PATH!, target)).rejects.toThrow(/already exists/)
  })
})
