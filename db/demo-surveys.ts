import type Database from 'better-sqlite3'
import { dayNumber, isoDay } from '../app/features/overlap/scoring'
import { generateSurvey, type SurveyPlan } from './survey-generator'

const shiftDays = (date: string, days: number) => isoDay(dayNumber(date) + days)

// Survey data for the demo campaigns that reached completed or evaluated,
// drawn with a fixed seed so every demo shows the same results. The effects
// vary as real evaluations do: clear gains, a null result, one decline; one
// panel (the same respondents twice), one cross-section with a comparison group.

export const DEMO_SURVEY_PLANS: Record<string, SurveyPlan> = {
  // A panel with a clear gain, followed up six months later: part of it lasted.
  'School talks on online recruitment (2025)': {
    prefix: 'SCH',
    design: 'panel',
    n: 240,
    binary: [{ code: 'knows_hotline', pre: 0.34, post: 0.61, followUp: 0.5 }, { code: 'knows_signs', pre: 0.28, post: 0.52, followUp: 0.47 }],
    likert: [{ code: 'would_report', pre: 3.1, post: 3.7, followUp: 3.5 }],
    score: { code: 'knowledge_score', pre: 4.3, post: 6.0, followUp: 5.4 },
  },
  // Cross-sections with a comparison group, villages drawn first: the difference in differences of a cluster sample.
  'Returnee peer educators, Bāgmatī': {
    prefix: 'BAG',
    design: 'cross_section',
    n: 220,
    sampling: { unit: 'village', size: 11, spread: 0.7, designEffect: 1.8 },
    binary: [{ code: 'knows_hotline', pre: 0.38, post: 0.63 }, { code: 'fee_is_warning', pre: 0.41, post: 0.66 }],
    likert: [{ code: 'would_check_agency', pre: 3.2, post: 3.9 }],
    comparison: { n: 180, binary: [{ code: 'knows_hotline', pre: 0.37, post: 0.42 }, { code: 'fee_is_warning', pre: 0.4, post: 0.45 }], likert: [{ code: 'would_check_agency', pre: 3.2, post: 3.3 }] },
  },
  // A null result.
  'Online sexual exploitation of children: parents’ guide': {
    prefix: 'PAR',
    design: 'cross_section',
    n: 200,
    binary: [{ code: 'knows_hotline', pre: 0.45, post: 0.47 }, { code: 'knows_signs', pre: 0.39, post: 0.38 }],
    likert: [{ code: 'would_report', pre: 3.6, post: 3.6 }],
  },
  // A decline: attitudes moved the wrong way.
  'Survivors’ voices exhibition': {
    prefix: 'EXH',
    design: 'panel',
    n: 160,
    binary: [{ code: 'knows_hotline', pre: 0.52, post: 0.49 }],
    likert: [{ code: 'victims_not_to_blame', pre: 3.7, post: 3.3 }],
  },
  'Odesa port workers: forced labour at sea': {
    prefix: 'ODS',
    design: 'cross_section',
    n: 180,
    binary: [{ code: 'knows_hotline', pre: 0.3, post: 0.44 }, { code: 'keeps_passport', pre: 0.55, post: 0.71 }],
    score: { code: 'knowledge_score', pre: 4.8, post: 5.6 },
  },
  'Children in care: life skills and online safety': {
    prefix: 'CIC',
    design: 'panel',
    n: 120,
    binary: [{ code: 'knows_signs', pre: 0.25, post: 0.46 }, { code: 'knows_hotline', pre: 0.31, post: 0.5 }],
  },
  'Consular staff briefing: Moldovan workers abroad': {
    prefix: 'CON',
    design: 'panel',
    n: 48,
    binary: [{ code: 'knows_signs', pre: 0.6, post: 0.85 }],
    score: { code: 'knowledge_score', pre: 6.1, post: 7.8 },
  },
  'Tourism staff against child sex tourism (Boracay)': {
    prefix: 'TOU',
    design: 'cross_section',
    n: 200,
    binary: [{ code: 'knows_hotline', pre: 0.22, post: 0.4 }, { code: 'knows_signs', pre: 0.3, post: 0.47 }],
    likert: [{ code: 'would_report', pre: 3.3, post: 3.8 }],
  },
  'Text blast: verify your agency': {
    prefix: 'SMS',
    design: 'cross_section',
    n: 300,
    binary: [{ code: 'contract_before_travel', pre: 0.48, post: 0.55 }, { code: 'fee_is_warning', pre: 0.5, post: 0.58 }],
  },
}

export function seedDemoSurveys(sqlite: Database.Database) {
  const campaignId = sqlite.prepare('select id from campaigns where title = ?').pluck()
  const hotlineIndicator = sqlite.prepare(`select i.id from indicators i join objectives o on o.id = i.objective_id
    where o.campaign_id = ? and i.name like '%hotline number%'`).pluck()
  let seed = 2026
  for (const [title, plan] of Object.entries(DEMO_SURVEY_PLANS)) {
    const id = campaignId.get(title) as number | undefined
    if (!id) continue
    // Every demo survey says how it was drawn: a simple random sample unless its plan names clusters.
    generateSurvey(sqlite, id, { sampling: 'simple_random', ...plan }, { seed: seed++, indicatorId: (hotlineIndicator.get(id) as number | undefined) ?? null })
    const { start_date: start, end_date: end } = sqlite.prepare('select start_date, end_date from campaigns where id = ?').get(id) as { start_date: string; end_date: string }
    seedReach(sqlite, id, start, end)
  }
}

/** An output indicator no survey measures — people reached — with the counts an organisation enters as it goes. */
function seedReach(sqlite: Database.Database, campaignId: number, start: string, end: string) {
  const objective = sqlite.prepare('select id from objectives where campaign_id = ? order by position limit 1').pluck().get(campaignId) as number | undefined
  if (!objective) return
  const audience = (sqlite.prepare('select coalesce(sum(estimated_size), 0) from campaign_audiences where campaign_id = ?').pluck().get(campaignId) as number) || 2000
  const target = Math.round(audience * 0.3)
  const indicator = sqlite
    .prepare(
      `insert into indicators (objective_id, position, name, level, unit, direction, baseline, baseline_at_survey, target, means_of_verification)
       values (?, (select coalesce(max(position), -1) + 1 from indicators where objective_id = ?), 'People reached', 'output', 'count', 'increase', 0, 0, ?, 'Attendance sheets and distribution lists')`,
    )
    .run(objective, objective, target).lastInsertRowid
  const addActual = sqlite.prepare('insert into indicator_actuals (indicator_id, on_date, value, note) values (?, ?, ?, ?)')
  addActual.run(indicator, shiftDays(start, 30), Math.round(target * 0.45), 'First month: attendance sheets')
  addActual.run(indicator, end, Math.round(target * 0.5), 'Rest of the campaign: attendance sheets')
}
