import { STATUSES, type Status } from '../../shared/taxonomy/taxonomy'
import { currentTranslator, defineMessages, tr } from '../../shared/i18n'
import { targetOnDesiredSide, type Campaign } from './campaign'

// The registry's quality check: the field's three complaints about
// awareness campaigns — nobody in particular targeted, nothing measured, and
// messages that backfire — as findings that say why and how to fix.

export type Finding = { code: string; title: string; reason: string; fix: string; section: string }

/**
 * What the check needs besides the campaign: where it stands, today's date
 * (YYYY-MM-DD), and the baselines its baseline survey measured, one per
 * indicator in the order of `objectives.flatMap((o) => o.indicators)` (null
 * where none was measured): a measured baseline replaces the planned one.
 */
export type QualityContext = { status: Status; today: string; measuredBaselines?: readonly (number | null)[] }

const RISK_QUESTIONS = ['restraintImagery', 'antiMigration', 'identifiesVictim'] as const

const m = defineMessages({
  generalTitle: { id: 'quality.general_public_only.title', defaultMessage: 'The only audience is the general public' },
  generalReason: { id: 'quality.general_public_only.reason', defaultMessage: 'Campaigns aimed at everyone rarely change what anyone does.' },
  generalFix: { id: 'quality.general_public_only.fix', defaultMessage: 'Add the group most at risk, those who create demand, or the professionals who can spot victims.' },
  noOutcomeTitle: { id: 'quality.no_outcome_indicator.title', defaultMessage: 'No outcome indicator' },
  noOutcomeReason: { id: 'quality.no_outcome_indicator.reason', defaultMessage: 'Output indicators count what was delivered, not whether anything changed.' },
  noOutcomeFix: { id: 'quality.no_outcome_indicator.fix', defaultMessage: 'Add an outcome indicator, such as “% of the audience who know the hotline number”.' },
  incompleteTitle: {
    id: 'quality.indicator_incomplete.title',
    defaultMessage: '{count, plural, one {An indicator has no target or no baseline plan} other {# indicators have no target or no baseline plan}}',
  },
  incompleteReason: { id: 'quality.indicator_incomplete.reason', defaultMessage: 'Without both, nobody can tell whether the campaign worked ({names}).' },
  incompleteFix: { id: 'quality.indicator_incomplete.fix', defaultMessage: 'Give each indicator a target, and a baseline value or “to be measured at baseline”.' },
  wrongSideTitle: {
    id: 'quality.target_wrong_side.title',
    defaultMessage: '{count, plural, one {A target is on the wrong side of the baseline} other {# targets are on the wrong side of the baseline}}',
  },
  wrongSideReason: {
    id: 'quality.target_wrong_side.reason',
    defaultMessage: 'A target must lie beyond the baseline in the direction that is better, or reaching it means nothing changed or things got worse ({names}).',
  },
  wrongSideFix: { id: 'quality.target_wrong_side.fix', defaultMessage: 'Set each target above the baseline where higher is better, below it where lower is better.' },
  noEvaluationTitle: { id: 'quality.no_evaluation.title', defaultMessage: 'No evaluation planned' },
  noEvaluationReason: { id: 'quality.no_evaluation.reason', defaultMessage: 'No indicator has a baseline survey or another means of verification.' },
  noEvaluationFix: { id: 'quality.no_evaluation.fix', defaultMessage: 'Plan a baseline survey, or say how each indicator will be verified.' },
  riskTitle: { id: 'quality.risk_unanswered.title', defaultMessage: 'Message-risk review not finished' },
  riskReason: {
    id: 'quality.risk_unanswered.reason',
    defaultMessage: '{count, plural, one {# of the 3 questions about harmful messages is not answered.} other {# of the 3 questions about harmful messages are not answered.}}',
  },
  riskFix: { id: 'quality.risk_unanswered.fix', defaultMessage: 'Answer the three questions of the message-risk review.' },
  unmitigatedTitle: { id: 'quality.risk_unmitigated.title', defaultMessage: 'A message risk has no mitigation' },
  unmitigatedReason: { id: 'quality.risk_unmitigated.reason', defaultMessage: 'Images of chains or cages, “do not migrate” messages and identifiable victims do harm.' },
  unmitigatedFix: { id: 'quality.risk_unmitigated.fix', defaultMessage: 'Say how you will change the material, or change it and answer “no”.' },
  datesTitle: { id: 'quality.dates_inconsistent.title', defaultMessage: 'The end date is before the start date' },
  datesReason: { id: 'quality.dates_inconsistent.reason', defaultMessage: 'The campaign ends on {end} but starts on {start}.' },
  datesFix: { id: 'quality.dates_inconsistent.fix', defaultMessage: 'Correct the dates.' },
  endPassedTitle: { id: 'quality.end_date_passed.title', defaultMessage: 'The end date has passed' },
  endPassedReason: { id: 'quality.end_date_passed.reason', defaultMessage: 'The campaign ended on {end} by its dates but is still registered as {status}.' },
  endPassedFix: { id: 'quality.end_date_passed.fix', defaultMessage: 'Mark it completed, or correct the end date.' },
  startPassedTitle: { id: 'quality.start_date_passed.title', defaultMessage: 'The start date has passed' },
  startPassedReason: { id: 'quality.start_date_passed.reason', defaultMessage: 'The campaign was to start on {start} but is still registered as planned.' },
  startPassedFix: { id: 'quality.start_date_passed.fix', defaultMessage: 'Mark it active if it has started, or correct the start date.' },
  currencyTitle: { id: 'quality.budget_without_currency.title', defaultMessage: 'The budget has no currency' },
  currencyReason: { id: 'quality.budget_without_currency.reason', defaultMessage: 'A number without a currency cannot be compared or added up.' },
  currencyFix: { id: 'quality.budget_without_currency.fix', defaultMessage: 'Choose the budget’s currency.' },
})

const quoted = (names: readonly string[]) => names.map((name) => `“${name}”`).join(', ')
const day = (date: string) => currentTranslator().date(date)

export function qualityCheck(c: Campaign, context: QualityContext): Finding[] {
  const findings: Finding[] = []
  const indicators = c.objectives.flatMap((o) => o.indicators)

  if (c.audiences.length > 0 && c.audiences.every((a) => a.code === 'general_public')) {
    findings.push({ code: 'general_public_only', title: tr(m.generalTitle), reason: tr(m.generalReason), fix: tr(m.generalFix), section: 'audiences' })
  }
  if (!indicators.some((i) => i.level === 'outcome')) {
    findings.push({ code: 'no_outcome_indicator', title: tr(m.noOutcomeTitle), reason: tr(m.noOutcomeReason), fix: tr(m.noOutcomeFix), section: 'objectives' })
  }
  const incomplete = indicators.filter((i) => i.target === null || (i.baseline === null && !i.baselineAtSurvey))
  if (incomplete.length > 0) {
    findings.push({
      code: 'indicator_incomplete',
      title: tr(m.incompleteTitle, { count: incomplete.length }),
      reason: tr(m.incompleteReason, { names: quoted(incomplete.map((i) => i.name)) }),
      fix: tr(m.incompleteFix),
      section: 'objectives',
    })
  }
  const wrongSide = indicators.filter((i, k) => {
    const baseline = context.measuredBaselines?.[k] ?? i.baseline
    return baseline !== null && i.target !== null && !targetOnDesiredSide(i.direction, baseline, i.target)
  })
  if (wrongSide.length > 0) {
    findings.push({
      code: 'target_wrong_side',
      title: tr(m.wrongSideTitle, { count: wrongSide.length }),
      reason: tr(m.wrongSideReason, { names: quoted(wrongSide.map((i) => i.name)) }),
      fix: tr(m.wrongSideFix),
      section: 'objectives',
    })
  }
  const evaluated = indicators.some((i) => i.baselineAtSurvey || i.meansOfVerification.trim() !== '')
  if (!evaluated) {
    findings.push({ code: 'no_evaluation', title: tr(m.noEvaluationTitle), reason: tr(m.noEvaluationReason), fix: tr(m.noEvaluationFix), section: 'objectives' })
  }
  const unanswered = RISK_QUESTIONS.filter((q) => c.risk[q] === null)
  if (unanswered.length > 0) {
    findings.push({ code: 'risk_unanswered', title: tr(m.riskTitle), reason: tr(m.riskReason, { count: unanswered.length }), fix: tr(m.riskFix), section: 'risk' })
  } else if (RISK_QUESTIONS.some((q) => c.risk[q] === 'yes') && c.risk.mitigation.trim() === '') {
    findings.push({ code: 'risk_unmitigated', title: tr(m.unmitigatedTitle), reason: tr(m.unmitigatedReason), fix: tr(m.unmitigatedFix), section: 'risk' })
  }
  if (c.startDate && c.endDate && c.endDate < c.startDate) {
    findings.push({
      code: 'dates_inconsistent',
      title: tr(m.datesTitle),
      reason: tr(m.datesReason, { end: day(c.endDate), start: day(c.startDate) }),
      fix: tr(m.datesFix),
      section: 'where',
    })
  }
  const running = context.status === 'planned' || context.status === 'active'
  if (running && c.endDate && c.endDate < context.today) {
    findings.push({
      code: 'end_date_passed',
      title: tr(m.endPassedTitle),
      reason: tr(m.endPassedReason, { end: day(c.endDate), status: tr(STATUSES.message(context.status)).toLocaleLowerCase() }),
      fix: tr(m.endPassedFix),
      section: 'where',
    })
  } else if (context.status === 'planned' && c.startDate && c.startDate < context.today) {
    findings.push({ code: 'start_date_passed', title: tr(m.startPassedTitle), reason: tr(m.startPassedReason, { start: day(c.startDate) }), fix: tr(m.startPassedFix), section: 'where' })
  }
  if (c.budget !== null && !c.currency) {
    findings.push({ code: 'budget_without_currency', title: tr(m.currencyTitle), reason: tr(m.currencyReason), fix: tr(m.currencyFix), section: 'budget' })
  }
  return findings
}
