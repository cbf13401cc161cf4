import type { Status } from '../../shared/taxonomy/taxonomy'
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

export function qualityCheck(c: Campaign, context: QualityContext): Finding[] {
  const findings: Finding[] = []
  const indicators = c.objectives.flatMap((o) => o.indicators)

  if (c.audiences.length > 0 && c.audiences.every((a) => a.code === 'general_public')) {
    findings.push({
      code: 'general_public_only',
      title: 'The only audience is the general public',
      reason: 'Campaigns aimed at everyone rarely change what anyone does.',
      fix: 'Add the group most at risk, those who create demand, or the professionals who can spot victims.',
      section: 'audiences',
    })
  }
  if (!indicators.some((i) => i.level === 'outcome')) {
    findings.push({
      code: 'no_outcome_indicator',
      title: 'No outcome indicator',
      reason: 'Output indicators count what was delivered, not whether anything changed.',
      fix: 'Add an outcome indicator, such as “% of the audience who know the hotline number”.',
      section: 'objectives',
    })
  }
  const incomplete = indicators.filter((i) => i.target === null || (i.baseline === null && !i.baselineAtSurvey))
  if (incomplete.length > 0) {
    findings.push({
      code: 'indicator_incomplete',
      title: `${incomplete.length === 1 ? 'An indicator has' : `${incomplete.length} indicators have`} no target or no baseline plan`,
      reason: `Without both, nobody can tell whether the campaign worked (${incomplete.map((i) => `“${i.name}”`).join(', ')}).`,
      fix: 'Give each indicator a target, and a baseline value or “to be measured at baseline”.',
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
      title: `${wrongSide.length === 1 ? 'A target is' : `${wrongSide.length} targets are`} on the wrong side of the baseline`,
      reason: `A target must lie beyond the baseline in the direction that is better, or reaching it means nothing changed or things got worse (${wrongSide.map((i) => `“${i.name}”`).join(', ')}).`,
      fix: 'Set each target above the baseline where higher is better, below it where lower is better.',
      section: 'objectives',
    })
  }
  const evaluated = indicators.some((i) => i.baselineAtSurvey || i.meansOfVerification.trim() !== '')
  if (!evaluated) {
    findings.push({
      code: 'no_evaluation',
      title: 'No evaluation planned',
      reason: 'No indicator has a baseline survey or another means of verification.',
      fix: 'Plan a baseline survey, or say how each indicator will be verified.',
      section: 'objectives',
    })
  }
  const unanswered = RISK_QUESTIONS.filter((q) => c.risk[q] === null)
  if (unanswered.length > 0) {
    findings.push({
      code: 'risk_unanswered',
      title: 'Message-risk review not finished',
      reason: `${unanswered.length} of the 3 questions about harmful messages ${unanswered.length === 1 ? 'is' : 'are'} not answered.`,
      fix: 'Answer the three questions of the message-risk review.',
      section: 'risk',
    })
  } else if (RISK_QUESTIONS.some((q) => c.risk[q] === 'yes') && c.risk.mitigation.trim() === '') {
    findings.push({
      code: 'risk_unmitigated',
      title: 'A message risk has no mitigation',
      reason: 'Images of chains or cages, “do not migrate” messages and identifiable victims do harm.',
      fix: 'Say how you will change the material, or change it and answer “no”.',
      section: 'risk',
    })
  }
  if (c.startDate && c.endDate && c.endDate < c.startDate) {
    findings.push({
      code: 'dates_inconsistent',
      title: 'The end date is before the start date',
      reason: `The campaign ends on ${c.endDate} but starts on ${c.startDate}.`,
      fix: 'Correct the dates.',
      section: 'where',
    })
  }
  const running = context.status === 'planned' || context.status === 'active'
  if (running && c.endDate && c.endDate < context.today) {
    findings.push({
      code: 'end_date_passed',
      title: 'The end date has passed',
      reason: `The campaign ended on ${c.endDate} by its dates but is still registered as ${context.status}.`,
      fix: 'Mark it completed, or correct the end date.',
      section: 'where',
    })
  } else if (context.status === 'planned' && c.startDate && c.startDate < context.today) {
    findings.push({
      code: 'start_date_passed',
      title: 'The start date has passed',
      reason: `The campaign was to start on ${c.startDate} but is still registered as planned.`,
      fix: 'Mark it active if it has started, or correct the start date.',
      section: 'where',
    })
  }
  if (c.budget !== null && !c.currency) {
    findings.push({
      code: 'budget_without_currency',
      title: 'The budget has no currency',
      reason: 'A number without a currency cannot be compared or added up.',
      fix: 'Choose the budget’s currency.',
      section: 'budget',
    })
  }
  return findings
}
