import type { Design, ImpactRecord } from './impact'
import { disclose, type Breakdown } from './disclosure'
import { storedAnalysis } from './summaries.server'
import { resultItems } from './impact-input'
import type { Actor } from '../../shared/permissions/permissions'
import { getCampaign } from '../campaigns/index.server'
import { getEnv } from '../../shared/env.server'
import { questionsOf, waveRows, type StoredWave } from '../surveys/index.server'
import { questionIn } from '../surveys'
import { currentTranslator } from '../../shared/i18n'

// A campaign's results as a viewer may see them, read from its stored
// analysis: anyone who may see the campaign sees its results; outside the
// owning organisation, small cells of breakdowns are withheld.

export type CampaignResults = {
  campaign: { id: number; title: string; status: string; organisation: string }
  own: boolean
  design: Design
  /** The cards of the page: each analysed question, a multiple-choice question one per option. */
  items: ReturnType<typeof resultItems>
  /** Each wave with the responses the analysis read from it. */
  waves: (StoredWave & { responses: number })[]
  records: ImpactRecord[]
  breakdowns: Breakdown[]
  threshold: number
}

/** The threshold of disclosure control for this viewer: none inside the owning organisation. */
export const thresholdFor = (viewer: Actor | null, organisationId: number) => (viewer?.membership?.organisationId === organisationId ? null : getEnv().SMALL_CELL_THRESHOLD)

export async function campaignResults(viewer: Actor | null, campaignId: number): Promise<CampaignResults> {
  const stored = await getCampaign(viewer, campaignId)
  const { design, records, breakdowns, waveSizes } = await storedAnalysis(campaignId)
  const threshold = thresholdFor(viewer, stored.row.organisationId)
  const campaign = { id: campaignId, title: stored.campaign.title, status: stored.row.status, organisation: stored.organisation.name }
  return {
    campaign,
    own: threshold === null,
    design,
    // Each question in the reader's language where it has been given in it.
    items: resultItems(questionsOf(campaignId, false).map((q) => questionIn(q, currentTranslator().locale))),
    waves: waveRows(campaignId).map((w) => ({ ...w, responses: waveSizes[w.id] ?? 0 })),
    records,
    breakdowns: disclose(breakdowns, threshold),
    threshold: getEnv().SMALL_CELL_THRESHOLD,
  }
}
