import { beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/shared/permissions/permissions'
import { visibleCampaignIds } from '../../app/features/campaigns/index.server'
import * as page from '../../app/routes/campaigns.$campaignId._index'
import { actorOf, createCampaign, createOrganisation, createUser, loginAs, type User } from '../factories'
import { get, invoke } from './helpers'

// Who may read a campaign (DESIGN.md §3), asked of the one rule
// (visibleTo) and of the campaign page that uses it, for every status and
// visibility and every kind of viewer.

type Viewer = { user: User | null; actor: Actor | null; cookie?: string }
const viewers: Record<string, Viewer> = {}
const campaigns: Record<string, number> = {}
const STATUSES = ['draft', 'planned', 'archived'] as const
const VISIBILITIES = ['private', 'network', 'published'] as const

async function viewer(user: User | null): Promise<Viewer> {
  return user ? { user, actor: await actorOf(user), cookie: await loginAs(user) } : { user: null, actor: null }
}

beforeAll(async () => {
  const owner = createOrganisation()
  const funder = createOrganisation({ type: 'donor' })
  const other = createOrganisation()
  const council = createOrganisation({ type: 'coordinating_body' })
  const waiting = createOrganisation({ approved: false })
  for (const status of STATUSES) for (const visibility of VISIBILITIES) campaigns[`${status}/${visibility}`] = createCampaign(owner, { status, visibility, funderIds: [funder.id] })
  campaigns['unapproved/published'] = createCampaign(waiting, { visibility: 'published' })
  Object.assign(viewers, {
    owner: await viewer(await createUser({ organisation: owner })),
    funder: await viewer(await createUser({ organisation: funder, role: 'donor' })),
    otherDonor: await viewer(await createUser({ organisation: createOrganisation({ type: 'donor' }), role: 'donor' })),
    other: await viewer(await createUser({ organisation: other })),
    coordinator: await viewer(await createUser({ organisation: council, role: 'coordinator' })),
    waiting: await viewer(await createUser({ organisation: waiting })),
    admin: await viewer(await createUser({ platformAdmin: true })),
    anonymous: await viewer(null),
  })
})

/** What the rule says `who` may read, checked against what the campaign page answers them. */
async function readable(who: string): Promise<string[]> {
  const v = viewers[who]!
  const ids = visibleCampaignIds(v.actor, Object.values(campaigns))
  const names = Object.keys(campaigns).filter((name) => ids.has(campaigns[name]!))
  for (const [name, id] of Object.entries(campaigns)) {
    const answer = await invoke(page.loader, get(`/campaigns/${id}`, v.cookie), { campaignId: String(id) })
    expect(answer.status, `${who} opens ${name}`).toBe(names.includes(name) ? 200 : 404)
  }
  return names.sort()
}

const all = (visibilities: readonly string[]) => ['planned', 'archived'].flatMap((s) => visibilities.map((v) => `${s}/${v}`))

describe('who may read a campaign', () => {
  it('its own organisation, in every status and visibility, drafts included', async () => {
    expect(await readable('owner')).toEqual(STATUSES.flatMap((s) => VISIBILITIES.map((v) => `${s}/${v}`)).sort())
  })

  it('nobody else reads a draft, or anything of an organisation awaiting approval — not a coordinator, a funder or a visitor', async () => {
    for (const who of ['funder', 'coordinator', 'other', 'admin', 'anonymous']) {
      const names = await readable(who)
      expect(names.filter((n) => n.startsWith('draft/') || n.startsWith('unapproved/')), who).toEqual([])
    }
    expect(await readable('waiting')).toContain('unapproved/published')
  })

  it('private: coordinators and the campaign’s funders, no other donor or member', async () => {
    expect(await readable('coordinator')).toEqual(all(VISIBILITIES).sort())
    expect(await readable('funder')).toEqual(all(VISIBILITIES).sort())
    expect(await readable('otherDonor')).toEqual(all(['network', 'published']).sort())
  })

  it('network: every member of an approved organisation and platform admins, not a member of one awaiting approval, not a visitor', async () => {
    expect(await readable('other')).toEqual(all(['network', 'published']).sort())
    expect(await readable('admin')).toEqual(all(['network', 'published']).sort())
    expect(await readable('waiting')).toEqual([...all(['published']), 'unapproved/published'].sort())
  })

  it('published: anyone, signed in or not', async () => {
    expect(await readable('anonymous')).toEqual(all(['published']).sort())
  })
})
