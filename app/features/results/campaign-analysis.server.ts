import { analyseSurvey, type Design } from './impact'
import { breakdowns } from './impact-breakdown'
import { surveyData, type StoredResponse } from './impact-input'
import type { StoredAnalysis } from './stored-analysis'
import { waveKey } from '../surveys'
import { questionsOf, responsesWithAnswers, waveRows, type StoredWave } from '../surveys/index.server'

// A campaign's stored answers read into the same analysis the command line
// runs, with every breakdown in full. The costly part of Lantern: every
// answer is read and analysed, so it runs only when the answers change, in
// the analysis worker for large surveys (analysis-runner.server.ts).

/** The panel design when the campaign group's endline (or, lacking one, its baseline) is a panel. */
function designOf(waves: StoredWave[]): Design {
  const wave = waves.find((w) => w.group === 'campaign' && w.kind === 'endline') ?? waves.find((w) => w.group === 'campaign' && w.kind === 'baseline')
  return wave?.design ?? 'cross_section'
}

/** A campaign's answers, analysed; no access check (this is what the results flow stores). */
export function analyseCampaign(campaignId: number): StoredAnalysis {
  const questions = questionsOf(campaignId, false)
  const waves = waveRows(campaignId)
  const byWave = new Map(waves.map((w) => [w.id, w]))
  const codeOf = new Map(questions.map((q) => [q.id, q.code]))
  const { responses, answers } = responsesWithAnswers([...byWave.keys()])
  const waveSizes: Record<number, number> = Object.fromEntries(waves.map((w) => [w.id, 0]))
  for (const r of responses) waveSizes[r.waveId]!++
  const given: StoredResponse[] = responses.map((r) => {
    const w = byWave.get(r.waveId)!
    const byCode: Record<string, string> = {}
    for (const [questionId, value] of answers.get(r.id) ?? []) byCode[codeOf.get(questionId)!] = value
    return {
      wave: waveKey(w.kind, w.group),
      respondentCode: r.respondentCode,
      answers: byCode,
      sex: r.sex,
      ageBand: r.ageBand,
      locality: r.locality,
      sampling: w.sampling,
      cluster: r.cluster,
      stratum: r.stratum,
      weight: r.weight,
    }
  })
  const design = designOf(waves)
  const data = surveyData(questions, given, design, waves.find((w) => w.clusterUnit)?.clusterUnit ?? null)
  return { design, records: analyseSurvey(data), breakdowns: breakdowns(data), waveSizes }
}
