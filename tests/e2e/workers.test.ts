import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort } from '../setup/e2e-server'

// npm start in production: a primary process does the start-up work once and
// two workers serve the same port and database; a worker that stops is
// replaced, and stopping the primary stops them all.

const dir = mkdtempSync(join(tmpdir(), 'lantern-workers-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** The processes whose parent is `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        // pid (comm) state ppid …: comm may hold spaces, so read after its closing bracket.
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid ? [Number(name)] : []
      } catch {
        return [] // gone meanwhile
      }
    })
}

async function until<T>(what: string, check: () => T | Promise<T>, ms = 30_000): Promise<NonNullable<T>> {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
    const value = await check()
    if (value) return value
  }
  throw new Error(`Gave up waiting: ${what}`)
}

describe('npm start with two workers', () => {
  it('loads the demo once, serves from two workers, replaces one that stops, and stops when told', async () => {
    const port = await freePort()
    const databasePath = join(dir, 'lantern.db')
    let output = ''
    const primary = spawn(process.execPath, ['server.js'], {
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_PATH: databasePath, LANTERN_DEMO: '1', LANTERN_WORKERS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    primary.stdout.on('data', (chunk) => (output += chunk))
    primary.stderr.on('data', (chunk) => (output += chunk))
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve))
    try {
      await until('the server to listen', () => output.includes('(2 workers)'))
      expect(output.match(/loaded demo data/g)).toHaveLength(1)
      const workers = childrenOf(primary.pid!)
      expect(workers).toHaveLength(2)

      const base = `http://localhost:${port}`
      const pages = await Promise.all(Array.from({ length: 20 }, () => fetch(`${base}/campaigns`).then((r) => r.status)))
      expect(pages.every((status) => status === 200)).toBe(true)
      const db = new Database(databasePath, { readonly: true })
      expect(db.prepare("select count(*) from users where email = 'coordinator@lantern.example'").pluck().get()).toBe(1)
      db.close()

      process.kill(workers[0]!, 'SIGKILL')
      await until('a new worker', () => childrenOf(primary.pid!).filter((pid) => !workers.includes(pid)).length === 1)
      // The primary says so on stderr, which can reach this process after the new worker shows.
      await until('the stop to be reported', () => /worker \d+ stopped \(SIGKILL\); starting another/.test(output))
      await until('the new worker to answer', async () => (await Promise.all(Array.from({ length: 6 }, () => fetch(`${base}/healthz`).then((r) => r.ok)))).every(Boolean))
    } finally {
      primary.kill('SIGTERM')
    }
    expect(await exited).toBe(0)
    expect(childrenOf(primary.pid!)).toEqual([])
  })
})
