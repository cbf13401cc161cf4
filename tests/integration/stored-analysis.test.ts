import { describe, expect, it } from 'vitest'
import * as resultsPage from '../../app/routes/campaigns.$campaignId.results'
import { analyseCampaign } from '../../app/features/results/campaign-analysis.server'
import { INLINE_RESPONSES } from '../../app/features/results/analysis-runner.server'
import { refreshSummaries, storedAnalysis } from '../../app/features/results/index.server'
import { db } from '../../app/shared/db.server'
import { createOrganisation, createSurveyedCampaign, PANEL_GAIN, responseCount } from '../factories'
import { get, invoke } from './helpers'

// Results are read from the analysis stored by the results flow, not worked
// out from every answer on each request; a large survey is analysed in the
// analysis worker, and the server keeps answering meanwhile.

/** The longest the event loop went without running a timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now()
  let longest = 0
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 5)
  try {
    await work()
  } finally {
    clearInterval(timer)
  }
  return Math.max(longest, performance.now() - last)
}

describe('stored analysis', () => {
  it('serves the results page from the stored analysis: answers changed outside the results flow show only after a refresh', async () => {
    const id = createSurveyedCampaign(createOrganisation(), { visibility: 'published' })
    type Page = { records: { nPre: number }[]; waves: { kind: string; group: string; responses: number }[] }
    const page = async () => (await invoke(resultsPage.loader, get(`/campaigns/${id}/results`), { campaignId: String(id) })).data as Page
    const baseline = (p: Page) => p.waves.find((w) => w.kind === 'baseline' && w.group === 'campaign')!.responses
    const before = await page()
    expect(baseline(before)).toBe(responseCount(id, 'baseline'))
    db.$client.prepare("delete from survey_responses where wave_id = (select id from survey_waves where campaign_id = ? and kind = 'baseline' and \"group\" = 'campaign') and id % 2 = 0").run(id)
    // The wave sizes shown are those the figures were computed from, not a count made on each read.
    expect((await page()).records[0]!.nPre).toBe(before.records[0]!.nPre)
    expect(baseline(await page())).toBe(baseline(before))
    await refreshSummaries(id)
    expect((await page()).records[0]!.nPre).toBeLessThan(before.records[0]!.nPre)
    expect(baseline(await page())).toBe(responseCount(id, 'baseline'))
  })

  it('analyses a large survey in the worker, with the same figures, without holding up other requests', async () => {
    const id = createSurveyedCampaign(createOrganisation(), { plan: { ...PANEL_GAIN, n: 5000 } })
    expect(responseCount(id)).toBeGreaterThan(INLINE_RESPONSES)
    const started = performance.now()
    const here = analyseCampaign(id)
    const inline = performance.now() - started
    const stall = await longestStall(() => refreshSummaries(id))
    expect(await storedAnalysis(id)).toEqual(JSON.parse(JSON.stringify(here)))
    // On this thread the analysis holds the event loop for all of `inline`; in the worker, timers keep running.
    expect(stall).toBeLessThan(inline / 2)
  }, 60_000)
})
