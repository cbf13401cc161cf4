import { isSameOrigin } from './origin'
import { getEnv } from './env.server'
import { badRequest, forbidden } from './http.server'
import { data } from '@remix-run/node'

export function siteOrigin(request: Request): string {
  return getEnv().APP_ORIGIN ?? new URL(request.url).origin
}

/** Refuses a mutation whose Origin (or Referer) is not this site, with 403. */
export function assertSameOrigin(request: Request): void {
  const ok = isSameOrigin(siteOrigin(request), request.headers.get('Origin'), request.headers.get('Referer'))
  if (!ok) forbidden('This form was sent from another site, so it was refused. Open Lantern directly and try again.')
}

/**
 * The one way actions read a form body: the origin check comes first, so no
 * action can forget it (eslint forbids calling request.formData() in routes).
 */
export async function readForm(request: Request): Promise<FormData> {
  assertSameOrigin(request)
  // Lantern's forms are sent as web forms; anything else (JSON, plain text, no body type) is refused with what to do.
  const type = request.headers.get('Content-Type') ?? ''
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    throw data('This address takes a web form. Send the form from its page in Lantern.', { status: 415 })
  }
  try {
    return await request.formData()
  } catch {
    badRequest('The form could not be read: it was cut short or malformed. Send it again from its page.')
  }
}
