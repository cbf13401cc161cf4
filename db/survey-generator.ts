import type Database from 'better-sqlite3'
import { dayNumber, isoDay } from '../app/features/overlap/scoring'
import { starterQuestions } from '../app/features/surveys/starters'
import { random } from './random'

// Writes a survey — suggested questions, baseline and endline waves (and a
// follow-up of the campaign group where the plan gives one) and
// seeded, realistic answers — for one campaign, from a plan of the shares and
// means each wave should show. The demo and the tests' factories both use it,
// so a test can ask for "a panel with a clear gain" without relying on the demo.

const shiftDays = (date: string, days: number) => isoDay(dayNumber(date) + days)

/** What a wave should show: at baseline, at endline and, if the plan has a follow-up, six months after the end. */
export type Binary = { code: string; pre: number; post: number; followUp?: number }
export type Mean = { code: string; pre: number; post: number; followUp?: number }
export type SurveyPlan = {
  prefix: string
  design: 'panel' | 'cross_section'
  n: number
  binary: Binary[]
  likert?: Mean[]
  score?: Mean
  /** A comparison group the campaign did not reach, surveyed in both waves. */
  comparison?: { n: number; binary: Binary[]; likert?: Mean[]; score?: Mean }
  /**
   * How respondents were drawn, as the waves declare it: a simple random
   * sample, or places first (villages of `size` respondents whose answers
   * share a place effect of standard deviation `spread`); undeclared if absent.
   */
  sampling?: 'simple_random' | { unit: string; size: number; spread: number; designEffect: number }
}

/** A standard normal draw (Box–Muller). */
const normal = (rand: () => number) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
const logit = (p: number) => Math.log(p / (1 - p))
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

export type GeneratedSurvey = { questionIds: Map<string, number>; waveIds: { kind: 'baseline' | 'endline' | 'follow_up'; group: string; id: number }[] }

/**
 * Writes the plan's survey for a campaign (call inside a transaction). The
 * question `linkedCode` measures `indicatorId` when both are given. Fieldwork
 * is dated the three weeks before the campaign's start and after its end.
 */
export function generateSurvey(
  sqlite: Database.Database,
  campaignId: number,
  plan: SurveyPlan,
  { seed, indicatorId = null, linkedCode = 'knows_hotline' }: { seed: number; indicatorId?: number | null; linkedCode?: string },
): GeneratedSurvey {
  const addQuestion = sqlite.prepare(`insert into survey_questions (campaign_id, position, code, text, type, desired, options, min, max, indicator_id)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const insertWave = sqlite.prepare(`insert into survey_waves (campaign_id, kind, "group", design, start_date, end_date, target_size, sampling_notes, baseline_wave_id, sampling, cluster_unit, design_effect)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const clusters = typeof plan.sampling === 'object' ? plan.sampling : null
  const declared = clusters ? ['cluster', clusters.unit, clusters.designEffect] : [plan.sampling ?? null, null, null]
  const notes = clusters ? `${clusters.unit[0]!.toUpperCase()}${clusters.unit.slice(1)}s drawn first, then ${clusters.size} people in each.` : 'Random sample of the target group.'
  const addWave = (kind: string, group: string, from: string, to: string, size: number, samplingNotes: string, baselineId: number | null) =>
    Number(insertWave.run(campaignId, kind, group, plan.design, from, to, size, samplingNotes, baselineId, ...declared).lastInsertRowid)
  const addResponse = sqlite.prepare('insert into survey_responses (wave_id, respondent_code, sex, age_band, cluster) values (?, ?, ?, ?, ?)')
  const addAnswer = sqlite.prepare('insert into survey_answers (response_id, question_id, value) values (?, ?, ?)')
  const rand = random(seed)
  const codes = [...plan.binary.map((b) => b.code), ...(plan.likert ?? []).map((l) => l.code), ...(plan.score ? [plan.score.code] : [])]
  const questionIds = new Map<string, number>()
  codes.forEach((code, position) => {
    const q = starterQuestions().find((s) => s.code === code)!
    const indicator = code === linkedCode ? indicatorId : null
    const row = addQuestion.run(campaignId, position, q.code, q.text, q.type, q.desired, JSON.stringify(q.options), q.min, q.max, indicator)
    questionIds.set(code, Number(row.lastInsertRowid))
  })
  const { start_date: start, end_date: end } = sqlite.prepare('select start_date, end_date from campaigns where id = ?').get(campaignId) as { start_date: string; end_date: string }
  const waveIds: GeneratedSurvey['waveIds'] = []
  const groups = [{ group: 'campaign', ...plan }, ...(plan.comparison ? [{ group: 'comparison', ...plan.comparison }] : [])]
  for (const g of groups) {
    // Fieldwork: the three weeks before the campaign starts, and the three weeks after it ends.
    const baseline = addWave('baseline', g.group, shiftDays(start, -21), shiftDays(start, -1), g.n, notes, null)
    const endline = addWave('endline', g.group, shiftDays(end, 1), shiftDays(end, 21), g.n, notes, plan.design === 'panel' ? baseline : null)
    waveIds.push({ kind: 'baseline', group: g.group, id: baseline }, { kind: 'endline', group: g.group, id: endline })
    // A follow-up of the campaign group, six months on, where the plan says what it should show.
    const measures = [...g.binary, ...(g.likert ?? []), ...(g.score ? [g.score] : [])]
    const followUp =
      g.group === 'campaign' && measures.some((m) => m.followUp !== undefined)
        ? addWave('follow_up', g.group, shiftDays(end, 180), shiftDays(end, 200), g.n, 'The same sample, six months after the campaign.', plan.design === 'panel' ? baseline : null)
        : null
    if (followUp) waveIds.push({ kind: 'follow_up', group: g.group, id: followUp })
    // Each respondent has a latent knowledge, shared in part with their place in a cluster sample; in a panel the same person answers twice.
    const placeOf = (i: number) => (clusters ? Math.floor(i / clusters.size) : -1)
    const places = clusters ? Array.from({ length: placeOf(g.n - 1) + 1 }, () => clusters.spread * normal(rand)) : []
    const shared = (i: number) => (clusters ? places[placeOf(i)]! : 0)
    const clusterOf = (i: number) => (clusters ? `${plan.prefix}-${g.group === 'comparison' ? 'C' : 'T'}${String(placeOf(i) + 1).padStart(2, '0')}` : null)
    const people = Array.from({ length: g.n }, (_, i) => ({ ability: normal(rand) + shared(i), sex: rand() < 0.52 ? 'female' : 'male', age: ['18-24', '25-34', '35-49', '50+'][Math.floor(rand() * 4)]! }))
    const waves = [[baseline, 'pre'], [endline, 'post'], ...(followUp ? [[followUp, 'followUp'] as const] : [])] as const
    // A measure without a follow-up value holds its endline level.
    const at = (m: Binary | Mean, when: 'pre' | 'post' | 'followUp') => (when === 'followUp' ? (m.followUp ?? m.post) : m[when])
    for (const [wave, when] of waves) {
      people.forEach((person, i) => {
        // A panel loses a few people between the waves, as real ones do.
        if (plan.design === 'panel' && when !== 'pre' && rand() < 0.06) return
        const ability = plan.design === 'panel' ? person.ability : normal(rand) + shared(i)
        const who = plan.design === 'panel' ? person : { sex: rand() < 0.52 ? 'female' : 'male', age: person.age }
        const code = `${plan.prefix}-${g.group === 'comparison' ? 'C' : 'T'}${plan.design === 'panel' ? '' : when === 'pre' ? 'B' : when === 'post' ? 'E' : 'F'}-${String(i + 1).padStart(3, '0')}`
        const responseId = addResponse.run(wave, code, who.sex, who.age, clusterOf(i)).lastInsertRowid
        for (const b of g.binary) {
          const p = 1 / (1 + Math.exp(-(logit(at(b, when)) + 0.9 * ability)))
          addAnswer.run(responseId, questionIds.get(b.code), rand() < p ? '1' : '0')
        }
        for (const l of g.likert ?? []) addAnswer.run(responseId, questionIds.get(l.code), String(clamp(Math.round(at(l, when) + 0.5 * ability + 0.8 * normal(rand)), 1, 5)))
        if (g.score && rand() > 0.03) addAnswer.run(responseId, questionIds.get(g.score.code), String(clamp(Math.round(at(g.score, when) + 1.2 * ability + 1.2 * normal(rand)), 0, 10)))
      })
    }
  }
  return { questionIds, waveIds }
}
