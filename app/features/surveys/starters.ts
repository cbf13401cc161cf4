import { LIKERT_LABELS, type Question } from './answers'

// Starter questions a planner can pick for a knowledge–attitude–practice
// survey on recruitment fraud, safe migration, the signs of trafficking and
// the national hotline. Plain words, one idea per question, no leading or
// double-barrelled wording, answerable by someone who never saw the campaign.

export type StarterQuestion = Question & { topic: string }

const yes = (code: string, topic: string, text: string): StarterQuestion => ({ code, topic, text, type: 'binary', desired: '1', options: [], min: null, max: null })
const agree = (code: string, topic: string, text: string): StarterQuestion => ({ code, topic, text, type: 'likert', desired: null, options: [...LIKERT_LABELS], min: null, max: null })

export const STARTER_QUESTIONS: readonly StarterQuestion[] = [
  yes('knows_hotline', 'National hotline', 'Do you know a telephone number you can call for help if you or someone you know is being exploited?'),
  {
    code: 'hotline_number',
    topic: 'National hotline',
    text: 'Which of these is the national anti-trafficking hotline number?',
    type: 'single_choice',
    desired: 'correct',
    options: [
      { code: 'correct', label: 'The national hotline number' },
      { code: 'police', label: 'The general police number' },
      { code: 'other', label: 'Another number' },
      { code: 'dont_know', label: 'I do not know' },
    ],
    min: null,
    max: null,
  },
  yes('fee_is_warning', 'Recruitment fraud', 'If a recruiter asks you to pay a fee to get a job abroad, is that a warning sign?'),
  yes('contract_before_travel', 'Safe migration', 'Should you receive a written contract, in a language you understand, before you travel for work?'),
  yes('keeps_passport', 'Signs of trafficking', 'Is it a warning sign if an employer keeps a worker’s passport?'),
  yes('knows_signs', 'Signs of trafficking', 'Could you name two signs that a job offer may be a trap?'),
  agree('would_check_agency', 'Safe migration', 'Before accepting a job abroad, I would check that the recruitment agency is licensed.'),
  agree('would_report', 'Signs of trafficking', 'If I suspected someone was being exploited, I would report it.'),
  agree('victims_not_to_blame', 'Attitudes', 'People who are trafficked are not to blame for what happened to them.'),
  { code: 'knowledge_score', topic: 'Knowledge', text: 'Knowledge score: correct answers out of ten quiz questions.', type: 'score', desired: null, options: [], min: 0, max: 10 },
]
