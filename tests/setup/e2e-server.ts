// Starts the built app (npm run build first) in production on a free port
// with a fresh, empty database, and stops it after. Each test file makes the
// people and campaigns it needs in that database (tests/e2e/scene.ts).
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string
    databasePath: string
    sessionSecret: string
  }
}

const SESSION_SECRET = 'end-to-end-test-secret-long-enough-for-zod'

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.unref()
    server.on('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))))
    })
  })
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}:\n${log()}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`The server did not answer /healthz within 30 s:\n${log()}`)
}

export default async function setup(project: TestProject) {
  const root = process.cwd()
  if (!existsSync(resolve(root, 'build/server/index.js'))) {
    throw new Error('No build found: run "npm run build" before the end-to-end tests (npm run test:e2e does).')
  }
  const dir = resolve(root, 'tests/.tmp/e2e')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const port = await freePort()
  let output = ''
  const child = spawn(process.execPath, ['server.js'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_PATH: join(dir, 'lantern.db'),
      SESSION_SECRET,
      LANTERN_DEMO: '0',
      // As npm start runs on a two-core machine: every browser test also checks that two workers share the work and the database.
      LANTERN_WORKERS: '2',
      // Every test's browser comes from this one address; the ration of account creation is tested in tests/integration/auth.test.ts.
      SIGN_UP_MAX_PER_IP: '100',
      // The accented, longer pseudo-language the walk over every page reads (tests/e2e/languages.test.ts).
      LANTERN_PSEUDO_LOCALE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (chunk) => (output += chunk))
  child.stderr?.on('data', (chunk) => (output += chunk))
  // Use the name a person would type, as in the README.
  const baseUrl = `http://localhost:${port}`
  await waitForHealth(baseUrl, child, () => output)
  project.provide('baseUrl', baseUrl)
  project.provide('databasePath', join(dir, 'lantern.db'))
  project.provide('sessionSecret', SESSION_SECRET)
  return async () => {
    child.kill('SIGTERM')
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)))
    // Access-log lines aside, anything the server printed as an error is shown.
    const errors = output.split('\n').filter((line) => /error/i.test(line) && !/"(GET|POST|HEAD) /.test(line))
    if (errors.length) console.error(`The server reported errors during the end-to-end tests:\n${errors.join('\n')}`)
  }
}
