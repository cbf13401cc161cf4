// The demo database grown to the outcome dashboard's scale: 2,000 campaigns
// with 2,000,000 survey responses, their summaries refreshed as after their
// imports (each refresh timed) and their overlapping pairs stored. Grown once
// per run, by whichever bench needs it first.
import type { Timing } from './measure'
import { demoDatabase } from './demo-data'
import { random } from '../../db/random'

const CAMPAIGNS = 2_000
const PER_WAVE = 500 // two waves: 1,000 responses a campaign, 2,000,000 in all
const COUNTRIES = ['UA', 'MD', 'NP', 'PH', 'KE']

let grown: ReturnType<typeof grow> | undefined

export function dashboardDatabase() {
  grown ??= grow()
  return grown
}

async function grow() {
  const db = await demoDatabase()
  const { insertCampaignTree } = await import('../../db/campaign-writes')
  const { refreshSummaries } = await import('../../app/features/results/summaries.server')
  const { rebuildPairsOf } = await import('../../app/features/overlap/pairs.server')
  const sqlite = db.$client
  const rand = random(7)
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
  const orgs = sqlite.prepare("select id from organisations where type <> 'donor' and approved_at is not null").pluck().all() as number[]
  const funder = sqlite.prepare("select id from organisations where name = 'Northlight Foundation'").pluck().get() as number
  const hotline = sqlite.prepare("select id from standard_indicators where code = 'knows_hotline_pct'").pluck().get() as number
  const coordinator = sqlite.prepare("select u.id, m.organisation_id as organisationId from users u join memberships m on m.user_id = u.id where m.role = 'coordinator'").get() as { id: number; organisationId: number }
  const actor = { userId: coordinator.id, isPlatformAdmin: false, membership: { organisationId: coordinator.organisationId, role: 'coordinator' as const, organisationApproved: true } }

  const started = Date.now()
  const addQuestion = sqlite.prepare("insert into survey_questions (campaign_id, position, code, text, type, desired, indicator_id) values (?, 0, 'knows_hotline', 'Do you know the hotline number?', 'binary', '1', ?)")
  const addWave = sqlite.prepare("insert into survey_waves (campaign_id, kind, \"group\", design) values (?, ?, 'campaign', 'cross_section')")
  const addResponse = sqlite.prepare('insert into survey_responses (wave_id, respondent_code) values (?, ?)')
  const addAnswer = sqlite.prepare('insert into survey_answers (response_id, question_id, value) values (?, ?, ?)')
  const indicatorOf = sqlite.prepare('select i.id from indicators i join objectives o on o.id = i.objective_id where o.campaign_id = ?').pluck()
  const ids: number[] = []
  sqlite.transaction(() => {
    for (let n = 0; n < CAMPAIGNS; n++) {
      const start = new Date(Date.UTC(2022, 0, 1) + Math.floor(rand() * 4 * 365) * 86_400_000)
      const end = new Date(start.getTime() + (30 + Math.floor(rand() * 120)) * 86_400_000)
      const id = insertCampaignTree(
        sqlite,
        pick(orgs),
        null,
        {
          title: `Generated campaign ${n + 1}`,
          pillar: 'prevention',
          country: pick(COUNTRIES),
          startDate: start.toISOString().slice(0, 10),
          endDate: end.toISOString().slice(0, 10),
          budget: 5_000 + Math.floor(rand() * 50_000),
          currency: 'EUR',
          audiences: [{ code: 'youth_students', estimatedSize: 1_000 + Math.floor(rand() * 20_000) }],
          channels: ['social_media', 'school_sessions'],
          funderIds: rand() < 0.5 ? [funder] : [],
          objectives: [
            {
              statement: 'The people reached know the hotline',
              indicators: [
                { name: 'Know the hotline', level: 'outcome', unit: 'percent', direction: 'increase', baseline: null, baselineAtSurvey: true, target: 60, meansOfVerification: '', standardIndicatorId: hotline },
              ],
            },
          ],
        },
        ['draft', 'planned', 'active', 'completed', 'evaluated'],
      )
      ids.push(id)
      const question = Number(addQuestion.run(id, indicatorOf.get(id)).lastInsertRowid)
      const [pre, post] = [0.3 + rand() * 0.2, 0.4 + rand() * 0.3]
      for (const [kind, p] of [['baseline', pre], ['endline', post]] as const) {
        const wave = Number(addWave.run(id, kind).lastInsertRowid)
        for (let r = 0; r < PER_WAVE; r++) {
          const response = addResponse.run(wave, `${kind[0]}-${r}`).lastInsertRowid
          addAnswer.run(response, question, rand() < p ? '1' : '0')
        }
      }
    }
  })()
  sqlite.pragma('optimize')
  const responses = sqlite.prepare('select count(*) from survey_responses').pluck().get() as number
  console.log(`\nGenerated ${CAMPAIGNS.toLocaleString('en')} campaigns with ${responses.toLocaleString('en')} responses in ${((Date.now() - started) / 1000).toFixed(1)} s`)

  // Every campaign's summaries, as after its import; each refresh timed.
  const refreshes: number[] = []
  for (const id of ids) {
    const t = process.hrtime.bigint()
    await refreshSummaries(id)
    refreshes.push(Number(process.hrtime.bigint() - t) / 1000)
  }
  refreshes.sort((a, b) => a - b)
  const refresh: Timing = { median: refreshes[Math.floor(refreshes.length / 2)]!, p95: refreshes[Math.floor(refreshes.length * 0.95)]! }

  for (const country of COUNTRIES) rebuildPairsOf(country)
  return { db, ids, refresh, coordinator, actor }
}
