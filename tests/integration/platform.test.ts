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
import { get, invoke, post, sessionFor, membershipOf } from './helpers'

const pending = () => db.select().from(organisations).where(eq(organisations.name, 'Kathmandu Youth Voices')).get()!

describe('platform administration', () => {
  it('only a platform admin reaches the admin pages', async () => {
    for (const email of ['orgadmin@lantern.example', 'coordinator@lantern.example', 'donor@lantern.example']) {
      expect((await invoke(admin.loader, get('/admin', await sessionFor(email)))).status, email).toBe(403)
    }
    const ok = await invoke(adminOrganisations.loader, get('/admin', await sessionFor('admin@lantern.example')))
    const names = (ok.data as { organisations: { name: string; approvedAt: string | null }[] }).organisations
    expect(names.find((o) => o.name === 'Kathmandu Youth Voices')?.approvedAt).toBeNull()
  })

  it('a platform admin approves an organisation; the approval is audited for that organisation', async () => {
    const organisationId = pending().id
    const orgAdmin = await sessionFor('orgadmin@lantern.example')
    const refused = await invoke(adminOrganisations.action, post('/admin', { intent: 'approve', organisationId: String(organisationId) }, { cookie: orgAdmin }))
    expect(refused.status).toBe(403)
    expect(pending().approvedAt).toBeNull()

    const cookie = await sessionFor('admin@lantern.example')
    const result = await invoke(adminOrganisations.action, post('/admin', { intent: 'approve', organisationId: String(organisationId) }, { cookie }))
    expect(result.status).toBe(200)
    expect(pending().approvedAt).toBeInstanceOf(Date)
    const event = db.select().from(auditEvents).where(eq(auditEvents.action, 'organisation.approved')).get()!
    expect(event.organisationId).toBe(organisationId)

    // The organisation's own admin now sees it approved.
    const youth = await invoke(account.loader, get('/account', await sessionFor('youth@lantern.example')))
    expect(youth.data).toMatchObject({ user: { organisation: { approved: true } } })
  })

  it('approving an organisation that does not exist is a 404; a malformed id is a 400', async () => {
    const cookie = await sessionFor('admin@lantern.example')
    expect((await invoke(adminOrganisations.action, post('/admin', { intent: 'approve', organisationId: '9999' }, { cookie }))).status).toBe(404)
    expect((await invoke(adminOrganisations.action, post('/admin', { intent: 'approve', organisationId: 'x' }, { cookie }))).status).toBe(400)
  })

  it('a platform admin grants the coordinator role; it takes effect at the next log-in and opens the workspace', async () => {
    const before = await sessionFor('casa@lantern.example')
    expect((await invoke(coordination.loader, get('/coordination', before))).status).toBe(403)

    const cookie = await sessionFor('admin@lantern.example')
    const target = membershipOf('casa@lantern.example')!
    const result = await invoke(adminUsers.action, post('/admin/users', { membershipId: String(target.id), role: 'coordinator' }, { cookie }))
    expect(result.status).toBe(200)
    expect(membershipOf('casa@lantern.example')!.role).toBe('coordinator')
    // The old session ended with the role change.
    expect((await invoke(coordination.loader, get('/coordination', before))).status).toBe(302)
    const after = await sessionFor('casa@lantern.example')
    expect((await invoke(coordination.loader, get('/coordination', after))).status).toBe(200)
  })

  it('an unknown role is refused with 400 and changes nothing', async () => {
    const cookie = await sessionFor('admin@lantern.example')
    const target = membershipOf('himal@lantern.example')!
    const result = await invoke(adminUsers.action, post('/admin/users', { membershipId: String(target.id), role: 'overlord' }, { cookie }))
    expect(result.status).toBe(400)
    expect(membershipOf('himal@lantern.example')!.role).toBe('org_admin')
  })
})

describe('role-gated pages of the shell', () => {
  it('coordination is for coordinators and platform admins; dashboards for organisation roles', async () => {
    const expectations: [string, number, number][] = [
      ['coordinator@lantern.example', 200, 200],
      ['admin@lantern.example', 200, 403],
      ['member@lantern.example', 403, 200],
      ['donor@lantern.example', 403, 200],
    ]
    for (const [email, coord, dash] of expectations) {
      const cookie = await sessionFor(email)
      expect((await invoke(coordination.loader, get('/coordination', cookie))).status, `${email} coordination`).toBe(coord)
      expect((await invoke(dashboards.loader, get('/dashboards', cookie))).status, `${email} dashboards`).toBe(dash)
    }
  })
})
