import { PassThrough } from 'node:stream'
import { type AppLoadContext, type EntryContext, type HandleErrorFunction, createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { NonceProvider } from './shared/ui/nonce'
import { startup } from './startup.server'
import { loadCatalogues } from './shared/i18n/index.server'
import { currentScope, currentTranslator, recordingTranslator } from './shared/i18n'

// Before any page renders: the shell asks for its translator by language.
loadCatalogues()

await startup()

const ABORT_DELAY = 5_000
export const streamTimeout = ABORT_DELAY

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce ?? ''
  // The page's Intl-dependent words are recorded as they are rendered, for the browser to hydrate with (same-words.ts).
  const scope = currentScope()
  if (scope) {
    const { translator, recorded } = recordingTranslator(currentTranslator())
    scope.translator = translator
    scope.recorded = recorded
  }
  // Bots and no-JS clients get the whole document at once.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    // Stops a render that takes too long; cleared once the page is sent, as React Router 7's entry does, or every
    // request left a timer that fired seconds later to abort a render long finished.
    const timeout = setTimeout(() => abort(), ABORT_DELAY + 1_000)
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeout)
              callback()
            },
          })
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          resolve(
            new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
  })
}

export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return
  console.error(error)
}
