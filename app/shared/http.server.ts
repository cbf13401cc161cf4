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

/** Only same-site paths are followed after log-in, never another host. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}

export { redirect }
