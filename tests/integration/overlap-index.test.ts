import { describe, expect, it } from 'vitest'
import { insertCampaignTree, type NewCampaign } from '../../db/campaign-writes'
import { ensureOverlapIndex } from '../../db/overlap-index'
import * as coordination from '../../app/routes/coordination._index'
import * as live from '../../app/routes/campaigns.$campaignId.overlaps'
import * as page from '../../app/routes/campaigns.$campaignId._index'
import * as newCampaign from '../../app/routes/campaigns.new'
import { db } from '../../app/shared/db.server'
import { refreshAllPairs } from '../../app/features/overlap/pairs.server'
import { createOrganisation, createPerson, createUser, loginAs } from '../factories'
import { get, invoke, post } from './helpers'

type Pair = { campaignA: number; campaignB: number; score: number; a: { id: number }; b: { id: number } }
type Workspace = { clusters: Pair[][]; total: number; page: number; pages: number; setting: { bufferDays: number } | null }
type Summary = { entries: { visible: boolean; overlap: { level: string; score?: number } }[]; total: number; levels: Record<'high' | 'medium' | 'low', number> }

const workspace = async (cookie: string, query: string) => (await invoke(coordination.loader, get(`/coordination${query}`, cookie))).data as Workspace
/** As many organisations as a real national network might have. */
const ORGANISATIONS = 8
const organisations = () => Array.from({ length: ORGANISATIONS }, () => createOrganisation().id)
const coordinator = async () => loginAs((await createPerson('coordinator')).user)

/** Registers campaigns of each organisation straight into the tables (as the seed and the CSV import do) and refreshes their pairs. */
function campaignsIn(country: string, subdivision: string, perOrganisation: number, extra: Partial<NewCampaign> = {}, orgs = organisations()) {
  const ids: number[] = []
  db.$client.transaction(() => {
    for (const org of orgs) {
      for (let n = 0; n < perOrganisation; n++) {
        ids.push(
          insertCampaignTree(db.$client, org, null, {
            title: `${country} campaign ${org}.${n}`,
            pillar: 'prevention',
            visibility: 'network',
            country,
            subdivisions: [subdivision],
            startDate: '2027-03-01',
            endDate: '2027-04-30',
            audiences: [{ code: n % 2 ? 'youth_students' : 'migrant_workers', estimatedSize: null }],
            channels: ['radio'],
            ...extra,
          }, ['draft', 'planned']),
        )
      }
    }
  })()
  refreshAllPairs(ids)
  return ids
}

describe('the workspace at scale', () => {
  it('pages by pair, highest score first, and the pages together hold every pair once', async () => {
    campaignsIn('KE', 'KE-01', 2)
    const cookie = await coordinator()
    const first = await workspace(cookie, '?country=KE')
    const second = await workspace(cookie, '?country=KE&page=2')
    const organisations = ORGANISATIONS
    // Two campaigns per organisation; every pair of campaigns by different organisations overlaps.
    expect(first.total).toBe((2 * organisations * (2 * organisations - 1)) / 2 - organisations)
    expect(first.pages).toBe(2)
    const one = first.clusters.flat()
    const two = second.clusters.flat()
    expect(one).toHaveLength(100)
    expect(one.length + two.length).toBe(first.total)
    const key = (p: Pair) => `${p.campaignA}:${p.campaignB}`
    expect(new Set([...one, ...two].map(key)).size).toBe(first.total)
    expect(Math.min(...one.map((p) => p.score))).toBeGreaterThanOrEqual(Math.max(...two.map((p) => p.score)))
    // A page beyond the last is empty, not an error; a nonsense page is the first.
    expect((await workspace(cookie, '?country=KE&page=9')).clusters).toEqual([])
    expect((await workspace(cookie, '?country=KE&page=abc')).page).toBe(1)
  })

  it('filters by subdivision and by an audience both campaigns reach', async () => {
    campaignsIn('MD', 'MD-CU', 1)
    campaignsIn('MD', 'MD-BA', 1, { audiences: [{ code: 'youth_students', estimatedSize: null }] })
    const cookie = await coordinator()
    const all = (await workspace(cookie, '?from=2027-01-01&to=2027-12-31&country=MD')).total
    const chisinau = (await workspace(cookie, '?from=2027-01-01&to=2027-12-31&country=MD&subdivision=MD-CU')).total
    const balti = (await workspace(cookie, '?from=2027-01-01&to=2027-12-31&country=MD&subdivision=MD-BA')).total
    expect(chisinau).toBeGreaterThan(0)
    expect(balti).toBeGreaterThan(0)
    // Chișinău and Bălți campaigns never overlap each other.
    expect(chisinau + balti).toBe(all)
    const students = await workspace(cookie, '?from=2027-01-01&to=2027-12-31&country=MD&audience=youth_students')
    expect(students.total).toBe(balti)
    expect((await workspace(cookie, '?from=2027-01-01&to=2027-12-31&country=MD&audience=children')).total).toBe(0)
    // An unknown code is ignored, not an error.
    expect((await workspace(cookie, '?from=2027-01-01&to=2027-12-31&country=MD&audience=aliens&subdivision=nonsense')).total).toBe(all)
  })
})

describe('the coordinator’s buffer', () => {
  it('makes campaigns a few weeks apart overlap, on the workspace and the campaign page, and can be taken back', async () => {
    const orgs = organisations()
    const [early, late] = db.$client.transaction(() => [
      insertCampaignTree(db.$client, orgs[0]!, null, { title: 'Spring radio in Kakamega', pillar: 'prevention', country: 'KE', subdivisions: ['KE-11'], startDate: '2027-05-01', endDate: '2027-05-31', audiences: [{ code: 'youth_students', estimatedSize: null }] }, ['draft', 'planned']),
      insertCampaignTree(db.$client, orgs[1]!, null, { title: 'Summer radio in Kakamega', pillar: 'prevention', country: 'KE', subdivisions: ['KE-11'], startDate: '2027-06-20', endDate: '2027-07-31', audiences: [{ code: 'youth_students', estimatedSize: null }] }, ['draft', 'planned']),
    ])()
    refreshAllPairs([early!, late!])
    const cookie = await coordinator()
    const inKakamega = async () => (await workspace(cookie, '?country=KE&subdivision=KE-11')).clusters.flat()
    expect(await inKakamega()).toEqual([])

    const set = (days: string, who = cookie) => invoke(coordination.action, post('/coordination?country=KE', { intent: 'buffer', country: 'KE', bufferDays: days }, { cookie: who }))
    expect((await set('30')).status).toBe(200)
    expect((await workspace(cookie, '?country=KE')).setting).toMatchObject({ bufferDays: 30 })
    const pairs = await inKakamega()
    expect(pairs).toHaveLength(1)
    expect([pairs[0]!.a.id, pairs[0]!.b.id].sort()).toEqual([early, late].sort())
    const view = (await invoke(page.loader, get(`/campaigns/${early}`, cookie), { campaignId: String(early) })).data as { overlaps: Summary & { entries: { overlap: { reasons: string[] } }[] } }
    expect(view.overlaps.total).toBe(1)
    expect(view.overlaps.entries[0]!.overlap.reasons.join(' ')).toMatch(/19 days before the other starts/)

    expect((await set('0')).status).toBe(200)
    expect(await inKakamega()).toEqual([])
  })

  it('refuses members and nonsense values with a message', async () => {
    const cookie = await coordinator()
    for (const bad of ['-1', '91', '2.5', 'soon', '']) {
      const r = await invoke(coordination.action, post('/coordination', { intent: 'buffer', country: 'KE', bufferDays: bad }, { cookie }))
      expect(r.status, bad).toBe(400)
      expect((r.data as { message: string }).message, bad).toMatch(/whole number of days from 0 to 90/)
    }
    const unknownCountry = await invoke(coordination.action, post('/coordination', { intent: 'buffer', country: 'ZZ', bufferDays: '5' }, { cookie }))
    expect((unknownCountry.data as { message: string }).message).toMatch(/Choose a country/)
    const member = await invoke(coordination.action, post('/coordination', { intent: 'buffer', country: 'KE', bufferDays: '5' }, { cookie: await loginAs((await createPerson('member')).user) }))
    expect(member.status).toBe(403)
  })
})

describe('the live check among many overlaps', () => {
  it('counts every overlap by level and names the 20 closest, highest score first', async () => {
    const orgs = organisations()
    campaignsIn('NP', 'NP-P3', 3, {}, orgs)
    // A member of one of them: its own campaigns are not overlaps.
    const cookie = await loginAs(await createUser({ organisation: { id: orgs[0]! }, role: 'member' }))
    const created = await invoke(newCampaign.action, post('/campaigns/new', { title: 'Kathmandu valley plan', pillar: 'prevention' }, { cookie }))
    const id = created.location!.split('/')[2]!
    const query = 'country=NP&subdivisions=NP-P3&startDate=2027-03-15&endDate=2027-04-15&audiences=migrant_workers'
    const summary = ((await invoke(live.loader, get(`/campaigns/${id}/overlaps?${query}`, cookie), { campaignId: id })).data as { overlaps: Summary }).overlaps
    const others = ORGANISATIONS - 1 // not the member's own organisation
    expect(summary.total).toBe(3 * others)
    expect(summary.levels.high + summary.levels.medium + summary.levels.low).toBe(summary.total)
    expect(summary.entries).toHaveLength(20)
    const scores = summary.entries.filter((e) => e.visible).map((e) => e.overlap.score!)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    // Campaigns for the same audience score higher, so they come first.
    expect(summary.levels.high).toBeGreaterThan(0)
    expect(summary.entries[0]!.overlap.level).toBe('high')
  })
})

describe('the overlap index', () => {
  it('is rebuilt from the campaign tables when the code lists behind its bitmasks change, and only then', () => {
    campaignsIn('UG', 'UG-C', 1)
    const rows = () => db.$client.prepare('select * from overlap_index order by region, start_day, end_day, campaign_id').all()
    const kept = rows()
    expect(kept.length).toBeGreaterThan(0)
    expect(ensureOverlapIndex(db.$client)).toBe(false)
    db.$client.prepare("update overlap_index_state set fingerprint = 'an older taxonomy'").run()
    db.$client.prepare('update overlap_index set audiences = 0').run()
    expect(ensureOverlapIndex(db.$client)).toBe(true)
    expect(rows()).toEqual(kept)
  })

  it('drops a campaign when it is archived, and follows a change of place', async () => {
    const [id] = campaignsIn('PH', 'PH-CEB', 1).slice(-1)
    const regionsOf = () => db.$client.prepare('select region from overlap_index where campaign_id = ?').pluck().all(id)
    expect(regionsOf()).toEqual(['PH-CEB'])
    db.$client.prepare("update campaign_subdivisions set code = 'PH-BOH' where campaign_id = ?").run(id)
    refreshAllPairs([id!])
    expect(regionsOf()).toEqual(['PH-BOH'])
    db.$client.prepare("update campaigns set status = 'archived' where id = ?").run(id)
    refreshAllPairs([id!])
    expect(regionsOf()).toEqual([])
  })
})
