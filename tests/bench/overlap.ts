// The live overlap check at scale: 100,000 campaigns over five
// countries. Baseline, in the same run: the bare indexed candidate query as
// one prepared statement. Measured: the live check for a new campaign —
// candidate query, codes and scoring — over 1,000 random campaigns.
import { measure, report } from './measure'
import { aWrite, demoDatabase } from './demo-data'
import { record } from './summary'
import { random } from '../../db/random'

const COUNTRIES = ['UA', 'MD', 'NP', 'PH', 'KE']
const N = 100_000

export async function runOverlapBench() {
  const db = await demoDatabase()
  const { insertCampaignTree } = await import('../../db/campaign-writes')
  const { subdivisionsOf } = await import('../../app/shared/taxonomy/subdivisions')
  const { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, PURPOSES } = await import('../../app/shared/taxonomy/taxonomy')
  const { candidateParams, candidateSql, candidatesOf } = await import('../../app/features/overlap/pairs.server')
  const { overlapScoreOf, reasonsFor, scoreProfiles, toProfile } = await import('../../app/features/overlap/scoring')
  const { overlapsOf } = await import('../../app/features/coordination/overlaps.server')
  const rand = random(42)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const some = <T>(list: readonly T[], max: number) => [...new Set(Array.from({ length: 1 + Math.floor(rand() * max) }, () => pick(list)))]
  // Run alone, this bench needs the demo organisations (the session bench seeds them too).
  const orgs = db.$client.prepare('select id from organisations').pluck().all() as number[]
  const regions_ = Object.fromEntries(COUNTRIES.map((c) => [c, subdivisionsOf(c).map((s) => s.code)]))
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
      subdivisions: rand() < 0.05 ? [] : some(regions_[country]!, 3), // 1 in 20 covers the whole country
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

  // Baseline: the bare indexed candidate search — the same statement the app
  // runs, returning only the ids — prepared once.
  const bare = db.$client.prepare(candidateSql('r.campaign_id'))
  const targets = Array.from({ length: 1000 }, () => ({ ...generate(), organisationId: pick(orgs) }))
  let i = 0
  const next = () => targets[i++ % targets.length]!
  const asTarget = (t: (typeof targets)[number]) => ({
    id: 0, organisationId: t.organisationId, status: 'draft' as const, country: t.country, subdivisions: t.subdivisions, startDate: t.startDate, endDate: t.endDate,
    audiences: t.audiences.map((a) => a.code), channels: t.channels, exploitationForms: t.exploitationForms, purposes: t.purposes,
  })
  // A planner's own draft takes part in their own check.
  const profile = (t: (typeof targets)[number]) => toProfile(asTarget(t), { draftsOf: t.organisationId })!
  const baseline = await measure(() => bare.all(candidateParams(profile(next()))), 1000)
  let candidates = 0
  const query = await measure(() => {
    candidates += candidatesOf(profile(next())).length
  }, 1000)
  let found = 0
  const scoring = await measure(() => {
    const target = profile(next())
    const scored = candidatesOf(target).flatMap((other) => {
      const score = overlapScoreOf(target, other)
      return score === null ? [] : [{ other, score }]
    })
    found += scored.length
    for (const { other } of scored.sort((x, y) => y.score - x.score).slice(0, 20)) reasonsFor(scoreProfiles(target, other)!, target.country)
  }, 1000)
  // The service the live-check route calls, for a planner's draft with unsaved fields.
  const planner = db.$client.prepare("select organisation_id from memberships where role = 'org_admin' limit 1").pluck().get() as number
  const actor = { userId: 0, isPlatformAdmin: false, membership: { organisationId: planner, role: 'org_admin' as const, organisationApproved: true } }
  const draftId = db.$client.transaction(() => insertCampaignTree(db.$client, planner, null, { title: 'Draft being planned', pillar: 'prevention' }))()
  const live = await measure(async () => {
    const { organisationId: _other, ...unsaved } = asTarget(next())
    await overlapsOf(actor, draftId, { unsaved: { ...unsaved, id: draftId, status: 'draft' } })
  }, 1000)
  report('Live overlap check, 100,000 campaigns (1,000 random new campaigns)', [
    ['baseline: bare indexed candidate search', baseline],
    ['candidate query with what scoring needs', query],
    ['candidates, scored, the closest 20 described in words', scoring],
    ['live check: the service the route calls', live],
  ], baseline)
  console.log(`  per check: ${(candidates / 1200).toFixed(0)} candidates, ${(found / 1200).toFixed(0)} overlaps on average`)
  record({ bench: 'overlap', figure: 'live check, median (baseline: bare candidate search)', value: live.median, baseline: baseline.median, unit: 'µs', goal: { of: 'ratio', atMost: 3 } })
  record({ bench: 'overlap', figure: 'live check, p95', value: live.p95 / 1000, unit: 'ms', goal: { of: 'value', atMost: 5 } })

  // The coordination workspace's first page for one country, with every pair of that country stored.
  const { rebuildPairsOf } = await import('../../app/features/overlap/pairs.server')
  const { listPairClusters, coverageOf } = await import('../../app/features/coordination/coordination.server')
  const { parsePairFilters } = await import('../../app/features/coordination/schemas')
  const built = Date.now()
  rebuildPairsOf('MD')
  const pairs = db.$client.prepare("select count(*) from overlap_pairs where country = 'MD'").pluck().get() as number
  console.log(`\nStored ${pairs.toLocaleString('en')} overlapping pairs in MD in ${((Date.now() - built) / 1000).toFixed(1)} s`)
  // Overlap review is the coordinators' work: a platform administrator may not do it.
  const coordinating = db.$client.prepare("select user_id as userId, organisation_id as organisationId from memberships where role = 'coordinator' limit 1").get() as { userId: number; organisationId: number }
  const coordinator = { userId: coordinating.userId, isPlatformAdmin: false, membership: { organisationId: coordinating.organisationId, role: 'coordinator' as const, organisationApproved: true } }
  const filters = parsePairFilters(new URLSearchParams({ country: 'MD' }))
  // The workspace keeps a page until the database changes: a write before each run makes every one compute it.
  const workspacePage = async () => {
    await listPairClusters(coordinator, filters)
    await coverageOf(coordinator, 'MD', filters)
  }
  const firstPage = await measure(async () => {
    await aWrite()
    await workspacePage()
  }, 20)
  const keptPage = await measure(workspacePage, 200)
  const pageBaseline = db.$client.prepare("select * from overlap_pairs where country = 'MD' order by score desc limit 100")
  const bareFirst = await measure(() => pageBaseline.all(), 200)
  report('Coordination workspace, first page for MD', [
    ['baseline: first 100 pairs by score, one statement', bareFirst],
    ['workspace loader: pairs, clusters, heat map, coverage, after a write', firstPage],
    ['the same, nothing written since', keptPage],
  ], bareFirst)
  record({ bench: 'overlap', figure: 'coordination workspace services, first page for MD, after a write, median (baseline: first 100 pairs)', value: firstPage.median / 1000, baseline: bareFirst.median / 1000, unit: 'ms' })
  record({ bench: 'overlap', figure: 'coordination workspace services, first page for MD, nothing written since, median', value: keptPage.median / 1000, unit: 'ms' })
}
