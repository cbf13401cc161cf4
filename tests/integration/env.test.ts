import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'

const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
  vi.resetModules()
})

async function freshEnv(overrides: Record<string, string | undefined>) {
  vi.resetModules()
  process.env = { ...saved, ...overrides }
  for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete process.env[key]
  const { getEnv } = await import('../../app/shared/env.server')
  return getEnv
}

describe('environment', () => {
  it('refuses to start in production without SESSION_SECRET', async () => {
    const getEnv = await freshEnv({ NODE_ENV: 'production', SESSION_SECRET: undefined })
    expect(() => getEnv()).toThrow('SESSION_SECRET is required in production')
  })

  it('lets the demo start in production without a secret, with cookies that work on http://localhost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-env-'))
    vi.resetModules()
    process.env = { ...saved, NODE_ENV: 'production', LANTERN_DEMO: '1', DATABASE_PATH: join(dir, 'lantern.db') }
    delete process.env.SESSION_SECRET
    const { getEnv, secureCookies } = await import('../../app/shared/env.server')
    expect(getEnv().SESSION_SECRET.length).toBeGreaterThanOrEqual(32)
    expect(secureCookies()).toBe(false)
    expect(secureCookies({ ...getEnv(), LANTERN_DEMO: false })).toBe(true)
  })

  it('refuses a short secret and a malformed port, naming each', async () => {
    const getEnv = await freshEnv({ SESSION_SECRET: 'short', PORT: 'eighty' })
    expect(() => getEnv()).toThrow(/SESSION_SECRET must be at least 32 characters[\s\S]*PORT|PORT[\s\S]*SESSION_SECRET must be at least 32/)
  })

  it('outside production makes a secret once, keeps it under the data folder and reuses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-env-'))
    const overrides = { NODE_ENV: 'development', SESSION_SECRET: undefined, DATABASE_PATH: join(dir, 'lantern.db') }
    const first = (await freshEnv(overrides))().SESSION_SECRET
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(existsSync(join(dir, 'session-secret'))).toBe(true)
    expect(readFileSync(join(dir, 'session-secret'), 'utf8')).toBe(first)
    const second = (await freshEnv(overrides))().SESSION_SECRET
    expect(second).toBe(first)
  })

  it('defaults to port 3000 and data/lantern.db', async () => {
    const env = (await freshEnv({ PORT: undefined, DATABASE_PATH: undefined, SESSION_SECRET: 'x'.repeat(32) }))()
    expect(env.PORT).toBe(3000)
    expect(env.DATABASE_PATH).toBe('data/lantern.db')
  })
})
