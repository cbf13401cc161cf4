import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, invites, organisations, users } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import * as account from '../../app/routes/account'
import * as audit from '../../app/routes/organisations.$organisationId.audit'
import * as edit from '../../app/routes/organisations.$organisationId.edit'
import * as members from '../../app/routes/organisations.$organisationId.members'
import * as profile from '../../app/routes/organisations.$organisationId._index'
import * as join from '../../app/routes/join.$token'
import { createOrganisation, createPerson, createUser, loginAs, membershipOf, type User } from '../factories'
import { cookieFrom, fieldErrors, get, invoke, post } from './helpers'
import { getSession } from '../../app/features/accounts/index.server'

/** The people these tests need, made afresh for each: two NGOs with their admins (and a member of the first), a coordinator, a donor, a platform admin. */
async function cast() {
  const ngo = createOrganisation()
  const other = createOrganisation({ country: 'MD' })
  return {
    ngo,
    other,
    admin: await createUser({ organisation: ngo, role: 'org_admin' }),
    member: await createUser({ organisation: ngo, role: 'member' }),
    otherAdmin: await createUser({ organisation: other, role: 'org_admin' }),
    coordinator: (await createPerson('coordinator')).user,
    donor: (await createPerson('donor')).user,
    platformAdmin: await createUser({ platformAdmin: true }),
  }
}

/** An invite made through the members page by an org admin; returns the link's token. */
async function inviteToken(admin: string, organisationId: number, role = 'member') {
  const created = await invoke(
    members.action,
    post(`/organisations/${organisationId}/members`, { intent: 'create-invite', role }, { cookie: admin }),
    { organisationId: String(organisationId) },
  )
  return (created.data as { url: string }).url.split('/').pop()!
}

/** A new member of the organisation, through a real invite; returns their session. */
async function newMember(adminUser: User, organisationId: number, email: string, role = 'member') {
  const admin = await loginAs(adminUser)
  const token = await inviteToken(admin, organisationId, role)
  const joined = await invoke(join.action, post(`/join/${token}`, { name: email.split('@')[0]!, email, password: 'a good passphrase' }), { token })
  return { admin, cookie: cookieFrom(joined.headers.get('Set-Cookie')), membership: membershipOf({ email })! }
}

const profileFields = {
  name: 'Safe Passage Ukraine, renamed',
  type: 'ngo',
  country: 'UA',
  contactName: 'Olena Kovalenko',
  contactEmail: 'new-contact@safepassage.example',
  website: 'https://safepassage.example/en',
  timeZone: 'Europe/Kyiv',
}

describe('organisation profile', () => {
  it('an org admin edits the profile, and the audit log records before and after', async () => {
    const { ngo, admin } = await cast()
    const SAFE_PASSAGE = ngo.id
    const before = db.select().from(organisations).where(eq(organisations.id, SAFE_PASSAGE)).get()!
    const cookie = await loginAs(admin)
    const params = { organisationId: String(SAFE_PASSAGE) }
    const result = await invoke(edit.action, post(`/organisations/${SAFE_PASSAGE}/edit`, profileFields, { cookie }), params)
    expect(result.status).toBe(302)
    const row = db.select().from(organisations).where(eq(organisations.id, SAFE_PASSAGE)).get()!
    expect(row.contactEmail).toBe('new-contact@safepassage.example')

    const log = await invoke(audit.loader, get(`/organisations/${SAFE_PASSAGE}/audit`, cookie), params)
    const events = (log.data as { events: { action: string; actorName: string; before: string; after: string }[] }).events
    const update = events.find((e) => e.action === 'organisation.updated')!
    expect(update.actorName).toBe(admin.name)
    expect(JSON.parse(update.before).contactEmail).toBe(before.contactEmail)
    expect(JSON.parse(update.after).contactEmail).toBe('new-contact@safepassage.example')
  })

  it('keeps the time zone the organisation works in: its days, deadlines and past dates are counted there', async () => {
    const { ngo, admin } = await cast()
    const cookie = await loginAs(admin)
    const params = { organisationId: String(ngo.id) }
    const form = await invoke(edit.loader, get(`/organisations/${ngo.id}/edit`, cookie), params)
    // The country's own zones are offered first (Ukraine's), then UTC and the rest.
    const offered = (form.data as { timeZones: string[] }).timeZones
    expect(offered[0]).toMatch(/^Europe\/(Kyiv|Kiev)$/)
    expect(offered.indexOf('UTC')).toBeLessThan(offered.indexOf('Asia/Tokyo'))
    expect(offered.length).toBeGreaterThan(300)

    const refused = await invoke(edit.action, post(`/organisations/${ngo.id}/edit`, { ...profileFields, timeZone: 'Mars/Olympus_Mons' }, { cookie }), params)
    expect(fieldErrors(refused)).toEqual({ timeZone: ['Choose a time zone from the list, like Asia/Kathmandu'] })

    expect((await invoke(edit.action, post(`/organisations/${ngo.id}/edit`, { ...profileFields, timeZone: 'Asia/Kathmandu' }, { cookie }), params)).status).toBe(302)
    expect(db.select().from(organisations).where(eq(organisations.id, ngo.id)).get()!.timeZone).toBe('Asia/Kathmandu')
    // The next request's session carries it, for "today" everywhere the organisation's campaigns are read.
    const session = await getSession(get('/', cookie))
    expect(session?.user.organisation?.timeZone).toBe('Asia/Kathmandu')
  })

  it('shows field errors for a malformed profile and changes nothing', async () => {
    const { ngo, admin } = await cast()
    const SAFE_PASSAGE = ngo.id
    const cookie = await loginAs(admin)
    const before = db.select().from(organisations).where(eq(organisations.id, SAFE_PASSAGE)).get()
    const result = await invoke(
      edit.action,
      post(`/organisations/${SAFE_PASSAGE}/edit`, { ...profileFields, name: '', website: 'ftp://x', contactEmail: 'nope' }, { cookie }),
      { organisationId: String(SAFE_PASSAGE) },
    )
    expect(result.status).toBe(400)
    expect(Object.keys(fieldErrors(result)).sort()).toEqual(['contactEmail', 'name', 'website'])
    expect(db.select().from(organisations).where(eq(organisations.id, SAFE_PASSAGE)).get()).toEqual(before)
  })

  it('takes a registered IATI identifier only with a prefix IATI approves, and says why not at the field', async () => {
    const { ngo, admin } = await cast()
    const cookie = await loginAs(admin)
    const params = { organisationId: String(ngo.id) }
    const send = (iatiIdentifier: string) => invoke(edit.action, post(`/organisations/${ngo.id}/edit`, { ...profileFields, iatiIdentifier }, { cookie }), params)
    const unknown = await send('ZZ-NOPE-123')
    expect(unknown.status).toBe(400)
    expect(fieldErrors(unknown)).toEqual({ iatiIdentifier: ['ZZ-NOPE is not a registration agency IATI approves. Find your organisation’s identifier on org-id.guide.'] })
    expect(fieldErrors(await send('GB CHC 1234567'))).toMatchObject({ iatiIdentifier: [expect.stringMatching(/^Enter the identifier as org-id.guide gives it/)] })
    expect(db.select().from(organisations).where(eq(organisations.id, ngo.id)).get()!.iatiIdentifier).toBeNull()
    expect((await send('ua-edr-12345678')).status).toBe(302)
    expect(db.select().from(organisations).where(eq(organisations.id, ngo.id)).get()!.iatiIdentifier).toBe('UA-EDR-12345678')
  })

  it('a member of one organisation cannot change another organisation’s profile', async () => {
    const { other, admin } = await cast()
    const CASA = other.id
    const cookie = await loginAs(admin) // admin of the first NGO, not of the other
    const before = db.select().from(organisations).where(eq(organisations.id, CASA)).get()
    const page = await invoke(edit.loader, get(`/organisations/${CASA}/edit`, cookie), { organisationId: String(CASA) })
    expect(page.status).toBe(403)
    const write = await invoke(
      edit.action,
      post(`/organisations/${CASA}/edit`, { ...profileFields, name: 'Hijacked' }, { cookie }),
      { organisationId: String(CASA) },
    )
    expect(write.status).toBe(403)
    expect(db.select().from(organisations).where(eq(organisations.id, CASA)).get()).toEqual(before)
  })

  it('donors, coordinators and plain members cannot reach the edit page, even of their own organisation', async () => {
    const { donor, coordinator, member } = await cast()
    for (const user of [donor, coordinator, member]) {
      const cookie = await loginAs(user)
      const own = user.organisationId!
      const page = await invoke(edit.loader, get(`/organisations/${own}/edit`, cookie), { organisationId: String(own) })
      expect(page.status, user.role!).toBe(403)
    }
  })

  it('anyone logged in can read any organisation’s profile; anonymous visitors are sent to log in', async () => {
    const { donor, other } = await cast()
    const CASA = other.id
    const cookie = await loginAs(donor)
    const page = await invoke(profile.loader, get(`/organisations/${CASA}`, cookie), { organisationId: String(CASA) })
    expect(page.data).toMatchObject({ organisation: { name: other.name, country: 'MD' } })
    const anon = await invoke(profile.loader, get(`/organisations/${CASA}`), { organisationId: String(CASA) })
    expect(anon.status).toBe(302)
  })

  it('an organisation awaiting approval is seen only by its members and platform admins', async () => {
    const { coordinator, platformAdmin } = await cast()
    const pending = createOrganisation({ country: 'NP', approved: false })
    const youth = pending.id
    const founder = await createUser({ organisation: pending, role: 'org_admin' })
    const params = { organisationId: String(youth) }
    const outsider = await invoke(profile.loader, get(`/organisations/${youth}`, await loginAs(coordinator)), params)
    expect(outsider.status).toBe(404)
    const own = await invoke(profile.loader, get(`/organisations/${youth}`, await loginAs(founder)), params)
    expect(own.status).toBe(200)
    const admin = await invoke(profile.loader, get(`/organisations/${youth}`, await loginAs(platformAdmin)), params)
    expect(admin.status).toBe(200)
  })

  it('a malformed or unknown organisation id is a 404, not a 500', async () => {
    const cookie = await loginAs((await cast()).donor)
    for (const id of ['abc', '-1', '1e99', '99999']) {
      const page = await invoke(profile.loader, get(`/organisations/${id}`, cookie), { organisationId: id })
      expect(page.status, id).toBe(404)
    }
  })
})

describe('members and invites', () => {
  it('an org admin creates an invite link that lets a new user join with that role, once', async () => {
    const { ngo, admin: ngoAdmin } = await cast()
    const SAFE_PASSAGE = ngo.id
    const admin = await loginAs(ngoAdmin)
    const params = { organisationId: String(SAFE_PASSAGE) }
    const created = await invoke(
      members.action,
      post(`/organisations/${SAFE_PASSAGE}/members`, { intent: 'create-invite', role: 'org_admin' }, { cookie: admin }),
      params,
    )
    const url = (created.data as { url: string }).url
    expect(url).toMatch(/^http:\/\/localhost:3000\/join\/[A-Za-z0-9_-]{32}$/)
    const token = url.split('/').pop()!
    // Only a hash of the token is stored.
    expect(db.select().from(invites).all().some((i) => i.tokenHash === token)).toBe(false)

    const page = await invoke(join.loader, get(`/join/${token}`), { token })
    expect(page.data).toMatchObject({ organisationName: ngo.name, role: 'org_admin' })

    const joined = await invoke(
      join.action,
      post(`/join/${token}`, { name: 'Iryna Shevchenko', email: 'iryna@safepassage.example', password: 'joining with a good pass' }),
      { token },
    )
    expect(joined.status).toBe(302)
    expect(membershipOf({ email: 'iryna@safepassage.example' })).toMatchObject({ role: 'org_admin', organisationId: SAFE_PASSAGE })
    const me = await invoke(account.loader, get('/account', cookieFrom(joined.headers.get('Set-Cookie'))))
    expect(me.data).toMatchObject({ user: { organisation: { name: ngo.name }, role: 'org_admin' } })

    // Reused: the page says so with 410, and the action creates nobody.
    const reused = await invoke(join.loader, get(`/join/${token}`), { token })
    expect(reused.status).toBe(410)
    expect(reused.data).toMatch(/already been used/)
    const again = await invoke(
      join.action,
      post(`/join/${token}`, { name: 'Second', email: 'second@safepassage.example', password: 'another good passphrase' }),
      { token },
    )
    expect(again.status).toBe(400)
    expect(fieldErrors(again)['']?.[0]).toMatch(/expired or has already been used/)
    expect(db.select().from(users).where(eq(users.email, 'second@safepassage.example')).get()).toBeUndefined()
  })

  it('an expired or unknown invite link gets a clear 410 page', async () => {
    const { other, otherAdmin } = await cast()
    const CASA = other.id
    const token = await inviteToken(await loginAs(otherAdmin), CASA)
    db.update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invites.organisationId, CASA)).run()
    const expired = await invoke(join.loader, get(`/join/${token}`), { token })
    expect(expired.status).toBe(410)
    expect(expired.data).toMatch(/expired/)
    const unknown = await invoke(join.loader, get('/join/made-up-token'), { token: 'made-up-token' })
    expect(unknown.status).toBe(410)
    expect(unknown.data).toMatch(/not valid/)
  })

  it('an invite to an email that already has an account is refused at the field, and the invite stays usable', async () => {
    const { other, otherAdmin, member } = await cast()
    const token = await inviteToken(await loginAs(otherAdmin), other.id)
    const taken = await invoke(
      join.action,
      post(`/join/${token}`, { name: 'Dup', email: member.email, password: 'a good passphrase' }),
      { token },
    )
    expect(taken.status).toBe(400)
    expect(fieldErrors(taken).email?.[0]).toMatch(/already exists/)
    expect((await invoke(join.loader, get(`/join/${token}`), { token })).status).toBe(200)
  })

  it('changing a member’s role ends their session at once and is audited', async () => {
    const { ngo, admin: ngoAdmin } = await cast()
    const SAFE_PASSAGE = ngo.id
    const { admin, cookie: memberCookie, membership: target } = await newMember(ngoAdmin, SAFE_PASSAGE, 'promoted@safepassage.example')
    const result = await invoke(
      members.action,
      post(`/organisations/${SAFE_PASSAGE}/members`, { intent: 'change-role', membershipId: String(target.id), role: 'org_admin' }, { cookie: admin }),
      { organisationId: String(SAFE_PASSAGE) },
    )
    expect(result.status).toBe(200)
    expect(membershipOf({ email: 'promoted@safepassage.example' })!.role).toBe('org_admin')
    expect((await invoke(account.loader, get('/account', memberCookie))).status).toBe(302)
    const event = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'member.role-changed'), eq(auditEvents.entityId, String(target.id))))
      .get()!
    expect(event.before).toMatchObject({ role: 'member' })
    expect(event.after).toMatchObject({ role: 'org_admin' })
  })

  it('an org admin cannot hand out coordinator or donor, nor touch another organisation’s members', async () => {
    const { ngo, other, admin: ngoAdmin, member, otherAdmin } = await cast()
    const [SAFE_PASSAGE, CASA] = [ngo.id, other.id]
    const admin = await loginAs(ngoAdmin)
    const target = membershipOf(member)!
    const grant = await invoke(
      members.action,
      post(`/organisations/${SAFE_PASSAGE}/members`, { intent: 'change-role', membershipId: String(target.id), role: 'coordinator' }, { cookie: admin }),
      { organisationId: String(SAFE_PASSAGE) },
    )
    expect(grant.status).toBe(400)
    expect(membershipOf(member)!.role).not.toBe('coordinator')

    const casaAdmin = membershipOf(otherAdmin)!
    for (const path of [SAFE_PASSAGE, CASA]) {
      const remove = await invoke(
        members.action,
        post(`/organisations/${path}/members`, { intent: 'remove-member', membershipId: String(casaAdmin.id) }, { cookie: admin }),
        { organisationId: String(path) },
      )
      // Through its own organisation's URL the membership is not found; through the other's, refused.
      expect(remove.status).toBe(path === CASA ? 403 : 404)
    }
    expect(membershipOf(otherAdmin)).toBeDefined()
  })

  it('keeps at least one org admin', async () => {
    const { user: soleAdmin } = await createPerson('org_admin')
    const admin = await loginAs(soleAdmin)
    const self = membershipOf(soleAdmin)!
    const himal = self.organisationId
    for (const fields of [
      { intent: 'change-role', membershipId: String(self.id), role: 'member' } as Record<string, string>,
      { intent: 'remove-member', membershipId: String(self.id) },
    ]) {
      const result = await invoke(members.action, post(`/organisations/${himal}/members`, fields, { cookie: admin }), {
        organisationId: String(himal),
      })
      expect(result.status).toBe(400)
      expect((result.data as { message: string }).message).toMatch(/at least one organisation admin/)
    }
    expect(membershipOf(soleAdmin)!.role).toBe('org_admin')
  })

  it('an org admin removes a member, whose session ends', async () => {
    const { ngo, admin: ngoAdmin } = await cast()
    const bayanihan = ngo.id
    const { admin, cookie: tempCookie, membership: temp } = await newMember(ngoAdmin, bayanihan, 'temp@bayanihan.example')
    const removed = await invoke(
      members.action,
      post(`/organisations/${bayanihan}/members`, { intent: 'remove-member', membershipId: String(temp.id) }, { cookie: admin }),
      { organisationId: String(bayanihan) },
    )
    expect(removed.status).toBe(200)
    expect(membershipOf({ email: 'temp@bayanihan.example' })).toBeUndefined()
    expect((await invoke(account.loader, get('/account', tempCookie))).status).toBe(302)
  })

  it('members, donors and coordinators get 403 on the members page', async () => {
    const { member, donor, coordinator } = await cast()
    for (const user of [member, donor, coordinator]) {
      const cookie = await loginAs(user)
      const own = user.organisationId!
      const page = await invoke(members.loader, get(`/organisations/${own}/members`, cookie), { organisationId: String(own) })
      expect(page.status, user.role!).toBe(403)
    }
  })
})
