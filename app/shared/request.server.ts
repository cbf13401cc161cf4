import { isSameOrigin } from './origin'
import { getEnv } from './env.server'
import { forbidden } from './http.server'

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
  return request.formData()
}
