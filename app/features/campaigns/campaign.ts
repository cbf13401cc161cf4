import { defineMessages } from '../../shared/i18n/messages'
import type { Audience, Channel, DacSector, Direction, ExploitationForm, IndicatorLevel, IndicatorUnit, Pillar, Purpose, Status, Visibility } from '../../shared/taxonomy/taxonomy'

// A campaign as the domain sees it: what the registry form collects, without
// ids or timestamps. The quality check and the lifecycle rules read this.

export type RiskAnswer = 'yes' | 'no' | null

export type Indicator = {
  name: string
  level: IndicatorLevel
  unit: IndicatorUnit
  direction: Direction
  baseline: number | null
  /** "To be measured at baseline": the baseline survey will provide it. */
  baselineAtSurvey: boolean
  target: number | null
  meansOfVerification: string
  /** The standard indicator it adopts, whose results roll up across organisations. */
  standardIndicatorId?: number | null
}

export type Objective = { statement: string; indicators: Indicator[] }

/**
 * The DAC sector a campaign falls under when none was chosen: prosecution
 * work is legal and judicial, protection work is human rights; prevention
 * aimed at migrant workers is safe migration; otherwise the form of
 * exploitation decides (sexual exploitation alone: violence against women
 * and girls; forced labour: labour rights), and safe migration by default.
 */
export function defaultSector(c: Pick<Campaign, 'pillar' | 'audiences' | 'exploitationForms'>): DacSector {
  if (c.pillar === 'prosecution') return '15130'
  if (c.pillar === 'protection') return '15160'
  if (c.audiences.some((a) => a.code === 'migrant_workers')) return '15190'
  if (c.exploitationForms.length > 0 && c.exploitationForms.every((f) => f === 'sexual_exploitation')) return '15180'
  if (c.exploitationForms.includes('forced_labour')) return '16070'
  return '15190'
}

/** Whether a target lies on the desired side of its baseline; a target equal to the baseline does not. */
export const targetOnDesiredSide = (direction: Direction, baseline: number, target: number) => (direction === 'increase' ? target > baseline : target < baseline)

export type Campaign = {
  title: string
  summary: string
  pillar: Pillar
  purposes: Purpose[]
  exploitationForms: ExploitationForm[]
  languages: string[]
  audiences: { code: Audience; estimatedSize: number | null }[]
  audienceOther: string
  channels: Channel[]
  channelOther: string
  keyMessages: string
  country: string | null
  subdivisions: string[]
  locality: string
  startDate: string | null
  endDate: string | null
  objectives: Objective[]
  budget: number | null
  currency: string | null
  funderIds: number[]
  visibility: Visibility
  risk: { restraintImagery: RiskAnswer; antiMigration: RiskAnswer; identifiesVictim: RiskAnswer; mitigation: string }
}

/** What a draft still lacks before it can be registered as planned (empty when ready). */
/** What a campaign may still lack to be registered as planned, as a list names it. */
export const MISSING_FOR_PLANNED = defineMessages({
  audience: { id: 'campaigns.missing.audience', defaultMessage: 'at least one target audience' },
  region: { id: 'campaigns.missing.region', defaultMessage: 'a region (a country, and subdivisions if the campaign is local)' },
  dates: { id: 'campaigns.missing.dates', defaultMessage: 'start and end dates' },
  outcome: { id: 'campaigns.missing.outcome', defaultMessage: 'an objective with an outcome indicator that has a target and a baseline (or “to be measured at baseline”)' },
})
export type MissingForPlanned = keyof typeof MISSING_FOR_PLANNED

export function missingForPlanned(c: Campaign): MissingForPlanned[] {
  const missing: MissingForPlanned[] = []
  if (c.audiences.length === 0) missing.push('audience')
  if (!c.country) missing.push('region')
  if (!c.startDate || !c.endDate) missing.push('dates')
  const measurable = c.objectives.some((o) =>
    o.indicators.some((i) => i.level === 'outcome' && i.target !== null && (i.baseline !== null || i.baselineAtSurvey)),
  )
  if (!measurable) missing.push('outcome')
  return missing
}

// The lifecycle of DESIGN.md §3: forward one step at a time, back from
// planned to draft for rework, archive from anywhere.
const NEXT: Record<Status, Status[]> = {
  draft: ['planned', 'archived'],
  planned: ['active', 'draft', 'archived'],
  active: ['completed', 'archived'],
  completed: ['evaluated', 'archived'],
  evaluated: ['archived'],
  archived: [],
}

export function allowedTransitions(from: Status): Status[] {
  return NEXT[from]
}

export function canTransition(from: Status, to: Status): boolean {
  return NEXT[from].includes(to)
}
