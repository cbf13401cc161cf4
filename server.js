// The HTTP server: Express in front of the Remix request handler. In
// development Vite serves the app with hot reload; in production the built
// app in build/ is served, by one worker process per core (node:cluster).
// Security headers are set here for every response.
import { AsyncLocalStorage } from 'node:async_hooks'
import cluster from 'node:cluster'
import { randomBytes } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { createRequestHandler } from '@remix-run/express'
import compression from 'compression'
import express from 'express'
import helmet from 'helmet'
import morgan from 'morgan'
import { isSameOrigin } from './app/shared/origin.js'

const production = process.env.NODE_ENV === 'production'
const port = Number(process.env.PORT ?? 3000)
const workers = production ? workerCount(process.env.LANTERN_WORKERS) : 1

if (workers > 1 && cluster.isPrimary) await supervise(workers)
else await serve()

/** LANTERN_WORKERS, else one worker per core. */
function workerCount(setting) {
  if (setting === undefined || setting === '') return availableParallelism()
  const n = Number(setting)
  if (Number.isInteger(n) && n >= 1 && n <= 256) return n
  console.error(`LANTERN_WORKERS must be a whole number from 1 to 256 (it is "${setting}"); leave it unset for one worker per core.`)
  process.exit(1)
}

/**
 * The primary process does the start-up work once (migrations, demo data,
 * purging old uploads, on the hour), then starts the workers, which share the
 * port and the SQLite database (WAL mode), and starts a new one when one stops.
 */
async function supervise(count) {
  process.env.LANTERN_PROCESS = 'primary'
  await import('./build/server/index.js')
  const fork = () => cluster.fork({ LANTERN_PROCESS: 'worker' })
  let stopping = false
  let quickExits = 0
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      return
    }
    // A worker that cannot start (the port is taken, the build is broken) would stop again at once: give up after three.
    const quick = Date.now() - worker.startedAt < 10_000
    quickExits = quick ? quickExits + 1 : 0
    console.error(`Lantern: worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`})${quickExits >= 3 ? '; it keeps stopping at start, so the server stops' : '; starting another'}.`)
    if (quickExits >= 3) process.exit(1)
    fork().startedAt = Date.now()
  })
  let listening = 0
  cluster.on('listening', () => {
    if (++listening === count) console.log(`Lantern is listening on http://localhost:${port} (${count} workers)`)
  })
  for (let i = 0; i < count; i++) fork().startedAt = Date.now()
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      stopping = true
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal)
    })
  }
}

async function serve() {
  const vite = production
    ? undefined
    : await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))

  // Loading the build runs the app's start-up (migrations, demo data) before
  // the first request, so problems show at start, not on first visit.
  const loadBuild = () => (vite ? vite.ssrLoadModule('virtual:remix/server-build') : import('./build/server/index.js'))
  const build = await loadBuild()

  const app = express()
  app.disable('x-powered-by')
  if (process.env.TRUST_PROXY === '1') app.set('trust proxy', 1)
  app.use(compression())

  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  })
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
          // Vite injects CSS with <style> tags while developing.
          'style-src': production ? ["'self'"] : ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'font-src': ["'self'"],
          'connect-src': production ? ["'self'"] : ["'self'", 'ws:'],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'self'"],
          'object-src': ["'none'"],
        },
      },
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      // Lantern may run on plain http on a local network; HSTS is for the proxy to set.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
      frameguard: { action: 'deny' },
    }),
  )

  if (vite) {
    app.use(vite.middlewares)
  } else {
    app.use('/assets', express.static('build/client/assets', { immutable: true, maxAge: '1y' }))
    // The other public files (favicon.svg): only their paths look on disk, not every page's.
    const publicFiles = new Set(readdirSync('build/client'))
    const publicStatic = express.static('build/client', { maxAge: '1h' })
    app.use((req, res, next) => (publicFiles.has(req.path.split('/')[1]) ? publicStatic(req, res, next) : next()))
  }

  app.use(morgan(production ? 'combined' : 'tiny'))

  // Cross-site posts are refused here with a clear 403, before Remix (whose own
  // check would answer 500). Actions check again through readForm().
  const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const site = process.env.APP_ORIGIN ?? `${req.protocol}://${req.get('host')}`
    if (isSameOrigin(site, req.get('origin'), req.get('referer'))) return next()
    res
      .status(403)
      .type('text/plain')
      .send('This form was sent from another site, so it was refused. Open Lantern directly and try again.')
  })

  // A page for a signed-in person may hold what only their organisation may
  // see (respondent codes among them): no shared cache may keep it, and a
  // browser on a shared computer must not show it again from its history.
  app.use((req, res, next) => {
    if (/(?:^|;\s*)lantern_session=/.test(req.headers.cookie ?? '')) res.setHeader('Cache-Control', 'private, no-store')
    next()
  })

  // Each request is answered in a scope that knows its language headers, so
  // words composed far from the request (form checks, a service's refusal)
  // are in the reader's language (app/shared/i18n/ambient.ts).
  const scope = (globalThis[Symbol.for('lantern.request-scope')] ??= new AsyncLocalStorage())
  const remix = createRequestHandler({
    build: vite ? loadBuild : build,
    mode: production ? 'production' : 'development',
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce, clientIp: req.ip ?? 'unknown' }),
  })
  app.all('*', (req, res, next) => scope.run({ cookie: req.headers.cookie, acceptLanguage: req.headers['accept-language'] }, () => remix(req, res, next)))

  // Workers listen together; their primary says so once.
  const server = app.listen(port, () => {
    if (cluster.isPrimary) console.log(`Lantern is listening on http://localhost:${port}`)
  })

  // Requests Node cannot parse (headers or an address too long, broken
  // framing) never reach Express; Node would close them with a bare status.
  // They get the status with a sentence saying what to do.
  const CLIENT_ERRORS = {
    HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'The address or the headers of this request are too long. Shorten the address, or clear this site\'s cookies, and try again.'],
    HPE_URI_TOO_LONG: [414, 'URI Too Long', 'This address is too long. Shorten it and try again.'],
  }
  server.on('clientError', (error, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') return socket.destroy()
    const [status, reason, message] = CLIENT_ERRORS[error.code] ?? [400, 'Bad Request', 'This request could not be read. Open the page from Lantern and try again.']
    // An answer to HEAD has no body.
    const body = error.rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD ' ? '' : message
    socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(message)}\r\nConnection: close\r\n\r\n${body}`)
  })

  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => server.close(() => process.exit(0)))
  }
}
