import { analyseSurvey, DIMENSIONS, type SurveyData } from './impact'
import type { StoredBreakdown } from './stored-analysis'
import { NOT_RECORDED } from './conventions'

// Results broken down by sex, age band and locality, in full: what the
// owning organisation sees. Everyone else sees them through disclose()
// (disclosure.ts). Respondents who did not say count as a cell of their own
// ("not recorded"), so that the cells of a breakdown add up to the whole.

/** The campaign group's results (baseline to endline) per value of each dimension that was collected. */
export function breakdowns(data: SurveyData): StoredBreakdown[] {
  const campaign = data.responses.filter((r) => r.group === 'campaign' && r.wave !== 'follow_up')
  const out: StoredBreakdown[] = []
  for (const dimension of DIMENSIONS) {
    // A respondent keeps one value across waves: the first one given.
    const valueOf = new Map<string, string>()
    for (const r of campaign) {
      const v = r.attributes?.[dimension]
      if (v && !valueOf.has(r.code)) valueOf.set(r.code, v)
    }
    if (valueOf.size === 0) continue
    const values = [...new Set(valueOf.values())].sort((a, b) => a.localeCompare(b))
    if (campaign.some((r) => !valueOf.has(r.code))) values.push(NOT_RECORDED)
    const perValue = values.map((value) =>
      analyseSurvey({ ...data, responses: campaign.filter((r) => (valueOf.get(r.code) ?? NOT_RECORDED) === value) }).filter((r) => r.group === 'campaign'),
    )
    data.questions.forEach((q, k) => {
      out.push({ dimension, question: q.code, cells: perValue.map((records, i) => ({ value: values[i]!, record: records[k]! })) })
    })
  }
  return out
}
