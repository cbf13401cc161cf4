import { create } from 'xmlbuilder2'
import type { OrganisationType } from '../../shared/permissions/roles'
import type { DacSector, Direction, IndicatorUnit, Status } from '../../shared/taxonomy/taxonomy'
import { targetOnDesiredSide } from '../campaigns'

// Campaigns as IATI 2.03 activities with their `result` blocks:
// objectives become results, indicators carry @measure and
// @ascending, a baseline with its year and value, and one period with the
// target and the actual — and, for survey-measured ones, an actual per
// breakdown cell as a `dimension` (cells withheld for the viewer are left out).
// Element order follows iati-activities-schema.xsd 2.03.

/** IATI OrganisationType codes. */
const ORGANISATION_TYPE: Record<OrganisationType, string> = {
  ngo: '22',
  government_agency: '10',
  international_organisation: '40',
  donor: '60',
  coordinating_body: '15',
  private_sector: '70',
  faith_based: '22',
  media: '90',
}
/** IATI ActivityStatus codes; an archived campaign is Closed (4) if it ever ran, Cancelled (5) if it never did. */
const ACTIVITY_STATUS: Record<Exclude<Status, 'draft' | 'archived'>, string> = { planned: '1', active: '2', completed: '3', evaluated: '4' }
const activityStatus = (a: Pick<IatiActivity, 'status' | 'actualStart'>) => (a.status === 'archived' ? (a.actualStart ? '4' : '5') : ACTIVITY_STATUS[a.status])
/** The longest budget period the IATI Validator accepts. */
const MAX_BUDGET_DAYS = 366
/** IATI IndicatorMeasure codes: a mean score is a unit. */
const MEASURE: Record<IndicatorUnit, string> = { count: '1', percent: '2', mean_score: '1' }

/** An organisation as IATI names it: by its registered identifier, where it has given one on its profile. */
export type IatiOrganisation = { id: number; name: string; type: OrganisationType; iatiIdentifier: string | null }
export type IatiIndicator = {
  name: string
  level: 'output' | 'outcome'
  unit: IndicatorUnit
  direction: Direction
  meansOfVerification: string
  /** Dated by the baseline survey when the survey measured it. */
  baseline: { value: number; date: string | null } | null
  target: number | null
  actual: number | null
  /** The endline survey's dates, when the survey measured the actual: the period the actual belongs to. */
  actualPeriod: { start: string; end: string } | null
  /** Actuals of a survey-measured indicator per breakdown cell, e.g. sex = female. */
  dimensions: { name: string; value: string; actual: number }[]
}
export type IatiActivity = {
  id: number
  title: string
  summary: string
  status: Exclude<Status, 'draft'>
  organisation: IatiOrganisation
  funders: IatiOrganisation[]
  country: string | null
  /** Planned dates, as registered. */
  startDate: string | null
  endDate: string | null
  /** Actual dates, from the status history: when it became active, and completed. */
  actualStart: string | null
  actualEnd: string | null
  budget: number | null
  currency: string | null
  /** OECD DAC 5-digit sector: the one chosen, or the default from the campaign's pillar, audiences and forms. */
  sector: DacSector
  updatedAt: string
  objectives: { statement: string; indicators: IatiIndicator[] }[]
}

/** An organisation's registered identifier, or, until it gives one, a stable one of Lantern's own that the file says is a stand-in. */
export const organisationRef = (o: Pick<IatiOrganisation, 'id' | 'iatiIdentifier'>) => o.iatiIdentifier ?? `XX-LANTERN-${o.id}`
export const activityIdentifier = (a: Pick<IatiActivity, 'id' | 'organisation'>) => `${organisationRef(a.organisation)}-CAMPAIGN-${a.id}`

const decimal = (v: number) => String(Number(v.toFixed(4)))
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000

export function iatiActivitiesXml(activities: readonly IatiActivity[], generatedAt: Date): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('iati-activities', { version: '2.03', 'generated-datetime': generatedAt.toISOString().replace(/\.\d+Z$/, 'Z') })
  for (const a of activities) {
    const activity = root.ele('iati-activity', { 'last-updated-datetime': a.updatedAt.replace(/\.\d+Z$/, 'Z'), 'xml:lang': 'en', ...(a.currency ? { 'default-currency': a.currency } : {}) })
    activity.ele('iati-identifier').txt(activityIdentifier(a))
    if (!a.organisation.iatiIdentifier) {
      activity.com(` ${a.organisation.name} has no registered organisation identifier on Lantern yet: XX-LANTERN-${a.organisation.id} stands in for it. Add it to the organisation's profile (org-id.guide form, like GB-CHC-1234567) before publishing this file. `)
    }
    activity.ele('reporting-org', { ref: organisationRef(a.organisation), type: ORGANISATION_TYPE[a.organisation.type] }).ele('narrative').txt(a.organisation.name)
    activity.ele('title').ele('narrative').txt(a.title)
    if (a.summary) activity.ele('description', { type: '1' }).ele('narrative').txt(a.summary)
    for (const f of a.funders) activity.ele('participating-org', { ref: organisationRef(f), role: '1', type: ORGANISATION_TYPE[f.type] }).ele('narrative').txt(f.name)
    activity.ele('participating-org', { ref: organisationRef(a.organisation), role: '4', type: ORGANISATION_TYPE[a.organisation.type] }).ele('narrative').txt(a.organisation.name)
    activity.ele('activity-status', { code: activityStatus(a) })
    if (a.startDate) activity.ele('activity-date', { 'iso-date': a.startDate, type: '1' })
    if (a.actualStart) activity.ele('activity-date', { 'iso-date': a.actualStart, type: '2' })
    if (a.endDate) activity.ele('activity-date', { 'iso-date': a.endDate, type: '3' })
    if (a.actualEnd) activity.ele('activity-date', { 'iso-date': a.actualEnd, type: '4' })
    if (a.country) activity.ele('recipient-country', { code: a.country, percentage: '100' })
    // Vocabulary 1: the OECD DAC 5-digit list.
    activity.ele('sector', { vocabulary: '1', code: a.sector, percentage: '100' })
    if (a.budget !== null && a.currency && a.startDate && a.endDate && days(a.startDate, a.endDate) <= MAX_BUDGET_DAYS) {
      // BudgetType 1 (original), BudgetStatus 1 (indicative): what the campaign registered.
      const budget = activity.ele('budget', { type: '1', status: '1' })
      budget.ele('period-start', { 'iso-date': a.startDate })
      budget.ele('period-end', { 'iso-date': a.endDate })
      budget.ele('value', { currency: a.currency, 'value-date': a.startDate }).txt(decimal(a.budget))
    }
    for (const o of a.objectives) {
      if (o.indicators.length === 0) continue
      // IATI ResultType: 1 output, 2 outcome — an objective with any outcome indicator is an outcome result.
      const result = activity.ele('result', { type: o.indicators.some((i) => i.level === 'outcome') ? '2' : '1', 'aggregation-status': '0' })
      result.ele('title').ele('narrative').txt(o.statement)
      for (const i of o.indicators) {
        const indicator = result.ele('indicator', { measure: MEASURE[i.unit], ascending: i.direction === 'increase' ? '1' : '0', 'aggregation-status': '0' })
        indicator.ele('title').ele('narrative').txt(i.name)
        if (i.meansOfVerification) indicator.ele('description').ele('narrative').txt(`Means of verification: ${i.meansOfVerification}`)
        const baselineDate = i.baseline?.date ?? a.startDate
        if (i.baseline && baselineDate) {
          indicator.ele('baseline', { year: baselineDate.slice(0, 4), 'iso-date': baselineDate, value: decimal(i.baseline.value) })
        }
        const [periodStart, periodEnd] = i.actualPeriod ? [i.actualPeriod.start, i.actualPeriod.end] : [a.startDate, a.endDate]
        if (periodStart && periodEnd && (i.target !== null || i.actual !== null)) {
          const period = indicator.ele('period')
          period.ele('period-start', { 'iso-date': periodStart })
          period.ele('period-end', { 'iso-date': periodEnd })
          if (i.target !== null) {
            const target = period.ele('target', { value: decimal(i.target) })
            // A reader works progress out from @ascending, baseline and target; a target on the wrong side would read as progress already made.
            if (i.baseline && !targetOnDesiredSide(i.direction, i.baseline.value, i.target)) {
              target.ele('comment').ele('narrative').txt(`This target is on the wrong side of the baseline for an indicator where ${i.direction === 'increase' ? 'higher' : 'lower'} is better, so progress towards it cannot be measured.`)
            }
          }
          if (i.actual !== null) period.ele('actual', { value: decimal(i.actual) })
          for (const d of i.dimensions) period.ele('actual', { value: decimal(d.actual) }).ele('dimension', { name: d.name, value: d.value })
        }
      }
    }
  }
  return root.end({ prettyPrint: true })
}
