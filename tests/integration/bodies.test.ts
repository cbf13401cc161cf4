import { describe, expect, it } from 'vitest'
import { createPerson, createSurveyedCampaign, createUser, indicatorsOf, loginAs } from '../factories'
import { invoke, SITE } from './helpers'

// Every action, sent what a browser's form never sends — JSON, plain text, no
// body type, a multipart body cut short — or sent with Origin "null": a 4xx
// with a message a person can read, never a 500.

type RouteModule = { action?: Parameters<typeof invoke>[0] }
const routes = import.meta.glob<RouteModule>('../../app/routes/*.{ts,tsx}', { eager: true })
const withActions = Object.entries(routes).filter(([, m]) => typeof m.action === 'function')

// Bodies that are not web forms get 415 from every action that reads a form (log-out reads none; an unknown page is a 404).
const NOT_FORMS: [string, Record<string, string>, BodyInit][] = [
  ['JSON', { 'Content-Type': 'application/json' }, '{"intent":"transition","to":"planned"}'],
  ['plain text', { 'Content-Type': 'text/plain' }, 'intent=transition'],
  ['no body type', {}, 'intent=transition'],
]
// Forms that are empty or broken: a 4xx, or for a form whose fields are all optional, its normal answer; never a 500.
const BROKEN_FORMS: [string, Record<string, string>, BodyInit | null][] = [
  ['an empty body', { 'Content-Type': 'application/x-www-form-urlencoded' }, null],
  ['a multipart body cut short', { 'Content-Type': 'multipart/form-data; boundary=XYZ' }, '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nrespondent'],
]

// The file imports take files up to their own limits (and the form around them); every other form, 1 MB.
const UPLOAD_LIMITS: Record<string, number> = { 'campaigns.import.tsx': 5 * 1024 * 1024, 'campaigns.$campaignId.surveys.import.tsx': 20 * 1024 * 1024 }
const CHUNK = 64 * 1024

/** A streamed body of `a=aaaa…` that goes on for as long as it is read, and how much of it was. */
function endlessBody() {
  let sent = 0
  const chunk = new TextEncoder().encode('a'.repeat(CHUNK))
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      sent += CHUNK
      controller.enqueue(chunk)
    },
  })
  return { stream, sent: () => sent }
}

describe('actions given bodies no form sends', () => {
  it('finds the actions', () => {
    expect(withActions.length).toBeGreaterThan(25)
  })

  for (const [file, module] of withActions) {
    const name = file.replace('../../app/routes/', '')
    it(name, async () => {
      const { organisation, user } = await createPerson('org_admin')
      const campaignId = createSurveyedCampaign(organisation, { status: 'completed' })
      const [indicator] = indicatorsOf(campaignId)
      const cookie = await loginAs(name.startsWith('admin') ? await createUser({ platformAdmin: true }) : user)
      const params = { organisationId: String(organisation.id), token: 'x', '*': 'x', campaignId: String(campaignId), objectiveId: String(indicator!.objectiveId), indicatorId: String(indicator!.id), questionId: '1', responseId: '1', waveId: '1', code: 'x' }
      const path = `/${name.replace(/\.tsx?$/, '').replace(/\$(\w+)/g, (_, p: string) => params[p as keyof typeof params] ?? 'x').replace(/\[\.\]/g, '.').replace(/\./g, '/')}`
      const send = (headers: Record<string, string>, body: BodyInit | null) =>
        invoke(module.action, new Request(SITE + path, { method: 'POST', headers: { Origin: SITE, Cookie: cookie, ...headers }, body, duplex: 'half' } as RequestInit), params)
      for (const [what, headers, body] of NOT_FORMS) {
        const result = await send(headers, body)
        if (name === 'logout.tsx') expect(result.status, `${what} to ${path}`).toBe(302)
        else if (name === '$.tsx') expect(result.status, `${what} to an unknown page`).toBe(404)
        else {
          expect(result.status, `${what} to ${path}`).toBe(415)
          expect(String(result.data)).toMatch(/takes a web form/)
        }
      }
      for (const [what, headers, body] of BROKEN_FORMS) expect((await send(headers, body)).status, `${what} to ${path}`).toBeLessThan(500)
      const nullOrigin = new Request(SITE + path, { method: 'POST', headers: { Origin: 'null', Referer: `${SITE}${path}`, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'intent=x' })
      const refused = await invoke(module.action, nullOrigin, params)
      expect(refused.status, `Origin null to ${path}`).toBe(403)

      // A body that never ends, without a Content-Length: refused with 413 once past the limit, having read little more than it.
      if (name === 'logout.tsx' || name === '$.tsx') return
      const endless = endlessBody()
      const huge = await send({ 'Content-Type': 'application/x-www-form-urlencoded' }, endless.stream)
      const limit = UPLOAD_LIMITS[name] ?? 1024 * 1024
      expect(huge.status, `an endless body to ${path}`).toBe(413)
      expect(JSON.stringify(huge.data ?? ''), `the message for ${path}`).toMatch(/larger than \d+ MB/)
      expect(endless.sent(), `bytes read from an endless body by ${path}`).toBeLessThan(limit + 128 * 1024 + 2 * CHUNK)
    })
  }
})
