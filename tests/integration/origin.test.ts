import { describe, expect, it } from 'vitest'
import { db } from '../../app/shared/db.server'
import { createInvite } from '../../app/features/organisations/invites.server'
import { getSession } from '../../app/features/accounts/session.server'
import { createPerson, createUser, loginAs, PASSWORD } from '../factories'
import { FOREIGN, get, invoke, post, SITE } from './helpers'

type RouteModule = { action?: Parameters<typeof invoke>[0] }
const routes = import.meta.glob<RouteModule>('../../app/routes/*.{ts,tsx}', { eager: true })
const withActions = Object.entries(routes).filter(([, m]) => typeof m.action === 'function')


/** Every row of every table, so "nothing changed" means exactly that. */
function snapshot(): string {
  const tables = db.$client
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name")
    .pluck()
    .all() as string[]
  return JSON.stringify(tables.map((t) => [t, db.$client.prepare(`select * from "${t}"`).all()]))
}

// Plausible, valid bodies, so that only the origin can be the reason for a refusal.
const BODIES = (email: string): Record<string, Record<string, string>> => ({
  login: { email, password: PASSWORD },
  signup: { name: 'X', email: 'x@x.example', password: 'long enough pass', organisationName: 'XY', organisationType: 'ngo', country: 'UA' },
  account: { currentPassword: PASSWORD, newPassword: 'another long pass', confirmPassword: 'another long pass' },
  members: { intent: 'create-invite', role: 'member' },
  edit: { name: 'Renamed', type: 'ngo', country: 'UA' },
  'admin._index': { intent: 'approve', organisationId: '1' },
  'admin.users': { membershipId: '1', role: 'donor' },
  join: { name: 'Y', email: 'y@y.example', password: 'long enough pass' },
})
const bodyFor = (file: string, email: string) =>
  Object.entries(BODIES(email)).find(([key]) => file.includes(key))?.[1] ?? { intent: 'anything' }

describe('every action refuses a cross-site POST with 403 and changes nothing', () => {
  it('finds the actions to check', () => {
    expect(withActions.map(([f]) => f.replace('../../app/routes/', ''))).toEqual(
      expect.arrayContaining(['login.tsx', 'signup.tsx', 'logout.tsx', 'account.tsx', 'join.$token.tsx', 'admin._index.tsx']),
    )
  })

  for (const [file, module] of withActions) {
    const name = file.replace('../../app/routes/', '')
    it(name, async () => {
      const { organisation, user: orgAdmin } = await createPerson('org_admin')
      const SAFE_PASSAGE = organisation.id
      const { token } = await createInvite((await getSession(get('/', await loginAs(orgAdmin))))!.actor, SAFE_PASSAGE, 'member')
      const params = { organisationId: String(SAFE_PASSAGE), token, '*': 'anything', campaignId: '1', objectiveId: '1', indicatorId: '1', questionId: '1', responseId: '1', waveId: '1' }
      const path = `/${name.replace(/\.tsx?$/, '').replace('$organisationId', String(SAFE_PASSAGE)).replace('$token', token).replace(/\./g, '/')}`
      // An admin of both kinds, so that permission is never what refuses the request.
      const cookie = await loginAs(name.startsWith('admin') ? await createUser({ platformAdmin: true }) : orgAdmin)
      const body = bodyFor(name, orgAdmin.email)

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
