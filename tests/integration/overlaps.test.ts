import { describe, expect, it } from 'vitest'
import * as newCampaign from '../../app/routes/campaigns.new'
import * as page from '../../app/routes/campaigns.$campaignId._index'
import * as task from '../../app/routes/campaigns.$campaignId.edit._index'
import * as audiences from '../../app/routes/campaigns.$campaignId.edit.audiences'
import * as where from '../../app/routes/campaigns.$campaignId.edit.where'
import * as budget from '../../app/routes/campaigns.$campaignId.edit.budget'
import * as objectives from '../../app/routes/campaigns.$campaignId.edit.objectives'
import * as addIndicator from '../../app/routes/campaigns.$campaignId.edit.objectives_.$objectiveId.indicator'
import * as live from '../../app/routes/campaigns.$campaignId.overlaps'
import * as notifications from '../../app/routes/notifications'
import * as root from '../../app/root'
import * as coordination from '../../app/routes/coordination._index'
import { loadCampaign } from '../../app/features/campaigns/store.server'
import { createCampaign, createOrganisation, createUser, loginAs, unique, type User } from '../factories'
import { get, invoke, post, SITE } from './helpers'

/**
 * Three organisations and their people: an NGO with a network campaign for
 * migrant workers in Lviv oblast (April–May 2026), the coordination council
 * with one over two western oblasts from May, and an NGO in Moldova.
 */
async function world() {
  const safePassage = createOrganisation()
  const council = createOrganisation({ type: 'coordinating_body' })
  const casaOrg = createOrganisation({ country: 'MD' })
  const own = unique('Check before you go: safe jobs abroad (Lviv)')
  const rights = unique('Know your rights abroad — western oblasts')
  createCampaign(safePassage, { title: own })
  createCampaign(council, { title: rights, subdivisions: ['UA-46', 'UA-26'], startDate: '2026-05-01', endDate: '2026-07-31', channels: ['social_media'] })
  return {
    titles: { own, rights },
    council,
    casaOrg,
    member: await createUser({ organisation: safePassage, role: 'member' }),
    orgadmin: await createUser({ organisation: safePassage, role: 'org_admin' }),
    casa: await createUser({ organisation: casaOrg, role: 'org_admin' }),
    coordinator: await createUser({ organisation: council, role: 'coordinator' }),
  }
}

type Entry = { visible: boolean; overlap: { level: string; reasons?: string[] }; campaign?: { title: string }; organisation?: { name: string } }
type Summary = { entries: Entry[]; total: number; levels: Record<string, number> }

function send(module: { action?: unknown }, path: string, cookie: string, pairs: [string, string][], params: Record<string, string>) {
  const request = new Request(SITE + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: SITE, Cookie: cookie },
    body: new URLSearchParams(pairs),
  })
  return invoke(module.action as Parameters<typeof invoke>[0], request, params)
}

/** A draft in Lviv oblast for prospective migrant workers, April–May 2026. */
async function lvivDraft(user: User, title: string) {
  const cookie = await loginAs(user)
  const created = await invoke(newCampaign.action, post('/campaigns/new', { title, pillar: 'prevention' }, { cookie }))
  const id = created.location!.split('/')[2]!
  const p = { campaignId: id }
  await send(audiences, `/campaigns/${id}/edit/audiences`, cookie, [['audiences', 'migrant_workers']], p)
  await send(where, `/campaigns/${id}/edit/where`, cookie, [['country', 'UA'], ['subdivisions', 'UA-46'], ['startDate', '2026-04-01'], ['endDate', '2026-05-31']], p)
  return { cookie, id }
}

/** Adds a measurable objective, sets the visibility and registers the draft as planned. */
async function register(cookie: string, id: string, visibility: string) {
  const p = { campaignId: id }
  await send(budget, `/campaigns/${id}/edit/budget`, cookie, [['visibility', visibility]], p)
  await send(objectives, `/campaigns/${id}/edit/objectives`, cookie, [['intent', 'add-objective'], ['statement', 'More people know the hotline']], p)
  const objectiveId = String(loadCampaign(Number(id))!.objectives[0]!.id)
  await send(addIndicator, `/campaigns/${id}/edit/objectives/${objectiveId}/indicator`, cookie, [['name', '% who know the hotline'], ['level', 'outcome'], ['unit', 'percent'], ['direction', 'increase'], ['baselineAtSurvey', 'on'], ['target', '50']], { ...p, objectiveId })
  expect((await send(task, `/campaigns/${id}/edit`, cookie, [['intent', 'transition'], ['to', 'planned']], p)).status).toBe(302)
}

async function overlapsOnTaskList(cookie: string, id: string) {
  return ((await invoke(task.loader, get(`/campaigns/${id}/edit`, cookie), { campaignId: id })).data as { overlaps: Summary | null }).overlaps?.entries ?? null
}

describe('the live check while planning', () => {
  it('shows a draft the other organisations’ campaigns in the same subdivision, period and audience, with reasons', async () => {
    const w = await world()
    const { cookie, id } = await lvivDraft(w.member, 'Our Lviv plan')
    const entries = (await overlapsOnTaskList(cookie, id))!
    const titles = entries.filter((e) => e.visible).map((e) => e.campaign!.title)
    expect(titles).toContain(w.titles.rights)
    // Its own organisation's campaigns are not overlaps.
    expect(titles).not.toContain(w.titles.own)
    const council = entries.find((e) => e.campaign?.title === w.titles.rights)!
    expect(council.organisation!.name).toBe(w.council.name)
    expect(council.overlap.level).toBe('high')
    expect(council.overlap.reasons![0]).toBe('Both target prospective and current migrant workers in Lvivska oblast (UA-46) in May 2026.')
  })

  it('says nothing until country, dates and an audience are saved', async () => {
    const cookie = await loginAs((await world()).member)
    const created = await invoke(newCampaign.action, post('/campaigns/new', { title: 'Empty draft', pillar: 'prevention' }, { cookie }))
    expect(await overlapsOnTaskList(cookie, created.location!.split('/')[2]!)).toBeNull()
  })

  it('never shows another organisation’s draft, and shows its private campaign only as “one private campaign”', async () => {
    const w = await world()
    const member = await lvivDraft(w.member, 'Member plan')
    const casa = await lvivDraft(w.casa, 'Casa’s Lviv outreach')
    const before = (await overlapsOnTaskList(member.cookie, member.id))!
    expect(before.some((e) => e.campaign?.title === 'Casa’s Lviv outreach')).toBe(false)

    await register(casa.cookie, casa.id, 'private')

    const after = (await overlapsOnTaskList(member.cookie, member.id))!
    const hidden = after.filter((e) => !e.visible)
    expect(hidden).toHaveLength(1)
    expect(JSON.stringify(hidden[0])).not.toMatch(/Casa|Lviv outreach/)
    expect(hidden[0]!.overlap).toEqual({ level: 'high' })

    // A coordinator may see private campaigns, so the same overlap is named for them.
    await register(member.cookie, member.id, 'network')
    const coordinator = await loginAs(w.coordinator)
    const view = await invoke(page.loader, get(`/campaigns/${member.id}`, coordinator), { campaignId: member.id })
    const named = (view.data as { overlaps: Summary }).overlaps.entries.find((e) => e.campaign?.title === 'Casa’s Lviv outreach')
    expect(named?.organisation?.name).toBe(w.casaOrg.name)
  })

  it('an anonymous visitor of a published campaign is not told about network campaigns that overlap it', async () => {
    const w = await world()
    const published = await lvivDraft(w.orgadmin, 'Published Lviv plan')
    await register(published.cookie, published.id, 'published')
    const entries = ((await invoke(page.loader, get(`/campaigns/${published.id}`), { campaignId: published.id })).data as { overlaps: Summary }).overlaps.entries
    // The council's network campaign overlaps, but an anonymous visitor may not see it.
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.some((e) => e.visible && e.campaign!.title === w.titles.rights)).toBe(false)
    expect(entries.filter((e) => !e.visible).length).toBeGreaterThan(0)
    const signedIn = ((await invoke(page.loader, get(`/campaigns/${published.id}`, await loginAs(w.casa)), { campaignId: published.id })).data as { overlaps: Summary }).overlaps.entries
    expect(signedIn.some((e) => e.visible && e.campaign!.title === w.titles.rights)).toBe(true)
  })

  it('checks values not yet saved, answers nonsense with a reason, and refuses campaigns the user may not edit', async () => {
    const w = await world()
    const cookie = await loginAs(w.member)
    const created = await invoke(newCampaign.action, post('/campaigns/new', { title: 'Unsaved plan', pillar: 'prevention' }, { cookie }))
    const id = created.location!.split('/')[2]!
    const query = 'country=UA&subdivisions=UA-46&startDate=2026-05-01&endDate=2026-05-20&audiences=migrant_workers'
    const result = await invoke(live.loader, get(`/campaigns/${id}/overlaps?${query}`, cookie), { campaignId: id })
    const entries = (result.data as { overlaps: Summary }).overlaps.entries
    expect(entries.some((e) => e.campaign?.title === w.titles.rights)).toBe(true)
    // Nothing was saved by checking.
    expect(loadCampaign(Number(id))!.campaign.country).toBeNull()

    for (const nonsense of ['', 'country=ZZ&startDate=2026-01-01&endDate=2026-02-01&audiences=migrant_workers', 'country=UA&startDate=yesterday&endDate=2026-02-01&audiences=migrant_workers', `${query}&audiences=aliens`, 'country=UA&subdivisions=NP-P1&startDate=2026-05-01&endDate=2026-05-20&audiences=migrant_workers', 'country=UA&startDate=2026-06-01&endDate=2026-05-01&audiences=migrant_workers']) {
      const r = await invoke(live.loader, get(`/campaigns/${id}/overlaps?${nonsense}`, cookie), { campaignId: id })
      expect(r.status, nonsense).toBe(200)
      expect(r.data, nonsense).toEqual({ overlaps: null, reason: 'Set the country, the dates and at least one audience to see overlapping campaigns.' })
    }
    const outsider = await invoke(live.loader, get(`/campaigns/${id}/overlaps?${query}`, await loginAs(w.casa)), { campaignId: id })
    expect(outsider.status).toBe(404)
  })

  it('a planner records “we are coordinating with them” on an overlap of their own campaign', async () => {
    const w = await world()
    const { cookie, id } = await lvivDraft(w.member, 'Coordinated plan')
    const entries = (await overlapsOnTaskList(cookie, id))!
    const council = entries.find((e) => e.campaign?.title === w.titles.rights) as Entry & { campaign: { id: number } }
    const sendNote = (who: string, otherId: number) =>
      send(task, `/campaigns/${id}/edit`, who, [['intent', 'coordinate'], ['otherId', String(otherId)], ['note', 'We split the radio slots']], { campaignId: id })
    expect((await sendNote(cookie, council.campaign.id)).status).toBe(200)
    const after = (await overlapsOnTaskList(cookie, id))!.find((e) => e.campaign?.title === w.titles.rights) as Entry & { reviews: { note: string; role: string }[] }
    expect(after.reviews.map((r) => [r.role, r.note])).toEqual([['planner', 'We are coordinating with them. We split the radio slots']])
    // Not a campaign that overlaps, and not someone else's campaign.
    expect((await sendNote(cookie, 99999)).status).toBe(404)
    expect((await sendNote(await loginAs(w.casa), council.campaign.id)).status).toBe(404)
  })

  it('an organisation awaiting approval is silent: its campaigns overlap nothing and tell nobody until it is approved', async () => {
    const w = await world()
    const pending = createOrganisation({ approved: false })
    const unread = async (cookie: string) => ((await invoke(root.loader, get('/', cookie))).data as { user: { unread: number } }).user.unread
    const member = await loginAs(w.member)
    const before = await unread(member)
    const hidden = createCampaign(pending, { title: unique('Unapproved Lviv radio') })
    const named = async () => ((await invoke(coordination.loader, get('/coordination?country=UA', await loginAs(w.coordinator)))).data as { clusters: { campaignA: number; campaignB: number }[][] }).clusters.flat()
    expect((await named()).some((p) => p.campaignA === hidden || p.campaignB === hidden)).toBe(false)
    expect(await unread(member)).toBe(before)
    const { approveOrganisation } = await import('../../app/features/organisations/index.server')
    await approveOrganisation({ userId: (await createUser({ platformAdmin: true })).id, isPlatformAdmin: true, membership: null }, pending.id)
    expect((await named()).some((p) => p.campaignA === hidden || p.campaignB === hidden)).toBe(true)
    expect(await unread(member)).toBeGreaterThan(before)
  })

  it('a new high overlap notifies both organisations, without naming a campaign they may not see', async () => {
    const w = await world()
    const member = await loginAs(w.member)
    const unread = async (cookie: string) => ((await invoke(root.loader, get('/', cookie))).data as { user: { unread: number } }).user.unread
    const before = await unread(member)
    const casa = await lvivDraft(w.casa, 'Casa’s private Lviv work')
    await register(casa.cookie, casa.id, 'private')
    expect(await unread(member)).toBeGreaterThan(before)

    type Item = { id: number; read: boolean; campaign: { title: string }; other: { title: string; organisation: string } | null }
    const list = async (cookie: string) => ((await invoke(notifications.loader, get('/notifications', cookie))).data as { items: Item[] }).items
    const mine = (await list(member)).filter((n) => !n.read && n.campaign.title === w.titles.own)
    expect(mine.length).toBeGreaterThan(0)
    // The first NGO may not see the other's private campaign: it is not named.
    expect(mine.some((n) => n.other === null)).toBe(true)
    expect(JSON.stringify(mine)).not.toContain('Casa’s private Lviv work')
    // The coordination council may see private campaigns, so theirs names it.
    const council = await list(await loginAs(w.coordinator))
    expect(council.some((n) => n.other?.title === 'Casa’s private Lviv work')).toBe(true)

    const read = await invoke(notifications.action, post('/notifications', { intent: 'read-all' }, { cookie: member }))
    expect(read.status).toBe(200)
    expect(await unread(member)).toBe(0)
  })
})
