import { todayIn } from '../../shared/i18n'
import { qualityCheck, type Finding } from '../campaigns'
import type { StoredCampaign } from '../campaigns/index.server'
import { summarisedIndicators } from './summaries.server'

// The quality check of a campaign as it stands today: its status, the date,
// and the baselines its survey measured (which replace the planned ones).

type Summarised = Awaited<ReturnType<typeof summarisedIndicators>>

/** `indicators`: the campaign's summarised indicators, where the caller has read them already. */
export async function campaignFindings(stored: StoredCampaign, indicators?: Summarised, today = todayIn(stored.organisation.timeZone)): Promise<Finding[]> {
  const measured = new Map((indicators ?? (await summarisedIndicators(stored.row.id))).map((i) => [i.id, i.result.baselineFrom === 'survey' ? i.result.baseline : null]))
  // The same indicators, in the same order, as stored.campaign.objectives.
  const measuredBaselines = stored.objectives.flatMap((o) => o.indicators).map((i) => measured.get(i.id) ?? null)
  return qualityCheck(stored.campaign, { status: stored.row.status, today, measuredBaselines })
}
