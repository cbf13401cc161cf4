import { generateSurvey, type SurveyPlan } from '../../db/survey-generator'
import { db } from '../../app/shared/db.server'
import { createCampaign, indicatorsOf, type CampaignOptions } from './campaigns'

// Survey answers for a campaign, drawn by the same seeded generator as the
// demo's, from a plan that says what the waves should show.

export type { SurveyPlan }

/** A panel (the same people twice) with a clear gain in knowing the hotline and in a knowledge score. */
export const PANEL_GAIN: SurveyPlan = {
  prefix: 'PAN',
  design: 'panel',
  n: 240,
  binary: [{ code: 'knows_hotline', pre: 0.34, post: 0.61 }, { code: 'knows_signs', pre: 0.28, post: 0.52 }],
  likert: [{ code: 'would_report', pre: 3.1, post: 3.7 }],
  score: { code: 'knowledge_score', pre: 4.3, post: 6.0 },
}

/** Cross-sections of the campaign's people and of a comparison group: a difference in differences. */
export const WITH_COMPARISON: SurveyPlan = {
  prefix: 'CMP',
  design: 'cross_section',
  n: 150,
  binary: [{ code: 'knows_hotline', pre: 0.38, post: 0.63 }],
  likert: [{ code: 'would_check_agency', pre: 3.2, post: 3.9 }],
  comparison: { n: 120, binary: [{ code: 'knows_hotline', pre: 0.37, post: 0.42 }], likert: [{ code: 'would_check_agency', pre: 3.2, post: 3.3 }] },
}

/**
 * Writes the plan's questions, waves and answers; the hotline question
 * measures the campaign's first indicator unless `linked` is false. The
 * summaries are derived data and are built on the next read, as for any
 * campaign written outside the results flow.
 */
export function createSurvey(campaignId: number, plan: SurveyPlan = PANEL_GAIN, { linked = true, seed = 2026 } = {}) {
  const indicatorId = linked ? (indicatorsOf(campaignId)[0]?.id ?? null) : null
  // The same seed every time: a test's answers do not depend on what ran before it.
  return db.transaction(() => generateSurvey(db.$client, campaignId, plan, { seed, indicatorId }))
}

/** How many responses a campaign's waves hold, by kind and group. */
export function responseCount(campaignId: number, kind?: 'baseline' | 'endline'): number {
  return db.$client
    .prepare("select count(*) from survey_responses r join survey_waves w on w.id = r.wave_id where w.campaign_id = ? and (? is null or w.kind = ?)")
    .pluck()
    .get(campaignId, kind ?? null, kind ?? null) as number
}

/**
 * A campaign that ran in spring 2025 and was surveyed before and after by the
 * plan (a panel with a clear gain unless told), its first indicator measured
 * by the hotline question. Evaluated unless told.
 */
export function createSurveyedCampaign(organisation: { id: number }, { plan = PANEL_GAIN, status = 'evaluated', ...options }: CampaignOptions & { plan?: SurveyPlan } = {}): number {
  const id = createCampaign(organisation, { status, startDate: '2025-03-01', endDate: '2025-05-31', ...options })
  createSurvey(id, plan)
  return id
}

type NewQuestion = { code: string; text: string; type: 'binary' | 'single_choice' | 'likert' | 'score' | 'free_text'; desired?: string | null; options?: readonly { code: string; label: string }[]; min?: number | null; max?: number | null }
type NewWave = { kind: 'baseline' | 'endline' | 'follow_up'; group: 'campaign' | 'comparison'; design: 'panel' | 'cross_section' }

/** An instrument and waves with no answers yet, as a planner leaves them before fieldwork. */
export function createInstrument(campaignId: number, questions: NewQuestion[], waves: NewWave[]) {
  const addQuestion = db.$client.prepare('insert into survey_questions (campaign_id, position, code, text, type, desired, options, min, max) values (?, ?, ?, ?, ?, ?, ?, ?, ?)')
  const addWave = db.$client.prepare('insert into survey_waves (campaign_id, kind, "group", design, sampling_notes) values (?, ?, ?, ?, ?)')
  db.$client.transaction(() => {
    questions.forEach((q, i) => addQuestion.run(campaignId, i, q.code, q.text, q.type, q.desired ?? null, JSON.stringify(q.options ?? []), q.min ?? null, q.max ?? null))
    for (const w of waves) addWave.run(campaignId, w.kind, w.group, w.design, '')
  })()
}
