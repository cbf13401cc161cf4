import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { organisations } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import { createInvite } from '../../app/features/organisations/invites.server'
import { getSession } from '../../app/features/accounts/session.server'
import { FOREIGN, get, invoke, post, sessionFor, SITE } from './helpers'

type RouteModule = { action?: Parameters<typeof invoke>[0] }
const routes = import.meta.glob<RouteModule>('../../app/routes/*.{ts,tsx}', { eager: true })
const withActions = Object.entries(routes).filter(([, m]) => typeof m.action === 'function')

const SAFE_PASSAGE = db.select().from(organisations).where(eq(organisations.name, 'Safe Passage Ukraine')).get()!.id

/** Every row of every table, so "nothing changed" means exactly that. */
function snapshot(): string {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .pluck()
    .all() as string[]
  return JSON.stringify(tables.map((t) => [t, db.$client.prepare(`select * from "${t}"`).all()]))
}

// Plausible, valid bodies, so that only the origin can be the reason for a refusal.
const BODIES: Record<string, Record<string, string>> = {
  login: { email: 'orgadmin@lantern.example', password: 'lantern-demo-2026' },
  signup: { name: 'X', email: 'x@x.example', password: 'long enough pass', organisationName: 'XY', organisationType: 'ngo', country: 'UA' },
  account: { currentPassword: 'lantern-demo-2026', newPassword: 'another long pass', confirmPassword: 'another long pass' },
  members: { intent: 'create-invite', role: 'member' },
  edit: { name: 'Renamed', type: 'ngo', country: 'UA' },
  'admin._index': { intent: 'approve', organisationId: '1' },
  'admin.users': { membershipId: '1', role: 'donor' },
  join: { name: 'Y', email: 'y@y.example', password: 'long enough pass' },
}
const bodyFor = (file: string) =>
  Object.entries(BODIES).find(([key]) => file.includes(key))?.[1] ?? { intent: 'anything' }

describe('every action refuses a cross-site POST with 403 and changes nothing', () => {
  it('finds the actions to check', () => {
    expect(withActions.map(([f]) => f.replace('../../app/routes/', ''))).toEqual(
      expect.arrayContaining(['login.tsx', 'signup.tsx', 'logout.tsx', 'account.tsx', 'join.$token.tsx', 'admin._index.tsx']),
    )
  })

  for (const [file, module] of withActions) {
    const name = file.replace('../../app/routes/', '')
    it(name, async () => {
      const { token } = await createInvite((await getSession(get('/', await sessionFor('orgadmin@lantern.example'))))!.actor, SAFE_PASSAGE, 'member')
      const params = { organisationId: String(SAFE_PASSAGE), token, '*': 'anything', campaignId: '1', objectiveId: '1', indicatorId: '1', questionId: '1', responseId: '1', waveId: '1' }
      const path = `/${name.replace(/\.tsx?$/, '').replace('$organisationId', String(SAFE_PASSAGE)).replace('$token', token).replace(/\./g, '/')}`
      // An admin of both kinds, so that permission is never what refuses the request.
      const cookie = await sessionFor(name.startsWith('admin') ? 'admin@lantern.example' : 'orgadmin@lantern.example')
      const body = bodyFor(name)

      for (const headers of [{ origin: FOREIGN }, { origin: null, referer: `${FOREIGN}/page` }, { origin: null }]) {
        const before = snapshot()
        const result = await invoke(module.action, post(path, body, { cookie, ...headers }), params)
        expect(result.status).toBe(403)
        expect(result.data).toMatch(/sent from another site/)
        expect(snapshot()).toBe(before)
      }

      // The same request from this site is not refused for its origin.
      const control = await invoke(module.action, post(path, body, { cookie, origin: null, referer: `${SITE}${path}` }), params)
      expect(String(control.data ?? '')).not.toMatch(/sent from another site/)
    })
  }
})
