import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

// The built server on a port of its own, on the bench's database, for the
// benches that measure what a browser would meet. BENCH_PROFILE=DIR writes a
// CPU profile of it there.

/** Before any seeding: a bench of the built server is no use without the build. */
export function requireBuild(bench: string) {
  if (!existsSync('build/server/index.js')) throw new Error(`The ${bench} bench drives the built server: run "npm run build" first.`)
}

/** One worker process unless told: a figure of one core, as the goals are set. */
export async function startBuiltServer({ workers = 1 } = {}): Promise<{ base: string; stop: () => void }> {
  const port = 7000 + Math.floor(Math.random() * 1000)
  const base = `http://localhost:${port}`
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []
  const server = spawn(process.execPath, [...profile, 'server.js'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), LANTERN_DEMO: '0', LANTERN_WORKERS: String(workers) },
    stdio: 'ignore',
  })
  const stop = () => void server.kill('SIGTERM')
  for (let i = 0; ; i++) {
    if ((await fetch(`${base}/healthz`).catch(() => null))?.ok) return { base, stop }
    if (i > 150) {
      stop()
      throw new Error('The server did not start.')
    }
    await new Promise((r) => setTimeout(r, 200))
  }
}
