import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from '@remix-run/node'
import { isSentence, tr } from '../../app/shared/i18n'
import { inRequestScope } from '../../app/shared/i18n/index.server'

export const SITE = 'http://localhost:3000'
export const FOREIGN = 'https://attacker.example'

type Handler = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown
export type Result = { status: number; headers: Headers; data: unknown; location: string | null }

/** What a loader or action answered, returned or thrown, as the browser would see it. */
export async function invoke(
  handler: Handler | undefined,
  request: Request,
  params: Record<string, string> = {},
  context: Partial<AppLoadContext> = {},
): Promise<Result> {
  if (!handler) throw new Error('route has no such handler')
  const args = { request, params, context: { clientIp: '203.0.113.7', cspNonce: '', ...context } }
  // As server.js does: the request is answered in its language's scope.
  return inRequestScope(request, async () => {
    let value: unknown
    try {
      value = await handler(args)
    } catch (thrown) {
      if (!(thrown instanceof Response) && !isData(thrown)) throw thrown // a real 500
      value = thrown
      // A thrown message reads as the error page words it.
      if (isData(value) && isSentence(value.data)) value = { ...value, data: tr(value.data.message, value.data.values) }
    }
    return resultOf(value)
  })
}

async function resultOf(value: unknown): Promise<Result> {
  if (value instanceof Response) {
    const json = value.headers.get('Content-Type')?.startsWith('application/json')
    return { status: value.status, headers: value.headers, data: json ? await value.json() : null, location: value.headers.get('Location') }
  }
  if (isData(value)) {
    const headers = new Headers(value.init?.headers)
    return { status: value.init?.status ?? 200, headers, data: value.data, location: headers.get('Location') }
  }
  return { status: 200, headers: new Headers(), data: value, location: null }
}

type DataWithInit = { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null }
function isData(value: unknown): value is DataWithInit {
  return typeof value === 'object' && value !== null && (value as DataWithInit).type === 'DataWithResponseInit'
}

export function get(path: string, cookie?: string): Request {
  return new Request(SITE + path, { headers: cookie ? { Cookie: cookie } : {} })
}

export function post(
  path: string,
  fields: Record<string, string>,
  { cookie, origin = SITE, referer }: { cookie?: string; origin?: string | null; referer?: string } = {},
): Request {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }
  if (origin) headers.Origin = origin
  if (referer) headers.Referer = referer
  if (cookie) headers.Cookie = cookie
  return new Request(SITE + path, { method: 'POST', headers, body: new URLSearchParams(fields) })
}

/** The Cookie request header a browser would send back for a Set-Cookie value. */
export function cookieFrom(setCookie: string | null): string {
  if (!setCookie) throw new Error('no Set-Cookie')
  return setCookie.split(';')[0]!
}

export function fieldErrors(result: Result): Record<string, string[]> {
  return ((result.data as { error?: Record<string, string[]> })?.error ?? {}) as Record<string, string[]>
}
