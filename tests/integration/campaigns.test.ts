import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { campaigns, campaignStatusHistory } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import { loadCampaign } from '../../app/features/campaigns/store.server'
import * as newCampaign from '../../app/routes/campaigns.new'
import * as list from '../../app/routes/campaigns._index'
import * as actuals from '../../app/routes/campaigns.$campaignId.indicators.$indicatorId'
import * as page from '../../app/routes/campaigns.$campaignId._index'
import * as task from '../../app/routes/campaigns.$campaignId.edit._index'
import * as audiences from '../../app/routes/campaigns.$campaignId.edit.audiences'
import * as basics from '../../app/routes/campaigns.$campaignId.edit.basics'
import * as where from '../../app/routes/campaigns.$campaignId.edit.where'
import * as budget from '../../app/routes/campaigns.$campaignId.edit.budget'
import * as objectives from '../../app/routes/campaigns.$campaignId.edit.objectives'
import * as addIndicator from '../../app/routes/campaigns.$campaignId.edit.objectives_.$objectiveId.indicator'
import { createCampaign, createOrganisation, createPerson, createUser, daysFromNow, loginAs, unique, type User } from '../factories'
import { fieldErrors, get, invoke, post } from './helpers'

const member = async () => (await createPerson('member')).user

async function create(user: User, title = 'Safe jobs abroad') {
  const cookie = await loginAs(user)
  const result = await invoke(newCampaign.action, post('/campaigns/new', { title, pillar: 'prevention' }, { cookie }))
  expect(result.status).toBe(302)
  return { cookie, id: Number(result.location!.split('/')[2]) }
}

/** Fills a draft through its section forms until it can be registered. */
async function complete(cookie: string, id: number) {
  const p = { campaignId: String(id) }
  const send = async (module: { action?: unknown }, path: string, fields: Record<string, string> | [string, string][]) => {
    const body = Array.isArray(fields) ? fields : Object.entries(fields)
    const request = new Request(`http://localhost:3000${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost:3000', Cookie: cookie },
      body: new URLSearchParams(body),
    })
    return invoke(module.action as Parameters<typeof invoke>[0], request, p)
  }
  expect((await send(audiences, `/campaigns/${id}/edit/audiences`, [['audiences', 'migrant_workers'], ['audiences', 'youth_students'], ['sizes.migrant_workers', '20000']])).status).toBe(302)
  expect((await send(where, `/campaigns/${id}/edit/where`, [['country', 'UA'], ['subdivisions', 'UA-46'], ['startDate', daysFromNow(30)], ['endDate', daysFromNow(90)]])).status).toBe(302)
  expect((await send(objectives, `/campaigns/${id}/edit/objectives`, { intent: 'add-objective', statement: 'More prospective migrants know the hotline' })).status).toBe(200)
  const objectiveId = loadCampaign(id)!.objectives[0]!.id
  const indicator = await invoke(
    addIndicator.action,
    post(`/campaigns/${id}/edit/objectives/${objectiveId}/indicator`, {
      name: '% who know the hotline number', level: 'outcome', unit: 'percent', direction: 'increase', baselineAtSurvey: 'on', target: '60', meansOfVerification: 'Baseline and endline survey',
    }, { cookie }),
    { campaignId: String(id), objectiveId: String(objectiveId) },
  )
  expect(indicator.status).toBe(302)
}

describe('registering a campaign', () => {
  it('a member creates a draft, fills the sections and registers it as planned; each step is recorded', async () => {
    const { cookie, id } = await create(await member())
    const early = await invoke(task.action, post(`/campaigns/${id}/edit`, { intent: 'transition', to: 'planned' }, { cookie }), { campaignId: String(id) })
    expect(early.status).toBe(400)
    expect((early.data as { errors: string[] }).errors).toHaveLength(4)

    await complete(cookie, id)
    const stored = loadCampaign(id)!
    expect(stored.campaign.audiences).toEqual(expect.arrayContaining([{ code: 'migrant_workers', estimatedSize: 20000 }, { code: 'youth_students', estimatedSize: null }]))
    expect(stored.campaign.subdivisions).toEqual(['UA-46'])

    const registered = await invoke(task.action, post(`/campaigns/${id}/edit`, { intent: 'transition', to: 'planned' }, { cookie }), { campaignId: String(id) })
    expect(registered.status).toBe(302)
    expect(loadCampaign(id)!.row.status).toBe('planned')
    const history = db.select().from(campaignStatusHistory).where(eq(campaignStatusHistory.campaignId, id)).all()
    expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([[null, 'draft'], ['draft', 'planned']])

    const view = await invoke(page.loader, get(`/campaigns/${id}`, cookie), { campaignId: String(id) })
    const findings = (view.data as { findings: { code: string }[] }).findings.map((f) => f.code)
    expect(findings).toEqual(['risk_unanswered'])
  })

  it('refuses bad input with a message at the field and saves nothing', async () => {
    const { cookie, id } = await create(await member(), 'Bad input')
    const before = JSON.stringify(loadCampaign(id))
    const p = { campaignId: String(id) }
    const dates = await invoke(where.action, post(`/campaigns/${id}/edit/where`, { country: 'UA', startDate: '2026-05-01', endDate: '2026-04-01' }, { cookie }), p)
    expect(fieldErrors(dates).endDate).toEqual(['The end date must be the same as or after the start date'])
    const region = await invoke(where.action, post(`/campaigns/${id}/edit/where`, { country: 'UA', subdivisions: 'NP-P1' }, { cookie }), p)
    expect(fieldErrors(region).subdivisions?.[0]).toMatch(/NP-P1 is not in the chosen country/)
    const unknownRegion = await invoke(where.action, post(`/campaigns/${id}/edit/where`, { country: 'UA', subdivisions: 'UA-99' }, { cookie }), p)
    expect(fieldErrors(unknownRegion).subdivisions?.[0]).toMatch(/not an ISO 3166-2 subdivision/)
    const code = await invoke(audiences.action, post(`/campaigns/${id}/edit/audiences`, { audiences: 'aliens' }, { cookie }), p)
    expect(code.status).toBe(400)
    const long = await invoke(basics.action, post(`/campaigns/${id}/edit/basics`, { title: 'Bad input', pillar: 'prevention', summary: 'x'.repeat(5_000) }, { cookie }), p)
    expect(fieldErrors(long).summary).toEqual(['Summary must be 2,000 characters or fewer'])
    // A body larger than any form needs is refused before it is read whole.
    const huge = await invoke(basics.action, post(`/campaigns/${id}/edit/basics`, { title: 'Bad input', pillar: 'prevention', summary: 'x'.repeat(5_000_000) }, { cookie }), p)
    expect([huge.status, String(huge.data)]).toEqual([413, expect.stringMatching(/larger than 1 MB/)])
    const money = await invoke(budget.action, post(`/campaigns/${id}/edit/budget`, { budget: '5000', visibility: 'network' }, { cookie }), p)
    expect(fieldErrors(money).currency).toEqual(['Choose the budget’s currency'])
    const notDonor = await invoke(budget.action, post(`/campaigns/${id}/edit/budget`, { visibility: 'network', funderIds: String(createOrganisation({ type: 'ngo' }).id) }, { cookie }), p)
    expect(fieldErrors(notDonor).funderIds?.[0]).toMatch(/donor organisations/)

    await invoke(objectives.action, post(`/campaigns/${id}/edit/objectives`, { intent: 'add-objective', statement: 'An objective' }, { cookie }), p)
    const objectiveId = String(loadCampaign(id)!.objectives[0]!.id)
    const wrongWay = await invoke(
      addIndicator.action,
      post(`/campaigns/${id}/edit/objectives/${objectiveId}/indicator`, { name: 'Share who know', level: 'outcome', unit: 'percent', direction: 'increase', baseline: '40', target: '30' }, { cookie }),
      { ...p, objectiveId },
    )
    expect(fieldErrors(wrongWay).target?.[0]).toMatch(/must be higher than the baseline/)
    const over = await invoke(
      addIndicator.action,
      post(`/campaigns/${id}/edit/objectives/${objectiveId}/indicator`, { name: 'Share who know', level: 'outcome', unit: 'percent', direction: 'increase', target: '140' }, { cookie }),
      { ...p, objectiveId },
    )
    expect(fieldErrors(over).target).toEqual(['A percentage target cannot be above 100'])
    const after = loadCampaign(id)!
    expect(after.objectives[0]!.indicators).toEqual([])
    expect(JSON.stringify({ ...after, objectives: [], campaign: { ...after.campaign, objectives: [] }, row: { ...after.row, updatedAt: null } })).toBe(
      JSON.stringify({ ...JSON.parse(before), objectives: [], campaign: { ...JSON.parse(before).campaign, objectives: [] }, row: { ...JSON.parse(before).row, updatedAt: null } }),
    )
  })
})

describe('lifecycle', () => {
  it('walks planned → active → completed → evaluated, refuses skipping, archives, then keeps the archive unchanged', async () => {
    const { cookie, id } = await create(await member(), 'Lifecycle campaign')
    await complete(cookie, id)
    const p = { campaignId: String(id) }
    const move = (to: string) => invoke(page.action, post(`/campaigns/${id}`, { intent: 'transition', to }, { cookie }), p)
    expect((await move('active')).status).toBe(400) // draft cannot jump to active
    for (const to of ['planned', 'active', 'completed']) expect((await move(to)).status, to).toBe(302)
    // Evaluated needs an actual for every outcome indicator; entering the last one moves the campaign there.
    expect((await move('evaluated')).status).toBe(400)
    const [indicator] = loadCampaign(id)!.objectives.flatMap((o) => o.indicators.filter((i) => i.level === 'outcome'))
    const actual = { campaignId: String(id), indicatorId: String(indicator!.id) }
    await invoke(actuals.action, post(`/campaigns/${id}/indicators/${indicator!.id}`, { onDate: '2026-06-30', value: '55' }, { cookie }), actual)
    expect(loadCampaign(id)!.row.status).toBe('evaluated')
    expect((await move('archived')).status).toBe(302)
    const history = db.select().from(campaignStatusHistory).where(eq(campaignStatusHistory.campaignId, id)).all()
    expect(history.map((h) => h.toStatus)).toEqual(['draft', 'planned', 'active', 'completed', 'evaluated', 'archived'])
    expect(history.every((h) => h.actorUserId !== null)).toBe(true)
    const edit = await invoke(basics.action, post(`/campaigns/${id}/edit/basics`, { title: 'Changed', pillar: 'prevention' }, { cookie }), p)
    expect(edit.status).toBe(403)
    expect((await move('planned')).status).toBe(400)
  })

  it('duplicates a campaign as a new draft with its content but not its dates or history', async () => {
    const { cookie, id } = await create(await member(), 'Last year')
    await complete(cookie, id)
    const copy = await invoke(page.action, post(`/campaigns/${id}`, { intent: 'duplicate' }, { cookie }), { campaignId: String(id) })
    expect(copy.status).toBe(302)
    const copyId = Number(copy.location!.split('/')[2])
    const original = loadCampaign(id)!
    const duplicate = loadCampaign(copyId)!
    expect(duplicate.row.status).toBe('draft')
    expect(duplicate.campaign.title).toBe('Last year (copy)')
    expect(duplicate.campaign.audiences).toEqual(original.campaign.audiences)
    expect(duplicate.campaign.subdivisions).toEqual(original.campaign.subdivisions)
    expect(duplicate.campaign.objectives.map((o) => o.indicators.map((i) => i.name))).toEqual(original.campaign.objectives.map((o) => o.indicators.map((i) => i.name)))
    expect([duplicate.campaign.startDate, duplicate.campaign.endDate]).toEqual([null, null])
    // Another organisation cannot copy a campaign it can see.
    const other = await invoke(page.action, post(`/campaigns/${id}`, { intent: 'duplicate' }, { cookie: await loginAs(await member()) }), { campaignId: String(id) })
    expect(other.status).toBe(404) // a draft of another organisation is not there for its members
  })
})

describe('who may see and edit a campaign', () => {
  it('donors and coordinators cannot create or edit; another organisation’s member cannot edit', async () => {
    const { id } = await create(await member(), 'Owned by one NGO')
    const donor = (await createPerson('donor')).user
    const coordinator = (await createPerson('coordinator')).user
    for (const [email, user] of [['donor', donor], ['coordinator', coordinator]] as const) {
      const cookie = await loginAs(user)
      expect((await invoke(newCampaign.loader, get('/campaigns/new', cookie))).status, email).toBe(403)
      expect((await invoke(newCampaign.action, post('/campaigns/new', { title: 'Nope', pillar: 'prevention' }, { cookie }))).status, email).toBe(403)
    }
    const before = JSON.stringify(loadCampaign(id))
    for (const [email, user] of [['another NGO', await member()], ['coordinator', coordinator], ['donor', donor]] as const) {
      const cookie = await loginAs(user)
      const result = await invoke(basics.action, post(`/campaigns/${id}/edit/basics`, { title: 'Hijacked', pillar: 'prevention' }, { cookie }), { campaignId: String(id) })
      // A draft of another organisation does not exist for them.
      expect(result.status, email).toBe(404)
    }
    expect(JSON.stringify(loadCampaign(id))).toBe(before)
  })

  it('the list shows each viewer exactly the campaigns the visibility rule allows', async () => {
    const safePassage = await createPerson('member')
    const casa = await createPerson('org_admin')
    const donorOf = await createPerson('donor')
    const unapproved = createOrganisation({ approved: false })
    const people = {
      member: safePassage.user,
      casa: casa.user,
      coordinator: (await createPerson('coordinator')).user,
      donor: donorOf.user,
      admin: await createUser({ platformAdmin: true }),
      youth: await createUser({ organisation: unapproved, role: 'org_admin' }),
    }
    const own = await create(people.member, 'Network campaign')
    await complete(own.cookie, own.id)
    await invoke(task.action, post(`/campaigns/${own.id}/edit`, { intent: 'transition', to: 'planned' }, { cookie: own.cookie }), { campaignId: String(own.id) })
    const priv = await create(people.member, 'Private campaign')
    await complete(priv.cookie, priv.id)
    const northlight = String(donorOf.organisation.id)
    await invoke(budget.action, post(`/campaigns/${priv.id}/edit/budget`, { visibility: 'private', funderIds: northlight }, { cookie: priv.cookie }), { campaignId: String(priv.id) })
    await invoke(task.action, post(`/campaigns/${priv.id}/edit`, { intent: 'transition', to: 'planned' }, { cookie: priv.cookie }), { campaignId: String(priv.id) })
    const pub = await create(people.casa, 'Published campaign')
    await complete(pub.cookie, pub.id)
    await invoke(budget.action, post(`/campaigns/${pub.id}/edit/budget`, { visibility: 'published' }, { cookie: pub.cookie }), { campaignId: String(pub.id) })
    await invoke(task.action, post(`/campaigns/${pub.id}/edit`, { intent: 'transition', to: 'planned' }, { cookie: pub.cookie }), { campaignId: String(pub.id) })
    await create(people.casa, 'Casa draft')
    await create(people.youth, 'Unapproved organisation draft')

    const all = db.select({ id: campaigns.id }).from(campaigns).all().map((r) => r.id)
    const viewers: [string | null, User | null][] = [[null, null], ...Object.entries(people)]
    for (const [email, user] of viewers) {
      const cookie = user ? await loginAs(user) : undefined
      // What the campaign page lets this viewer open (the rule itself is tested in visibility.test.ts).
      const expected: number[] = []
      for (const id of all) if ((await invoke(page.loader, get(`/campaigns/${id}`, cookie), { campaignId: String(id) })).status === 200) expected.push(id)
      expected.sort()
      // Every page of the list, as a visitor following "Next page" would see it.
      const shown: number[] = []
      for (let page = 1; ; page++) {
        const result = (await invoke(list.loader, get(`/campaigns?sort=title&page=${page}`, cookie))).data as { items: { id: number }[]; total: number; pageCount: number }
        shown.push(...result.items.map((i) => i.id))
        expect(result.total).toBe(expected.length)
        if (page >= result.pageCount) break
      }
      expect(shown.sort(), String(email)).toEqual(expected)
    }
    const anonymous = (await invoke(list.loader, get('/campaigns'))).data as { items: { title: string; visibility: string; status: string }[] }
    expect(anonymous.items.map((i) => i.title)).toContain('Published campaign')
    expect(anonymous.items.every((i) => i.visibility === 'published' && i.status !== 'draft')).toBe(true)
    const donor = (await invoke(list.loader, get('/campaigns', await loginAs(people.donor)))).data as { items: { title: string }[] }
    expect(donor.items.map((i) => i.title)).toContain('Private campaign')
  })

  it('filters by audience, subdivision (a country-level campaign covers its subdivisions) and status, from the URL', async () => {
    const own = await create(await member(), 'Coastal radio campaign')
    await complete(own.cookie, own.id)
    await invoke(task.action, post(`/campaigns/${own.id}/edit`, { intent: 'transition', to: 'planned' }, { cookie: own.cookie }), { campaignId: String(own.id) })
    const cookie = await loginAs((await createPerson('coordinator')).user)
    const titles = async (query: string) => ((await invoke(list.loader, get(`/campaigns?${query}`, cookie))).data as { items: { title: string }[] }).items.map((i) => i.title)
    const base = await titles('')
    expect(base.length).toBeGreaterThan(0)
    expect(await titles('audience=migrant_workers&subdivision=UA-46&status=planned')).toEqual(expect.arrayContaining(['Coastal radio campaign']))
    expect(await titles('subdivision=UA-30')).not.toContain('Coastal radio campaign')
    expect(await titles('audience=teachers')).not.toContain('Coastal radio campaign')
    expect(await titles('q=Coastal radio campaign')).toEqual(['Coastal radio campaign'])
    expect(await titles('q=%25')).toEqual([]) // a literal %, not a wildcard
    // A malformed filter is ignored, not an error.
    expect((await invoke(list.loader, get('/campaigns?status=bogus&page=-4&year=abc', cookie))).status).toBe(200)
  })

  it('reads each filter’s own value: the same filter with another value lists other campaigns', async () => {
    const [first, second] = [createOrganisation(), createOrganisation()]
    const tv = createCampaign(first, { title: unique('TV spots'), channels: ['tv'], exploitationForms: ['sexual_exploitation'], startDate: '2024-03-01', endDate: '2024-04-30' })
    const school = createCampaign(second, { title: unique('School talks'), channels: ['school_sessions'], exploitationForms: ['forced_marriage'], startDate: '2025-09-01', endDate: '2025-10-31' })
    const cookie = await loginAs((await createPerson('coordinator')).user)
    const ids = async (query: string) => ((await invoke(list.loader, get(`/campaigns?${query}`, cookie))).data as { items: { id: number }[] }).items.map((i) => i.id)
    const cases: [string, string][] = [
      ['channel=tv', 'channel=school_sessions'],
      ['form=sexual_exploitation', 'form=forced_marriage'],
      [`organisation=${first.id}`, `organisation=${second.id}`],
      ['year=2024', 'year=2025'],
      ['month=2024-04', 'month=2025-10'],
      ['from=2024-01-01&to=2024-12-31', 'from=2025-01-01&to=2025-12-31'],
    ]
    for (const [forTv, forSchool] of cases) {
      const [a, b] = [await ids(forTv), await ids(forSchool)]
      expect(a, forTv).toContain(tv)
      expect(a, forTv).not.toContain(school)
      expect(b, forSchool).toContain(school)
      expect(b, forSchool).not.toContain(tv)
    }
  })
})
