import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .default('0')
  .transform((v) => v === '1' || v === 'true')

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_PATH: z.string().min(1).default('data/lantern.db'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  LANTERN_DEMO: flag,
  /** The public origin (https://lantern.example.org) when a proxy rewrites Host. */
  APP_ORIGIN: z.url().optional(),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** Accounts one address may try to make (sign-up, invites) per window: each try tells whether an email has an account. */
  SIGN_UP_MAX_PER_IP: z.coerce.number().int().min(1).default(5),
  /** Breakdowns seen outside the owning organisation withhold cells with fewer respondents (DESIGN.md §7). */
  SMALL_CELL_THRESHOLD: z.coerce.number().int().min(1).default(10),
  /** How long the import request waits for a small survey file's import to end before it shows the progress page instead. */
  SURVEY_IMPORT_WAIT_MS: z.coerce.number().int().min(0).default(1500),
  /**
   * Set by server.js, not by hand. `primary`: the process that does the
   * start-up work once and starts the workers; `worker`: one of the processes
   * serving requests; `single`: both at once (development, tests, one worker).
   */
  LANTERN_PROCESS: z.enum(['single', 'primary', 'worker']).default('single'),
})

export type Env = z.infer<typeof schema> & { SESSION_SECRET: string }

let cached: Env | undefined

/** The validated environment; the server refuses to start when it is wrong. */
export function getEnv(): Env {
  if (cached) return cached
  const parsed = schema.safeParse(process.env)
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`)
  }
  const env = parsed.data
  // The demo (npm run demo) is a production build that must start with no configuration.
  if (!env.SESSION_SECRET && env.NODE_ENV === 'production' && !env.LANTERN_DEMO) {
    throw new Error('SESSION_SECRET is required in production (at least 32 random characters).')
  }
  cached = { ...env, SESSION_SECRET: env.SESSION_SECRET ?? developmentSecret(env.DATABASE_PATH) }
  return cached
}

/** Cookies are Secure in production; the demo runs on plain http://localhost, where some browsers drop them. */
export function secureCookies(env: Env = getEnv()): boolean {
  return env.NODE_ENV === 'production' && !env.LANTERN_DEMO
}

// Outside production a secret is made once and kept beside the database, so
// that sessions survive restarts without anyone having to configure one.
function developmentSecret(databasePath: string): string {
  const file = join(dirname(databasePath), 'session-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('base64url')
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}
