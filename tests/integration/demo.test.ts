import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import * as login from '../../app/routes/login'
import { invoke, post } from './helpers'

// The demo's own tests: `npm run demo` loads it into an empty database, and
// the stories it exists to show hold. No other test reads demo content.

vi.hoisted(() => {
  process.env.LANTERN_DEMO = '1'
})

const { db } = await import('../../app/shared/db.server')
const { startup } = await import('../../app/startup.server')
const { storedAnalysis, summarisedIndicators } = await import('../../app/features/results/index.server')
const { progressWords } = await import('../../app/features/results/progress')
const { DID_GROUP } = await import('../../app/features/results/impact')
const { DEMO_PASSWORD, DEMO_USERS } = await import('../../db/demo')
const { campaignIatiXml, campaignsIatiXml } = await import('../../app/features/exports/index.server')
const { campaignIdsInView, dashboardOf } = await import('../../app/features/dashboards/index.server')
const { iatiRuleFailures } = await import('../iati-rules')
const { iatiSchemaErrors } = await import('../iati-schema')
const { addQuestions, addWave, importPlan, runImport, storeUpload, surveyOf, surveyResponsesCsv } = await import('../../app/features/surveys/index.server')
const { changeResults } = await import('../../app/features/results/flow.server')
const { actorOf, createCampaign, createUser } = await import('../factories')
const Papa = (await import('papaparse')).default

type Finished = { id: number; title: string; organisationId: number }
let finished: Finished[] = []
const records = async () => (await Promise.all(finished.map(async (c) => (await storedAnalysis(c.id)).records.map((r) => ({ ...r, campaign: c.title }))))).flat()

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {})
  // The same path as a server started with LANTERN_DEMO=1 on an empty database.
  await startup()
  finished = db.$client.prepare("select id, title, organisation_id as organisationId from campaigns where status in ('completed', 'evaluated')").all() as Finished[]
})

describe('the demo data', () => {
  it('loads into an empty database: organisations, people of every role, campaigns of every status', () => {
    const count = (sql: string) => db.$client.prepare(sql).pluck().get() as number
    expect(count('select count(*) from organisations')).toBeGreaterThan(5)
    expect(count('select count(*) from organisations where approved_at is null')).toBeGreaterThan(0)
    const roles = db.$client.prepare('select distinct role from memberships').pluck().all()
    expect(roles.sort()).toEqual(['coordinator', 'donor', 'member', 'org_admin'])
    expect(count('select count(*) from users where is_platform_admin = 1')).toBe(1)
    const statuses = db.$client.prepare('select distinct status from campaigns').pluck().all()
    expect(statuses.sort()).toEqual(['active', 'archived', 'completed', 'draft', 'evaluated', 'planned'])
  })

  it('every demo log-in in the README works', async () => {
    const readme = readFileSync('README.md', 'utf8')
    for (const { email } of DEMO_USERS) {
      expect(readme).toContain(email)
      const result = await invoke(login.action, post('/login', { email, password: DEMO_PASSWORD }))
      expect(result.status, email).toBe(302)
    }
  })

  it('shows campaigns of different organisations overlapping, some of them highly', () => {
    const pairs = db.$client
      .prepare(
        `select p.level, a.organisation_id as a, b.organisation_id as b from overlap_pairs p
         join campaigns a on a.id = p.campaign_a join campaigns b on b.id = p.campaign_b`,
      )
      .all() as { level: string; a: number; b: number }[]
    expect(pairs.length).toBeGreaterThan(5)
    expect(pairs.every((p) => p.a !== p.b)).toBe(true)
    expect(pairs.some((p) => p.level === 'high')).toBe(true)
  })

  it('gives every completed or evaluated campaign a baseline and an endline with answers', () => {
    const waves = db.$client
      .prepare(
        `select w.campaign_id as campaignId, w.kind, count(r.id) as n from survey_waves w left join survey_responses r on r.wave_id = w.id
         where w.campaign_id in (select id from campaigns where status in ('completed', 'evaluated')) group by w.id`,
      )
      .all() as { campaignId: number; kind: string; n: number }[]
    expect(finished.length).toBeGreaterThan(5)
    for (const c of finished) {
      const own = waves.filter((w) => w.campaignId === c.id)
      expect(own.map((w) => w.kind), c.title).toEqual(expect.arrayContaining(['baseline', 'endline']))
      expect(own.every((w) => w.n >= 40), c.title).toBe(true)
    }
  })

  it('tells the stories it exists for: a clear gain, a null result, a decline, a panel, a comparison group, a follow-up', async () => {
    const all = await records()
    const campaignGroup = all.filter((r) => r.group === 'campaign' && r.pValue !== null && r.change !== null)
    const gain = campaignGroup.find((r) => r.change! > 0 && r.pValue! < 0.01)
    expect(gain, 'a clear gain').toBeDefined()
    const nil = campaignGroup.find((r) => r.pValue! > 0.2 && Math.abs(r.change!) < 0.05)
    expect(nil, 'a null result').toBeDefined()
    const decline = campaignGroup.find((r) => r.change! < 0 && r.pValue! < 0.05)
    expect(decline, 'a decline').toBeDefined()
    expect(all.some((r) => r.design === 'panel' && (r.nPairs ?? 0) > 30), 'a panel').toBe(true)
    expect(all.some((r) => r.group === DID_GROUP && r.change !== null), 'a comparison group').toBe(true)
    expect(all.some((r) => r.comparison === 'baseline_follow_up' && r.change !== null), 'a follow-up: did it last?').toBe(true)
    const clustered = all.filter((r) => r.sampling === 'cluster')
    expect(clustered.length, 'a cluster sample').toBeGreaterThan(0)
    expect(clustered.every((r) => r.method === 'svyglm_change' || r.method === 'svyglm_did'), 'analysed design-based').toBe(true)
    expect(clustered.some((r) => r.group === DID_GROUP && r.pValue !== null), 'with its difference in differences').toBe(true)
    expect(clustered.find((r) => r.group === 'campaign')).toMatchObject({ clusterUnit: 'village', clustersPre: 20 })
    // Every demo survey says how it was drawn: no result falls back to a simple random analysis for want of it.
    expect(all.filter((r) => r.sampling === null)).toEqual([])
  })

  it('shows a campaign whose outcome moved away from its target, and says so in words', async () => {
    const moved = (await Promise.all(finished.map(async (c) => (await summarisedIndicators(c.id)).filter((i) => i.result.progress.kind === 'away')))).flat()
    expect(moved.length, 'an outcome that moved away from its target').toBeGreaterThan(0)
    expect(progressWords(moved[0]!.result.progress)).toBe('Moved away from the target')
    // And no planned target of the demo sits on the wrong side of its baseline.
    const wrongSide = (await Promise.all(finished.map(async (c) => (await summarisedIndicators(c.id)).filter((i) => i.result.progress.kind === 'target_wrong_side')))).flat()
    expect(wrongSide.map((i) => i.name)).toEqual([])
  })

  it('exports IATI files the official schema accepts and the IATI Validator’s rules find no error in', async () => {
    const donor = DEMO_USERS.find((u) => u.role === 'donor')!
    const row = db.$client.prepare('select u.id as userId, m.organisation_id as organisationId from users u join memberships m on m.user_id = u.id where u.email = ?').get(donor.email) as { userId: number; organisationId: number }
    const actor = { userId: row.userId, isPlatformAdmin: false, membership: { organisationId: row.organisationId, role: 'donor' as const, organisationApproved: true } }
    const exportable = db.$client.prepare("select id from campaigns where status != 'draft' and visibility != 'private'").pluck().all() as number[]
    const files = [
      ...(await Promise.all(exportable.map((id) => campaignIatiXml(actor, id)))),
      ...(await Promise.all((await dashboardOf(actor, new URLSearchParams())).iatiFiles.map(async (f) => campaignsIatiXml(actor, await campaignIdsInView(actor, new URLSearchParams({ organisation: String(f.organisationId) })))))),
    ]
    expect(files.length).toBeGreaterThan(10)
    for (const xml of files) {
      expect(await iatiSchemaErrors(xml)).toEqual([])
      expect(iatiRuleFailures(xml).filter((f) => f.severity === 'error')).toEqual([])
    }
  }, 60_000)

  it('exports every demo survey in the import layout, and each export imports again unedited: no column flagged, no hand decision', async () => {
    for (const c of finished) {
      const actor = await actorOf(await createUser({ organisation: { id: c.organisationId }, role: 'org_admin' }))
      const survey = await surveyOf(actor, c.id)
      const exported = await surveyResponsesCsv(actor, c.id)
      // A fresh campaign of the same organisation with the same instrument and waves.
      const copy = createCampaign({ id: c.organisationId }, { status: 'active', indicators: [] })
      const questions = survey.questions.map((q) => ({ code: q.code, text: q.text, type: q.type, desired: q.desired, options: [...q.options], min: q.min, max: q.max, indicatorId: null }))
      expect((await changeResults(actor, copy, (change) => addQuestions(change, questions))).ok, c.title).toBe(true)
      for (const w of survey.waves) expect((await addWave(actor, copy, { kind: w.kind, group: w.group, design: w.design, samplingNotes: '', sampling: w.sampling ?? undefined, clusterUnit: w.clusterUnit ?? undefined })).ok).toBe(true)
      const upload = await storeUpload(actor, copy, 'export.csv', Papa.unparse({ fields: exported.fields, data: exported.rows }))
      const plan = await importPlan(actor, copy, upload)
      expect(plan.personal.filter(Boolean), c.title).toEqual([])
      expect(plan.mapping, c.title).not.toContain('choose')
      expect(plan.problems, c.title).toEqual([])
      expect(await changeResults(actor, copy, (change) => runImport(change, upload, {})), c.title).toMatchObject({ ok: true, created: exported.rows.length })
    }
  }, 120_000)
})
