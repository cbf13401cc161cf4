import { defineMessages, type Message, type Sentence } from './i18n/messages'
import { data, redirect } from '@remix-run/node'

// Errors thrown as responses end a loader or action at once and are shown by
// the nearest error boundary with a friendly page.

// What is thrown is a message, not text: the error page words it in the
// reader's language (root.tsx).

const said = (message: Message | Sentence): Sentence => ('message' in message ? message : { message })

const defaults = defineMessages({
  forbidden: { id: 'errors.forbidden', defaultMessage: 'You do not have permission to do this.' },
  notFound: { id: 'errors.not_found', defaultMessage: 'We could not find that page.' },
})

export function forbidden(message: Message | Sentence = defaults.forbidden): never {
  throw data(said(message), { status: 403 })
}

export function notFound(message: Message | Sentence = defaults.notFound): never {
  throw data(said(message), { status: 404 })
}

export function badRequest(message: Message | Sentence): never {
  throw data(said(message), { status: 400 })
}

/** An error page for any status, with a message in the reader's language. */
export function failWith(status: number, message: Message | Sentence): never {
  throw data(said(message), { status })
}

// Any host, so that only the path decides; never sent anywhere.
const PROBE_ORIGIN = 'http://lantern.invalid'

/**
 * Only same-site paths are followed after log-in, never another host. The
 * target is parsed as the browser would parse it (the URL standard drops tabs
 * and newlines and reads a backslash as a slash), against a stand-in origin:
 * anything that lands elsewhere falls back. What is returned is the parsed,
 * percent-encoded path, so no control or non-ASCII character reaches the
 * Location header.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/')) return fallback
  let url: URL
  try {
    url = new URL(to, PROBE_ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== PROBE_ORIGIN) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}

export { redirect }
