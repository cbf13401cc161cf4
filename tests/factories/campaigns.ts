import { insertCampaignTree, STATUS_PATH, type NewCampaign } from '../../db/campaign-writes'
import { refreshPairsFor } from '../../app/features/overlap/pairs.server'
import type { Indicator } from '../../app/features/campaigns/campaign'
import type { Status } from '../../app/shared/taxonomy/taxonomy'
import { db } from '../../app/shared/db.server'
import { unique } from './unique'

// Campaigns written as the registry writes them (the same tree writer as the
// import and "duplicate"), with the overlap pairs kept in step as the app
// keeps them after every write.

/** An outcome indicator measured by the hotline question of a survey: the usual evaluated campaign's. */
export const HOTLINE_INDICATOR: Indicator = {
  name: '% who know the national hotline number',
  level: 'outcome',
  unit: 'percent',
  direction: 'increase',
  baseline: null,
  baselineAtSurvey: true,
  target: 60,
  meansOfVerification: 'Baseline and endline survey',
}

export type CampaignOptions = Partial<NewCampaign> & { status?: Status; indicators?: Indicator[]; createdBy?: number | null }

/**
 * A campaign of an organisation: by default a planned radio campaign for
 * prospective migrant workers in Lviv oblast in April–May 2026 with one
 * objective and the hotline indicator. Any field can be given.
 */
export function createCampaign(organisation: { id: number }, { status = 'planned', indicators = [HOTLINE_INDICATOR], createdBy = null, ...fields }: CampaignOptions = {}): number {
  const campaign: NewCampaign = {
    title: unique('Campaign'),
    pillar: 'prevention',
    summary: 'Radio spots and community meetings on safe recruitment.',
    purposes: ['inform_at_risk'],
    audiences: [{ code: 'migrant_workers', estimatedSize: 20000 }],
    channels: ['radio'],
    exploitationForms: ['forced_labour'],
    languages: ['uk'],
    country: 'UA',
    subdivisions: ['UA-46'],
    startDate: '2026-04-01',
    endDate: '2026-05-31',
    visibility: 'network',
    risk: { restraintImagery: 'no', antiMigration: 'no', identifiesVictim: 'no', mitigation: '' },
    objectives: indicators.length ? [{ statement: 'More prospective migrants know how to check a recruiter', indicators }] : [],
    ...fields,
  }
  const id = db.transaction(() => insertCampaignTree(db.$client, organisation.id, createdBy, campaign, STATUS_PATH[status]))
  refreshPairsFor(id)
  return id
}

/** A campaign's indicators, in order, with their ids. */
export function indicatorsOf(campaignId: number): { id: number; name: string; objectiveId: number }[] {
  return db.$client
    .prepare('select i.id, i.name, i.objective_id as objectiveId from indicators i join objectives o on o.id = i.objective_id where o.campaign_id = ? order by o.position, i.position')
    .all(campaignId) as { id: number; name: string; objectiveId: number }[]
}

/** People reached, counted by hand: the output indicator organisations enter actuals for. */
export const REACH_INDICATOR: Indicator = {
  name: 'People reached',
  level: 'output',
  unit: 'count',
  direction: 'increase',
  baseline: 0,
  baselineAtSurvey: false,
  target: 5000,
  meansOfVerification: 'Attendance sheets',
}

/** A value entered by date for an indicator no survey measures. */
export function createActual(indicatorId: number, onDate: string, value: number) {
  db.$client.prepare('insert into indicator_actuals (indicator_id, on_date, value, note) values (?, ?, ?, ?)').run(indicatorId, onDate, value, '')
}
