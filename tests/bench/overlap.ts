// The live overlap check at scale (issue 4): 100,000 campaigns over five
// countries. Baseline, in the same run: the bare indexed candidate query as
// one prepared statement. Measured: the live check for a new campaign —
// candidate query, codes and scoring — over 1,000 random campaigns.
import { measure, report } from './measure'

const COUNTRIES = ['UA', 'MD', 'NP', 'PH', 'KE']
const N = 100_000

/** A small deterministic generator, so every run measures the same data. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export async function runOverlapBench() {
  const { db } = await import('../../app/services/db.server')
  const { insertCampaignTree } = await import('../../db/campaign-writes')
  const { subdivisionsOf } = await import('../../app/domain/countries')
  const { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, PURPOSES } = await import('../../app/domain/taxonomy')
  const { candidatesOf } = await import('../../app/services/overlap-pairs.server')
  const { overlapBetween } = await import('../../app/domain/overlap')
  const rand = random(42)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const some = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(list)))]
  const orgs = db.$client.prepare('select id from organisations').pluck().all() as number[]
  const regions = Object.fromEntries(COUNTRIES.map((c) => [c, subdivisionsOf(c).map((s) => s.code)]))
  const audiences = AUDIENCES.codes.filter((c) => c !== 'other')

  const generate = () => {
    const country = pick(COUNTRIES)
    const start = new Date(Date.UTC(2020, 0, 1) + Math.floor(rand() * 8 * 365) * 86_400_000)
    // Most awareness campaigns run two weeks to five months.
    const end = new Date(start.getTime() + (14 + Math.floor(rand() * 140)) * 86_400_000)
    return {
      title: 'Generated campaign',
      pillar: 'prevention' as const,
      country,
      subdivisions: rand() < 0.05 ? [] : some(regions[country]!, 3), // 1 in 20 covers the whole country
      startDate: start.toISOString().slice(0, 10),
      endDate: end.toISOString().slice(0, 10),
      audiences: some(audiences, 3).map((code) => ({ code, estimatedSize: null })),
      channels: some(CHANNELS.codes, 3),
      exploitationForms: some(EXPLOITATION_FORMS.codes, 2),
      purposes: some(PURPOSES.codes, 2),
    }
  }
  const started = Date.now()
  const statuses = ['planned', 'active', 'completed', 'evaluated', 'draft', 'archived'] as const
  db.$client.transaction(() => {
    for (let i = 0; i < N; i++) insertCampaignTree(db.$client, pick(orgs), null, generate(), [pick(statuses)])
  })()
  db.$client.pragma('optimize')
  console.log(`\nGenerated ${N.toLocaleString('en')} campaigns in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  // The same candidate query the app runs, as one hand-prepared statement.
  const bare = db.$client.prepare(`
    select c.id from campaigns c
    where c.country = ? and c.organisation_id <> ? and c.status in ('planned','active','completed','evaluated')
      and c.start_date <= ? and c.end_date >= ?
      and (not exists (select 1 from campaign_subdivisions s where s.campaign_id = c.id)
           or c.id in (select campaign_id from campaign_subdivisions where code in (select value from json_each(?))))`)
  const targets = Array.from({ length: 1000 }, () => ({ ...generate(), organisationId: pick(orgs) }))
  let i = 0
  const next = () => targets[i++ % targets.length]!
  const { relatedSubdivisions } = await import('../../app/domain/countries')
  const baseline = await measure(() => {
    const t = next()
    return bare.all(t.country, t.organisationId, t.endDate, t.startDate, JSON.stringify([...new Set(t.subdivisions.flatMap(relatedSubdivisions))]))
  }, 1000)
  let found = 0
  const live = await measure(() => {
    const t = next()
    const target = { id: 0, organisationId: t.organisationId, status: 'draft' as const, country: t.country, subdivisions: t.subdivisions, startDate: t.startDate, endDate: t.endDate, audiences: t.audiences.map((a) => a.code), channels: t.channels, exploitationForms: t.exploitationForms, purposes: t.purposes }
    for (const { other } of candidatesOf(target)) if (overlapBetween(target, other, { draftsOf: t.organisationId })) found++
  }, 1000)
  report('Live overlap check, 100,000 campaigns (1,000 random new campaigns)', [['baseline: bare indexed candidate query', baseline], ['live check: candidates + codes + scoring', live]], baseline)
  console.log(`  overlaps found per check: ${(found / 1000).toFixed(1)} on average`)
}
