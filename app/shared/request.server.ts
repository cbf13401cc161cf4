import { isSameOrigin } from './origin'
import { getEnv } from './env.server'
import { badRequest, failWith, forbidden } from './http.server'
import { defineMessages } from './i18n/messages'

const messages = defineMessages({
  otherSite: { id: 'errors.other_site', defaultMessage: 'This form was sent from another site, so it was refused. Open Lantern directly and try again.' },
  notAForm: { id: 'errors.not_a_form', defaultMessage: 'This address takes a web form. Send the form from its page in Lantern.' },
  cutShort: { id: 'errors.form_cut_short', defaultMessage: 'The form could not be read: it was cut short. Send it again from its page.' },
  malformed: { id: 'errors.form_malformed', defaultMessage: 'The form could not be read: it was cut short or malformed. Send it again from its page.' },
  tooLarge: {
    id: 'errors.form_too_large',
    defaultMessage: "This form is larger than {megabytes, number} MB, more than any of Lantern's forms needs. Shorten what was typed and send it again.",
  },
})

export function siteOrigin(request: Request): string {
  return getEnv().APP_ORIGIN ?? new URL(request.url).origin
}

/** Refuses a mutation whose Origin (or Referer) is not this site, with 403. */
export function assertSameOrigin(request: Request): void {
  const ok = isSameOrigin(siteOrigin(request), request.headers.get('Origin'), request.headers.get('Referer'))
  if (!ok) forbidden(messages.otherSite)
}

/** Lantern's forms, files aside, are a few kilobytes; a megabyte leaves room and bounds what one request can make the server hold. */
export const FORM_LIMIT = 1024 * 1024

/**
 * A request's body, read while it streams in and given up at `maxBytes`:
 * null when it is larger (said by Content-Length, or found as it arrives),
 * so no oversized body is ever held whole. What is not read is discarded by
 * the server once the answer is sent.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (Number(request.headers.get('Content-Length') ?? 0) > maxBytes) return null
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) return null
      chunks.push(value)
    }
  } finally {
    reader.releaseLock()
  }
  const body = new Uint8Array(new ArrayBuffer(size))
  let at = 0
  for (const c of chunks) {
    body.set(c, at)
    at += c.byteLength
  }
  return body
}

/** Same-origin check, then the body as a form, or null when it is over `maxBytes`. */
export async function readLimitedForm(request: Request, maxBytes: number): Promise<FormData | null> {
  assertSameOrigin(request)
  // Lantern's forms are sent as web forms; anything else (JSON, plain text, no body type) is refused with what to do.
  const type = request.headers.get('Content-Type') ?? ''
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(type)) {
    failWith(415, messages.notAForm)
  }
  let body: Uint8Array<ArrayBuffer> | null
  try {
    body = await readBody(request, maxBytes)
  } catch {
    badRequest(messages.cutShort)
  }
  if (body === null) return null
  try {
    return await new Response(body, { headers: { 'Content-Type': type } }).formData()
  } catch {
    badRequest(messages.malformed)
  }
}

/**
 * The one way actions read a form body: the origin check comes first, so no
 * action can forget it (eslint forbids calling request.formData() in routes);
 * a form over FORM_LIMIT is refused with 413 before it is read whole.
 */
export async function readForm(request: Request): Promise<FormData> {
  const form = await readLimitedForm(request, FORM_LIMIT)
  if (form === null) failWith(413, { message: messages.tooLarge, values: { megabytes: Math.round(FORM_LIMIT / 1024 / 1024) } })
  return form
}
