import { analyseSurvey, type Design, type ImpactRecord } from './impact'
import { breakdowns, type Breakdown } from './impact-breakdown'
import { surveyData, type StoredResponse } from './impact-input'
import type { Actor } from '../../shared/permissions/permissions'
import { waveKey } from '../surveys'
import { getCampaign } from '../campaigns/index.server'
import { getEnv } from '../../shared/env.server'
import { questionsOf, responsesWithAnswers, wavesOf, type StoredQuestion } from '../surveys/index.server'

// A campaign's results: its stored answers read into the same analysis the
// command line runs. Anyone who may see the campaign sees its results;
// outside the owning organisation, small cells of breakdowns are withheld.

export type CampaignResults = {
  campaign: { id: number; title: string; status: string; organisation: string }
  own: boolean
  design: Design
  questions: StoredQuestion[]
  waves: ReturnType<typeof wavesOf>
  records: ImpactRecord[]
  breakdowns: Breakdown[]
  threshold: number
}

/** The panel design when the campaign group's endline (or, lacking one, its baseline) is a panel. */
function designOf(waves: ReturnType<typeof wavesOf>): Design {
  const wave = waves.find((w) => w.group === 'campaign' && w.kind === 'endline') ?? waves.find((w) => w.group === 'campaign' && w.kind === 'baseline')
  return wave?.design ?? 'cross_section'
}

/** A campaign's stored answers, analysed; no access check (callers have made theirs). */
export function analysisOf(campaignId: number) {
  const questions = questionsOf(campaignId, false)
  const waves = wavesOf(campaignId)
  const byWave = new Map(waves.map((w) => [w.id, w]))
  const codeOf = new Map(questions.map((q) => [q.id, q.code]))
  const { responses, answers } = responsesWithAnswers([...byWave.keys()])
  const given: StoredResponse[] = responses.map((r) => {
    const w = byWave.get(r.waveId)!
    const byCode: Record<string, string> = {}
    for (const [questionId, value] of answers.get(r.id) ?? []) byCode[codeOf.get(questionId)!] = value
    return { wave: waveKey(w.kind, w.group), respondentCode: r.respondentCode, answers: byCode, sex: r.sex, ageBand: r.ageBand, locality: r.locality }
  })
  const design = designOf(waves)
  const data = surveyData(questions, given, design)
  return { questions, waves, design, data, records: analyseSurvey(data) }
}

export async function campaignResults(viewer: Actor | null, campaignId: number): Promise<CampaignResults> {
  const stored = await getCampaign(viewer, campaignId)
  const own = viewer?.membership?.organisationId === stored.row.organisationId
  const { questions, waves, design, data, records } = analysisOf(campaignId)
  const threshold = getEnv().SMALL_CELL_THRESHOLD
  const campaign = { id: campaignId, title: stored.campaign.title, status: stored.row.status, organisation: stored.organisation.name }
  return { campaign, own, design, questions, waves, records, breakdowns: breakdowns(data, own ? null : threshold), threshold }
}
