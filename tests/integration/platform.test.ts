import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, organisations } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import * as account from '../../app/routes/account'
import * as admin from '../../app/routes/admin'
import * as adminOrganisations from '../../app/routes/admin._index'
import * as adminUsers from '../../app/routes/admin.users'
import * as coordination from '../../app/routes/coordination._index'
import * as dashboards from '../../app/routes/dashboards._index'
import { createOrganisation, createPerson, createUser, loginAs, membershipOf } from '../factories'
import { get, invoke, post } from './helpers'

const platformAdmin = () => createUser({ platformAdmin: true })
/** An organisation awaiting approval, with its founder. */
async function awaiting() {
  const organisation = createOrganisation({ country: 'NP', approved: false })
  return { organisation, founder: await createUser({ organisation, role: 'org_admin' }) }
}
const stored = (id: number) => db.select().from(organisations).where(eq(organisations.id, id)).get()!

describe('platform administration', () => {
  it('only a platform admin reaches the admin pages', async () => {
    for (const role of ['org_admin', 'coordinator', 'donor'] as const) {
      expect((await invoke(admin.loader, get('/admin', await loginAs((await createPerson(role)).user)))).status, role).toBe(403)
    }
    const { organisation } = await awaiting()
    const ok = await invoke(adminOrganisations.loader, get('/admin', await loginAs(await platformAdmin())))
    const names = (ok.data as { organisations: { name: string; approvedAt: string | null }[] }).organisations
    expect(names.find((o) => o.name === organisation.name)?.approvedAt).toBeNull()
  })

  it('a platform admin approves an organisation; the approval is audited for that organisation', async () => {
    const { organisation, founder } = await awaiting()
    const organisationId = organisation.id
    const pending = () => stored(organisationId)
    const orgAdmin = await loginAs((await createPerson('org_admin')).user)
    const refused = await invoke(adminOrganisations.action, post('/admin', { intent: 'approve', organisationId: String(organisationId) }, { cookie: orgAdmin }))
    expect(refused.status).toBe(403)
    expect(pending().approvedAt).toBeNull()

    const cookie = await loginAs(await platformAdmin())
    const result = await invoke(adminOrganisations.action, post('/admin', { intent: 'approve', organisationId: String(organisationId) }, { cookie }))
    expect(result.status).toBe(200)
    expect(pending().approvedAt).toBeInstanceOf(Date)
    const event = db.select().from(auditEvents).where(eq(auditEvents.action, 'organisation.approved')).get()!
    expect(event.organisationId).toBe(organisationId)

    // The organisation's own admin now sees it approved.
    const youth = await invoke(account.loader, get('/account', await loginAs(founder)))
    expect(youth.data).toMatchObject({ user: { organisation: { approved: true } } })
  })

  it('approving an organisation that does not exist is a 404; a malformed id is a 400', async () => {
    const cookie = await loginAs(await platformAdmin())
    expect((await invoke(adminOrganisations.action, post('/admin', { intent: 'approve', organisationId: '9999' }, { cookie }))).status).toBe(404)
    expect((await invoke(adminOrganisations.action, post('/admin', { intent: 'approve', organisationId: 'x' }, { cookie }))).status).toBe(400)
  })

  it('a platform admin grants the coordinator role; it takes effect at the next log-in and opens the workspace', async () => {
    const { user } = await createPerson('org_admin')
    const before = await loginAs(user)
    expect((await invoke(coordination.loader, get('/coordination', before))).status).toBe(403)

    const cookie = await loginAs(await platformAdmin())
    const target = membershipOf(user)!
    const result = await invoke(adminUsers.action, post('/admin/users', { membershipId: String(target.id), role: 'coordinator' }, { cookie }))
    expect(result.status).toBe(200)
    expect(membershipOf(user)!.role).toBe('coordinator')
    // The old session ended with the role change.
    expect((await invoke(coordination.loader, get('/coordination', before))).status).toBe(302)
    const after = await loginAs(user)
    expect((await invoke(coordination.loader, get('/coordination', after))).status).toBe(200)
  })

  it('an unknown role is refused with 400 and changes nothing', async () => {
    const { user } = await createPerson('org_admin')
    const cookie = await loginAs(await platformAdmin())
    const target = membershipOf(user)!
    const result = await invoke(adminUsers.action, post('/admin/users', { membershipId: String(target.id), role: 'overlord' }, { cookie }))
    expect(result.status).toBe(400)
    expect(membershipOf(user)!.role).toBe('org_admin')
  })
})

describe('role-gated pages of the shell', () => {
  it('coordination is for coordinators (platform admins run the platform, they do not coordinate); dashboards for organisation roles', async () => {
    const expectations: [string, () => Promise<{ id: number }>, number, number][] = [
      ['coordinator', async () => (await createPerson('coordinator')).user, 200, 200],
      ['platform admin', platformAdmin, 403, 403],
      ['member', async () => (await createPerson('member')).user, 403, 200],
      ['donor', async () => (await createPerson('donor')).user, 403, 200],
    ]
    for (const [email, make, coord, dash] of expectations) {
      const cookie = await loginAs(await make())
      expect((await invoke(coordination.loader, get('/coordination', cookie))).status, `${email} coordination`).toBe(coord)
      expect((await invoke(dashboards.loader, get('/dashboards', cookie))).status, `${email} dashboards`).toBe(dash)
    }
  })
})
