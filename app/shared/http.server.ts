import { data, redirect } from '@remix-run/node'

// Errors thrown as responses end a loader or action at once and are shown by
// the nearest error boundary with a friendly page.

export function forbidden(message = 'You do not have permission to do this.'): never {
  throw data(message, { status: 403 })
}

export function notFound(message = 'We could not find that page.'): never {
  throw data(message, { status: 404 })
}

export function badRequest(message: string): never {
  throw data(message, { status: 400 })
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
