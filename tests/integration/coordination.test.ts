import { describe, expect, it } from 'vitest'
import * as coordination from '../../app/routes/coordination._index'
import * as page from '../../app/routes/campaigns.$campaignId._index'
import { createCampaign, createOrganisation, createPerson, loginAs, unique } from '../factories'
import { get, invoke, post } from './helpers'

/**
 * Campaigns of different organisations that overlap: two radio campaigns for
 * migrant workers in Lviv oblast in April–May 2026 (a high overlap), and two
 * in Chișinău, one for the whole of Moldova; with a coordinator to see them.
 */
async function workspace() {
  const [a, b] = [createOrganisation(), createOrganisation()]
  const [c, d] = [createOrganisation({ country: 'MD' }), createOrganisation({ country: 'MD' })]
  const lviv = [createCampaign(a, { title: unique('Check before you go: safe jobs abroad (Lviv)') }), createCampaign(b, { title: unique('Know your rights abroad — western oblasts'), subdivisions: ['UA-46', 'UA-26'] })]
  createCampaign(c, { title: unique('Bus station posters'), country: 'MD', subdivisions: ['MD-CU'], channels: ['posters_billboards'] })
  createCampaign(d, { title: unique('Safe migration on national radio'), country: 'MD', subdivisions: [] })
  return { lviv, coordinator: await loginAs((await createPerson('coordinator')).user) }
}

type Pair = { campaignA: number; campaignB: number; level: string; verdict: string; a: { title: string }; b: { title: string }; history: { verdict: string; note: string; by: string }[] }
const clusters = async (cookie: string, query = '') => ((await invoke(coordination.loader, get(`/coordination${query}`, cookie))).data as { clusters: Pair[][] }).clusters

describe('the coordination workspace', () => {
  it('groups overlapping campaigns into clusters, highest first, filtered from the URL', async () => {
    const { coordinator: cookie, lviv } = await workspace()
    const all = await clusters(cookie)
    expect(all.length).toBeGreaterThan(1)
    expect(all.flat().some((p) => lviv.includes(p.campaignA) && lviv.includes(p.campaignB))).toBe(true)
    expect(all[0]![0]!.level).toBe('high')
    const ukraine = await clusters(cookie, '?country=UA')
    expect(ukraine.flat().length).toBeLessThan(all.flat().length)
    const high = await clusters(cookie, '?level=high')
    expect(high.flat().every((p) => p.level === 'high')).toBe(true)
    // Nonsense filters are ignored, not an error.
    expect((await invoke(coordination.loader, get('/coordination?level=huge&from=soon', cookie))).status).toBe(200)
  })

  it('keeps every review of a pair, concurrent ones included, and the latest decides the status', async () => {
    const { coordinator: cookie, lviv } = await workspace()
    const pair = (await clusters(cookie, '?level=high')).flat().find((p) => lviv.includes(p.campaignA) && lviv.includes(p.campaignB))!
    const body = (verdict: string, note: string) => ({ intent: 'review', campaignA: String(pair.campaignA), campaignB: String(pair.campaignB), verdict, note })
    const [first, second] = await Promise.all([
      invoke(coordination.action, post('/coordination', body('duplicate', 'Same radio spots, same oblast'), { cookie })),
      invoke(coordination.action, post('/coordination', body('resolved', 'They agreed to split the oblasts'), { cookie: await loginAs((await createPerson('coordinator')).user) })),
    ])
    expect([first.status, second.status]).toEqual([200, 200])
    const reviewed = (await clusters(cookie)).flat().find((p) => p.campaignA === pair.campaignA && p.campaignB === pair.campaignB)!
    expect(reviewed.history.map((h) => h.verdict)).toEqual(['duplicate', 'resolved'])
    expect(reviewed.verdict).toBe('resolved')
    expect((await clusters(cookie, '?review=resolved')).flat().some((p) => p.campaignA === pair.campaignA)).toBe(true)

    // The verdict and notes show on both campaigns' pages.
    for (const [self, other] of [[pair.campaignA, pair.campaignB], [pair.campaignB, pair.campaignA]]) {
      const view = await invoke(page.loader, get(`/campaigns/${self}`, cookie), { campaignId: String(self) })
      const entry = (view.data as { overlaps: { entries: { campaign?: { id: number }; reviews?: { verdict: string; note: string }[] }[] } }).overlaps.entries.find((e) => e.campaign?.id === other)!
      expect(entry.reviews!.map((r) => [r.verdict, r.note])).toEqual([
        ['duplicate', 'Same radio spots, same oblast'],
        ['resolved', 'They agreed to split the oblasts'],
      ])
    }
  })

  it('keeps to the other filters when it lists pairs set back to unreviewed', async () => {
    const { coordinator: cookie, lviv } = await workspace()
    const pair = (await clusters(cookie, '?country=UA&level=high')).flat().find((p) => lviv.includes(p.campaignA) && lviv.includes(p.campaignB))!
    for (const verdict of ['duplicate', 'unreviewed']) {
      await invoke(coordination.action, post('/coordination', { intent: 'review', campaignA: String(pair.campaignA), campaignB: String(pair.campaignB), verdict, note: '' }, { cookie }))
    }
    const inUkraine = (await clusters(cookie, '?country=UA&review=unreviewed')).flat()
    expect(inUkraine.some((p) => p.campaignA === pair.campaignA && p.campaignB === pair.campaignB && p.verdict === 'unreviewed')).toBe(true)
    const inMoldova = (await clusters(cookie, '?country=MD&review=unreviewed')).flat()
    expect(inMoldova.length).toBeGreaterThan(0)
    expect(inMoldova.some((p) => p.campaignA === pair.campaignA)).toBe(false)
  })

  it('refuses members and donors, unknown pairs and bad verdicts', async () => {
    for (const email of ['member', 'donor'] as const) {
      const cookie = await loginAs((await createPerson(email)).user)
      expect((await invoke(coordination.loader, get('/coordination', cookie))).status).toBe(403)
      expect((await invoke(coordination.action, post('/coordination', { intent: 'review', campaignA: '1', campaignB: '2', verdict: 'duplicate' }, { cookie }))).status).toBe(403)
    }
    const cookie = await loginAs((await createPerson('coordinator')).user)
    expect((await invoke(coordination.action, post('/coordination', { intent: 'review', campaignA: '99998', campaignB: '99999', verdict: 'duplicate' }, { cookie }))).status).toBe(404)
    expect((await invoke(coordination.action, post('/coordination', { intent: 'review', campaignA: '1', campaignB: '2', verdict: 'maybe' }, { cookie }))).status).toBe(400)
  })
})

describe('overlap exports', () => {
  it('exports the pairs the coordinator sees, filtered, with review status', async () => {
    const { default: Papa } = await import('papaparse')
    const csvRoute = await import('../../app/routes/coordination[.]csv')
    const { coordinator: cookie } = await workspace()
    const res = (await csvRoute.loader({ request: get('/coordination.csv?level=high', cookie), params: {}, context: { clientIp: '', cspNonce: '' } })) as Response
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    const [header, hxl, ...rows] = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    expect(header).toEqual(['cluster', 'country_iso3', 'country', 'campaign_a', 'code_a', 'organisation_a', 'campaign_b', 'code_b', 'organisation_b', 'score', 'level', 'period_start', 'period_end', 'review', 'note', 'reasons'])
    // An HXL row, as the campaign 3W has: the pairs load into the same tools, joined on the campaigns' codes.
    expect(hxl!.slice(0, 5)).toEqual(['#x_cluster', '#country+code', '#country+code+v_iso2', '#activity+name+x_first', '#activity+code+x_first'])
    const listed = (await clusters(cookie, '?level=high')).flat()
    expect(rows).toHaveLength(listed.length)
    expect(rows.every((r) => r[10] === 'high')).toBe(true)
    expect(rows.every((r) => ({ UA: 'UKR', MD: 'MDA' })[r[2] as 'UA' | 'MD'] === r[1])).toBe(true)
    expect(rows.some((r) => r[2] === 'UA')).toBe(true)
    expect(rows.every((r) => /^LANTERN-\d+$/.test(r[4]!))).toBe(true)
    const member = await loginAs((await createPerson('member')).user)
    await expect(csvRoute.loader({ request: get('/coordination.csv', member), params: {}, context: { clientIp: '', cspNonce: '' } })).rejects.toMatchObject({ init: { status: 403 } })
  })
})

describe('the who-what-where-when export from the workspace', () => {
  it('carries the workspace’s filters, so it lists every campaign of the pairs shown', async () => {
    const { default: Papa } = await import('papaparse')
    const { parsePairFilters } = await import('../../app/features/coordination/schemas')
    const { registryFilters } = await import('../../app/features/coordination/registry-filters')
    const csvRoute = await import('../../app/routes/campaigns[.]csv')
    const { coordinator: cookie } = await workspace()
    const query = '?country=UA&audience=migrant_workers&from=2026-01-01&to=2026-12-31'
    const pairs = (await clusters(cookie, query)).flat()
    expect(pairs.length).toBeGreaterThan(0)
    const link = registryFilters(parsePairFilters(new URLSearchParams(query)))
    expect(Object.fromEntries(link)).toEqual({ country: 'UA', audience: 'migrant_workers', from: '2026-01-01', to: '2026-12-31' })
    const res = (await csvRoute.loader({ request: get(`/campaigns.csv?${link}`, cookie), params: {}, context: { clientIp: '', cspNonce: '' } })) as Response
    const [header, , ...rows] = Papa.parse<string[]>((await res.text()).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    const titles = new Set(rows.map((r) => r[header!.indexOf('title')]))
    for (const p of pairs) {
      expect(titles).toContain(p.a.title)
      expect(titles).toContain(p.b.title)
    }
  })
})

describe('heat map and coverage', () => {
  it('agree with the campaign list: a subdivision-month count equals the campaigns listed there and then', async () => {
    const { coordinator: cookie } = await workspace()
    const data = (await invoke(coordination.loader, get('/coordination?country=UA&from=2026-05-01&to=2026-05-31', cookie))).data as {
      coverage: { subdivisions: string[]; months: string[]; heat: { subdivision: string; counts: number[] }[]; coverage: { audience: string; counts: number[] }[] }
    }
    const cov = data.coverage
    expect(cov.months).toEqual(['2026-05'])
    const lviv = cov.heat.find((r) => r.subdivision === 'UA-46')!.counts[0]!
    // The same question asked of the list: UA-46 (or all of Ukraine), running in May 2026, not a draft or archived.
    const { default: listRoute } = { default: await import('../../app/routes/campaigns._index') }
    const listed = ((await invoke(listRoute.loader, get('/campaigns?country=UA&subdivision=UA-46&year=2026', cookie))).data as {
      items: { status: string; startDate: string; endDate: string }[]
    }).items.filter((c) => !['draft', 'archived'].includes(c.status) && c.startDate <= '2026-05-31' && c.endDate >= '2026-05-01')
    expect(lviv).toBe(listed.length)
    expect(lviv).toBeGreaterThan(0)
    // Coverage: migrant workers are reached in Lviv oblast; children are a gap there.
    const row = (a: string) => cov.coverage.find((r) => r.audience === a)!.counts[cov.subdivisions.indexOf('UA-46')]
    expect(row('migrant_workers')).toBeGreaterThan(0)
    expect(row('children')).toBe(0)
  })
})
