import type Database from 'better-sqlite3'
import { dayNumber, isoDay } from '../app/features/overlap/scoring'
import { STARTER_QUESTIONS } from '../app/features/surveys/starters'
import { random } from './random'

const shiftDays = (date: string, days: number) => isoDay(dayNumber(date) + days)

// Survey data for the demo campaigns that reached completed or evaluated:
// an instrument, baseline and endline waves and a few hundred responses each,
// drawn with a fixed seed so every demo shows the same results. The effects
// vary as real evaluations do: clear gains, a null result, one decline; one
// panel (the same respondents twice), one cross-section with a comparison group.

type Binary = { code: string; pre: number; post: number }
type Mean = { code: string; pre: number; post: number }
type Plan = {
  prefix: string
  design: 'panel' | 'cross_section'
  n: number
  binary: Binary[]
  likert?: Mean[]
  score?: Mean
  /** A comparison group the campaign did not reach, surveyed in both waves. */
  comparison?: { n: number; binary: Binary[]; likert?: Mean[]; score?: Mean }
}

const PLANS: Record<string, Plan> = {
  // A panel with a clear gain.
  'School talks on online recruitment (2025)': {
    prefix: 'SCH',
    design: 'panel',
    n: 240,
    binary: [{ code: 'knows_hotline', pre: 0.34, post: 0.61 }, { code: 'knows_signs', pre: 0.28, post: 0.52 }],
    likert: [{ code: 'would_report', pre: 3.1, post: 3.7 }],
    score: { code: 'knowledge_score', pre: 4.3, post: 6.0 },
  },
  // Cross-sections with a comparison group: the difference in differences.
  'Returnee peer educators, Bāgmatī': {
    prefix: 'BAG',
    design: 'cross_section',
    n: 220,
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

/** A standard normal draw (Box–Muller). */
const normal = (rand: () => number) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
const logit = (p: number) => Math.log(p / (1 - p))
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

export function seedDemoSurveys(sqlite: Database.Database) {
  const campaignId = sqlite.prepare('select id from campaigns where title = ?').pluck()
  const hotlineIndicator = sqlite.prepare(`select i.id from indicators i join objectives o on o.id = i.objective_id
    where o.campaign_id = ? and i.name like '%hotline number%'`).pluck()
  const addQuestion = sqlite.prepare(`insert into survey_questions (campaign_id, position, code, text, type, desired, options, min, max, indicator_id)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const addWave = sqlite.prepare(`insert into survey_waves (campaign_id, kind, "group", design, start_date, end_date, target_size, sampling_notes, baseline_wave_id)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  const dates = sqlite.prepare('select start_date, end_date from campaigns where id = ?')
  const addResponse = sqlite.prepare('insert into survey_responses (wave_id, respondent_code, sex, age_band) values (?, ?, ?, ?)')
  const addAnswer = sqlite.prepare('insert into survey_answers (response_id, question_id, value) values (?, ?, ?)')

  let seed = 2026
  for (const [title, plan] of Object.entries(PLANS)) {
    const id = campaignId.get(title) as number | undefined
    if (!id) continue
    const rand = random(seed++)
    const codes = [...plan.binary.map((b) => b.code), ...(plan.likert ?? []).map((l) => l.code), ...(plan.score ? [plan.score.code] : [])]
    const questionIds = new Map<string, number>()
    codes.forEach((code, position) => {
      const q = STARTER_QUESTIONS.find((s) => s.code === code)!
      const indicator = code === 'knows_hotline' ? ((hotlineIndicator.get(id) as number | undefined) ?? null) : null
      const row = addQuestion.run(id, position, q.code, q.text, q.type, q.desired, JSON.stringify(q.options), q.min, q.max, indicator)
      questionIds.set(code, Number(row.lastInsertRowid))
    })
    const { start_date: start, end_date: end } = dates.get(id) as { start_date: string; end_date: string }
    const groups = [{ group: 'campaign', ...plan }, ...(plan.comparison ? [{ group: 'comparison', ...plan.comparison }] : [])]
    for (const g of groups) {
      // Fieldwork: the three weeks before the campaign starts, and the three weeks after it ends.
      const baseline = Number(addWave.run(id, 'baseline', g.group, plan.design, shiftDays(start, -21), shiftDays(start, -1), g.n, 'Random sample of the target group.', null).lastInsertRowid)
      const endline = Number(
        addWave.run(id, 'endline', g.group, plan.design, shiftDays(end, 1), shiftDays(end, 21), g.n, 'Random sample of the target group.', plan.design === 'panel' ? baseline : null).lastInsertRowid,
      )
      // Each respondent has a latent knowledge; in a panel the same person answers twice.
      const people = Array.from({ length: g.n }, () => ({ ability: normal(rand), sex: rand() < 0.52 ? 'female' : 'male', age: ['18-24', '25-34', '35-49', '50+'][Math.floor(rand() * 4)]! }))
      for (const [wave, when] of [[baseline, 'pre'], [endline, 'post']] as const) {
        people.forEach((person, i) => {
          // A panel loses a few people between the waves, as real ones do.
          if (plan.design === 'panel' && when === 'post' && rand() < 0.06) return
          const ability = plan.design === 'panel' ? person.ability : normal(rand)
          const who = plan.design === 'panel' ? person : { sex: rand() < 0.52 ? 'female' : 'male', age: person.age }
          const code = `${plan.prefix}-${g.group === 'comparison' ? 'C' : 'T'}${plan.design === 'panel' ? '' : when === 'pre' ? 'B' : 'E'}-${String(i + 1).padStart(3, '0')}`
          const responseId = addResponse.run(wave, code, who.sex, who.age).lastInsertRowid
          for (const b of g.binary) {
            const p = 1 / (1 + Math.exp(-(logit(b[when]) + 0.9 * ability)))
            addAnswer.run(responseId, questionIds.get(b.code), rand() < p ? '1' : '0')
          }
          for (const l of g.likert ?? []) addAnswer.run(responseId, questionIds.get(l.code), String(clamp(Math.round(l[when] + 0.5 * ability + 0.8 * normal(rand)), 1, 5)))
          if (g.score && rand() > 0.03) addAnswer.run(responseId, questionIds.get(g.score.code), String(clamp(Math.round(g.score[when] + 1.2 * ability + 1.2 * normal(rand)), 0, 10)))
        })
      }
    }
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
