import { createHash } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditEvents, loginAttempts, memberships, organisations, sessions, users } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import * as account from '../../app/routes/account'
import * as login from '../../app/routes/login'
import * as logout from '../../app/routes/logout'
import * as signup from '../../app/routes/signup'
import * as root from '../../app/root'
import { createPerson, loginAs, PASSWORD } from '../factories'
import { cookieFrom, fieldErrors, get, invoke, post } from './helpers'

const rows = (table: typeof users | typeof organisations) => db.select({ n: count() }).from(table).get()!.n

const signUpFields = {
  name: 'Lina Popescu',
  email: 'lina@new-ngo.example',
  password: 'a sentence that is long',
  organisationName: 'New Horizons Moldova',
  organisationType: 'ngo',
  country: 'MD',
}

describe('sign up', () => {
  it('creates a user who is admin of a new organisation awaiting approval, logs them in and audits it', async () => {
    const result = await invoke(signup.action, post('/signup', signUpFields))
    expect(result.status).toBe(302)
    expect(result.location).toBe('/?welcome=1')

    const user = db.select().from(users).where(eq(users.email, 'lina@new-ngo.example')).get()!
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    const membership = db.select().from(memberships).where(eq(memberships.userId, user.id)).get()!
    expect(membership.role).toBe('org_admin')
    const organisation = db.select().from(organisations).where(eq(organisations.id, membership.organisationId)).get()!
    expect(organisation).toMatchObject({ name: 'New Horizons Moldova', country: 'MD', approvedAt: null })
    const events = db.select().from(auditEvents).where(eq(auditEvents.organisationId, organisation.id)).all()
    expect(events.map((e) => e.action).sort()).toEqual(['member.joined', 'organisation.created'])

    // The cookie it set is a working session.
    const cookie = cookieFrom(result.headers.get('Set-Cookie'))
    const page = await invoke(account.loader, get('/account', cookie))
    expect(page.status).toBe(200)
    expect(page.data).toMatchObject({ user: { email: 'lina@new-ngo.example', organisation: { approved: false } } })
  })

  it('refuses a duplicate email (in any letter case) and writes nothing', async () => {
    await createPerson('member')
    const taken = db.select().from(users).all()[0]!.email
    const before = [rows(users), rows(organisations)]
    const result = await invoke(signup.action, post('/signup', { ...signUpFields, email: taken.toUpperCase() }))
    expect(result.status).toBe(400)
    expect(fieldErrors(result).email?.[0]).toMatch(/already exists/)
    expect([rows(users), rows(organisations)]).toEqual(before)
  })

  it('rations tries at making accounts per address, so a script cannot learn which emails have accounts; other addresses and log-ins go on', async () => {
    const { user } = await createPerson('member')
    const prober = { clientIp: '198.51.100.20' }
    const probe = (email: string, context = prober) => invoke(signup.action, post('/signup', { ...signUpFields, email }), {}, context)
    // Five tries from one address — taken emails or new ones, the answer says which — then no more answers at all.
    for (let i = 0; i < 4; i++) expect(fieldErrors(await probe(user.email)).email?.[0]).toMatch(/already exists/)
    expect((await probe('fifth@new-ngo.example')).status).toBe(302)
    const refused = await probe(user.email)
    expect(refused.status).toBe(400)
    expect(fieldErrors(refused).email).toBeUndefined()
    expect(fieldErrors(refused)['']?.[0]).toMatch(/Too many accounts have been tried from your network\. Wait 15 minutes/)
    expect(fieldErrors(await probe('unknown@new-ngo.example'))['']?.[0]).toMatch(/Too many accounts/)
    expect(db.select().from(users).where(eq(users.email, 'unknown@new-ngo.example')).get()).toBeUndefined()
    // Someone else signs up as usual, and the prober's address can still log in.
    expect((await probe('other@new-ngo.example', { clientIp: '198.51.100.99' })).status).toBe(302)
    expect((await invoke(login.action, post('/login', { email: user.email, password: PASSWORD }), {}, prober)).status).toBe(302)
  })

  it('refuses a weak password and malformed fields with a message per field, and never echoes the password', async () => {
    const before = [rows(users), rows(organisations)]
    const result = await invoke(
      signup.action,
      post('/signup', { ...signUpFields, email: 'x@y.example', password: 'short', country: 'ZZ', organisationType: 'pirate' }),
    )
    expect(result.status).toBe(400)
    const errors = fieldErrors(result)
    expect(errors.password).toEqual(['Password must be at least 10 characters'])
    expect(errors.country).toEqual(['Choose a country from the list'])
    expect(errors.organisationType).toEqual(['Choose the type of organisation'])
    expect(JSON.stringify(result.data)).not.toContain('short')
    expect([rows(users), rows(organisations)]).toEqual(before)
  })

  it('answers an empty form with 400 and messages, not a 500', async () => {
    const result = await invoke(signup.action, post('/signup', {}))
    expect(result.status).toBe(400)
    expect(Object.keys(fieldErrors(result)).sort()).toEqual(
      ['country', 'email', 'name', 'organisationName', 'organisationType', 'password'].sort(),
    )
  })
})

describe('log in and log out', () => {
  it('logs a user in (the email in any letter case) and sends them where they were going, on this site only', async () => {
    const { user } = await createPerson('coordinator')
    const ok = await invoke(
      login.action,
      post('/login', { email: user.email.toUpperCase(), password: PASSWORD, redirectTo: '/coordination' }),
    )
    expect(ok.status).toBe(302)
    expect(ok.location).toBe('/coordination')
    const setCookie = ok.headers.get('Set-Cookie')!
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(setCookie).toMatch(/Max-Age=2592000/)

    const offsite = await invoke(
      login.action,
      post('/login', { email: user.email, password: PASSWORD, redirectTo: '//evil.example' }),
    )
    expect(offsite.location).toBe('/')
    // Disguised hosts and characters a header cannot carry: the home page, never a 500.
    for (const redirectTo of ['/\t/evil.example', '/\\evil.example', '/\n/evil.example', '/\r\n/evil.example', '/x\u0000', '/a\u3002b']) {
      const r = await invoke(login.action, post('/login', { email: user.email, password: PASSWORD, redirectTo }))
      expect(r.status, JSON.stringify(redirectTo)).toBe(302)
      expect(new URL(r.location!, 'http://localhost:3000').origin, JSON.stringify(redirectTo)).toBe('http://localhost:3000')
    }
  })

  it('gives the same message for a wrong password and an unknown email', async () => {
    const { user } = await createPerson('member')
    const wrong = await invoke(login.action, post('/login', { email: user.email, password: 'not-the-password' }))
    const unknown = await invoke(login.action, post('/login', { email: 'nobody@people.example', password: 'whatever-long' }))
    expect(wrong.status).toBe(400)
    expect(unknown.status).toBe(400)
    expect(fieldErrors(wrong)['']).toEqual(fieldErrors(unknown)[''])
    expect(fieldErrors(wrong)['']?.[0]).toMatch(/email address or password is not right/)
  })

  it('logging out ends the session in the database, so the old cookie no longer works', async () => {
    const cookie = await loginAs((await createPerson('member')).user)
    expect((await invoke(account.loader, get('/account', cookie))).status).toBe(200)
    const out = await invoke(logout.action, post('/logout', {}, { cookie }))
    expect(out.status).toBe(302)
    expect(out.headers.get('Set-Cookie')).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/)
    const after = await invoke(account.loader, get('/account', cookie))
    expect(after.status).toBe(302)
    expect(after.location).toBe('/login?redirectTo=%2Faccount')
  })

  it('treats a tampered cookie as logged out, not as an error', async () => {
    const cookie = await loginAs((await createPerson('member')).user)
    const [name, value] = cookie.split('=') as [string, string]
    const forged = `${name}=${value.slice(0, -3)}abc`
    const page = await invoke(account.loader, get('/account', forged))
    expect(page.status).toBe(302)
    expect(page.location).toMatch(/^\/login/)
    const shell = await invoke(root.loader, get('/', 'lantern_session=garbage'))
    expect(shell.data).toMatchObject({ user: null })
  })

  it('slides the expiry forward when a day has passed, and says so with a fresh cookie', async () => {
    const cookie = await loginAs((await createPerson('member')).user)
    const [session] = db.select().from(sessions).orderBy(sessions.createdAt).all().slice(-1)
    const aged = new Date(Date.now() + 10 * 86_400_000)
    db.update(sessions).set({ expiresAt: aged }).where(eq(sessions.id, session!.id)).run()
    const shell = await invoke(root.loader, get('/', cookie))
    expect(shell.headers.get('Set-Cookie')).toMatch(/^lantern_session=/)
    const slid = db.select().from(sessions).where(eq(sessions.id, session!.id)).get()!
    expect(slid.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000)
  })

  it('stores only a hash of the session id, so a copy of the database opens no session', async () => {
    const cookie = await loginAs((await createPerson('member')).user)
    const [session] = db.select().from(sessions).orderBy(sessions.createdAt).all().slice(-1)
    const { createCookie } = await import('@remix-run/node')
    const signed = createCookie('lantern_session', { secrets: [process.env.SESSION_SECRET!] })
    const cookieId = (await signed.parse(cookie)) as string
    expect(session!.id).not.toBe(cookieId)
    expect(session!.id).toBe(createHash('sha256').update(cookieId).digest('base64url'))
    // A cookie made from the stored value, even correctly signed, is no session.
    const forged = (await signed.serialize(session!.id)).split(';')[0]!
    expect((await invoke(account.loader, get('/account', forged))).status).toBe(302)
    expect((await invoke(account.loader, get('/account', cookie))).status).toBe(200)
  })

  it('does not accept an expired session', async () => {
    const cookie = await loginAs((await createPerson('member')).user)
    db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).run()
    expect((await invoke(account.loader, get('/account', cookie))).status).toBe(302)
  })
})

describe('log-in rate limit', () => {
  it('blocks an address after 5 failures for one account in 15 minutes, even with the right password, but never the owner elsewhere', async () => {
    const { email } = (await createPerson('org_admin')).user
    const attacker = '198.51.100.7'
    for (let i = 0; i < 5; i++) {
      const r = await invoke(login.action, post('/login', { email, password: `wrong-guess-${i}` }), {}, { clientIp: attacker })
      expect(fieldErrors(r)['']?.[0]).toMatch(/not right/)
    }
    const blocked = await invoke(login.action, post('/login', { email, password: PASSWORD }), {}, { clientIp: attacker })
    expect(blocked.status).toBe(400)
    expect(fieldErrors(blocked)['']?.[0]).toBe('Too many failed log-in attempts for this account from your network. Wait 15 minutes, then try again.')
    expect(blocked.headers.get('Set-Cookie')).toBeNull()
    // The owner, from their own network, logs in all the same.
    expect((await invoke(login.action, post('/login', { email, password: PASSWORD }), {}, { clientIp: '198.51.100.99' })).status).toBe(302)

    // Failures older than the window no longer count, and are forgotten.
    db.update(loginAttempts)
      .set({ createdAt: new Date(Date.now() - 16 * 60_000) })
      .where(eq(loginAttempts.email, email))
      .run()
    const later = await invoke(login.action, post('/login', { email, password: PASSWORD }), {}, { clientIp: attacker })
    expect(later.status).toBe(302)
    expect(db.select().from(loginAttempts).where(eq(loginAttempts.email, email)).all()).toHaveLength(1)
  })

  it('blocks an IP address after 20 failures across accounts', async () => {
    const ip = '192.0.2.50'
    const { email } = (await createPerson('org_admin')).user
    for (let i = 0; i < 20; i++) {
      await invoke(login.action, post('/login', { email: `guess${i}@example.org`, password: 'wrong-password' }), {}, { clientIp: ip })
    }
    const blocked = await invoke(
      login.action,
      post('/login', { email, password: PASSWORD }),
      {},
      { clientIp: ip },
    )
    expect(fieldErrors(blocked)['']?.[0]).toMatch(/for your network/)
    const elsewhere = await invoke(login.action, post('/login', { email, password: PASSWORD }), {}, { clientIp: '192.0.2.51' })
    expect(elsewhere.status).toBe(302)
  })
})

describe('change password', () => {
  it('checks the current password, ends every other session and keeps this one going', async () => {
    const { user } = await createPerson('org_admin')
    const here = await loginAs(user)
    const elsewhere = await loginAs(user)
    const wrong = await invoke(
      account.action,
      post('/account', { currentPassword: 'not-it-at-all', newPassword: 'brand new passphrase', confirmPassword: 'brand new passphrase' }, { cookie: here }),
    )
    expect(wrong.status).toBe(400)
    expect((wrong.data as { result: { error: Record<string, string[]> } }).result.error.currentPassword).toEqual([
      'Your current password is not right',
    ])

    const ok = await invoke(
      account.action,
      post('/account', { currentPassword: PASSWORD, newPassword: 'brand new passphrase', confirmPassword: 'brand new passphrase' }, { cookie: here }),
    )
    // A redirect carries the fresh session, so the page that follows (with or without JavaScript) is read with it.
    expect([ok.status, ok.location]).toEqual([302, '/account?changed=1'])
    const fresh = cookieFrom(ok.headers.get('Set-Cookie'))
    expect((await invoke(account.loader, get('/account', elsewhere))).status).toBe(302)
    expect((await invoke(account.loader, get('/account', here))).status).toBe(302)
    expect((await invoke(account.loader, get('/account', fresh))).status).toBe(200)

    const relogin = await invoke(login.action, post('/login', { email: user.email, password: 'brand new passphrase' }))
    expect(relogin.status).toBe(302)
  })
})
