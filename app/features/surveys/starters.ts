import { likertScale, type Question } from './answers'
import { defineMessages, tr, type Message } from '../../shared/i18n'

// Starter questions a planner can pick for a knowledge–attitude–practice
// survey on recruitment fraud, safe migration, the signs of trafficking and
// the national hotline. Plain words, one idea per question, no leading or
// double-barrelled wording, answerable by someone who never saw the campaign.

export type StarterQuestion = Question & { topic: string }

const m = defineMessages({
  hotline: { id: 'surveys.starters.topics.hotline', defaultMessage: 'National hotline' },
  fraud: { id: 'surveys.starters.topics.fraud', defaultMessage: 'Recruitment fraud' },
  migration: { id: 'surveys.starters.topics.migration', defaultMessage: 'Safe migration' },
  signs: { id: 'surveys.starters.topics.signs', defaultMessage: 'Signs of trafficking' },
  attitudes: { id: 'surveys.starters.topics.attitudes', defaultMessage: 'Attitudes' },
  knowledge: { id: 'surveys.starters.topics.knowledge', defaultMessage: 'Knowledge' },
  knowsHotline: { id: 'surveys.starters.knows_hotline', defaultMessage: 'Do you know a telephone number you can call for help if you or someone you know is being exploited?' },
  hotlineNumber: { id: 'surveys.starters.hotline_number', defaultMessage: 'Which of these is the national anti-trafficking hotline number?' },
  correct: { id: 'surveys.starters.hotline_number.correct', defaultMessage: 'The national hotline number' },
  police: { id: 'surveys.starters.hotline_number.police', defaultMessage: 'The general police number' },
  other: { id: 'surveys.starters.hotline_number.other', defaultMessage: 'Another number' },
  dontKnow: { id: 'surveys.starters.hotline_number.dont_know', defaultMessage: 'I do not know' },
  feeIsWarning: { id: 'surveys.starters.fee_is_warning', defaultMessage: 'If a recruiter asks you to pay a fee to get a job abroad, is that a warning sign?' },
  contract: { id: 'surveys.starters.contract_before_travel', defaultMessage: 'Should you receive a written contract, in a language you understand, before you travel for work?' },
  passport: { id: 'surveys.starters.keeps_passport', defaultMessage: 'Is it a warning sign if an employer keeps a worker’s passport?' },
  knowsSigns: { id: 'surveys.starters.knows_signs', defaultMessage: 'Could you name two signs that a job offer may be a trap?' },
  checkAgency: { id: 'surveys.starters.would_check_agency', defaultMessage: 'Before accepting a job abroad, I would check that the recruitment agency is licensed.' },
  report: { id: 'surveys.starters.would_report', defaultMessage: 'If I suspected someone was being exploited, I would report it.' },
  notToBlame: { id: 'surveys.starters.victims_not_to_blame', defaultMessage: 'People who are trafficked are not to blame for what happened to them.' },
  score: { id: 'surveys.starters.knowledge_score', defaultMessage: 'Knowledge score: correct answers out of ten quiz questions.' },
})

const yes = (code: string, topic: Message, text: Message): StarterQuestion => ({ code, topic: tr(topic), text: tr(text), type: 'binary', desired: '1', options: [], min: null, max: null })
const agree = (code: string, topic: Message, text: Message): StarterQuestion => ({
  code,
  topic: tr(topic),
  text: tr(text),
  type: 'likert',
  desired: null,
  options: likertScale(),
  min: null,
  max: null,
})

/** The starter questions, worded in the planner's language: added to a survey, they are kept in it. */
export const starterQuestions = (): readonly StarterQuestion[] => [
  yes('knows_hotline', m.hotline, m.knowsHotline),
  {
    code: 'hotline_number',
    topic: tr(m.hotline),
    text: tr(m.hotlineNumber),
    type: 'single_choice',
    desired: 'correct',
    options: [
      { code: 'correct', label: tr(m.correct) },
      { code: 'police', label: tr(m.police) },
      { code: 'other', label: tr(m.other) },
      { code: 'dont_know', label: tr(m.dontKnow) },
    ],
    min: null,
    max: null,
  },
  yes('fee_is_warning', m.fraud, m.feeIsWarning),
  yes('contract_before_travel', m.migration, m.contract),
  yes('keeps_passport', m.signs, m.passport),
  yes('knows_signs', m.signs, m.knowsSigns),
  agree('would_check_agency', m.migration, m.checkAgency),
  agree('would_report', m.signs, m.report),
  agree('victims_not_to_blame', m.attitudes, m.notToBlame),
  { code: 'knowledge_score', topic: tr(m.knowledge), text: tr(m.score), type: 'score', desired: null, options: [], min: 0, max: 10 },
]
