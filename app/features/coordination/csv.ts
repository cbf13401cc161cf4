import { campaignCode } from '../campaigns'

// The workspace's pairs as a spreadsheet, with an HXL hashtag row as the
// campaign 3W has, so that both load into the same tools: each pair's
// country, both campaigns by the codes the 3W gives them, the score and the
// latest review. Attributes of Lantern's own are x_ ones, as HXL asks.

type Side = { id: number; title: string; organisation: string; importCode: string | null }
type Pair = { a: Side; b: Side; country: string; score: number; level: string; periodStart: string; periodEnd: string; verdict: string; note: string; reasons: string[] }

const COLUMNS = [
  ['cluster', '#x_cluster'],
  ['country_iso3', '#country+code'],
  ['country', '#country+code+v_iso2'],
  ['campaign_a', '#activity+name+x_first'],
  ['code_a', '#activity+code+x_first'],
  ['organisation_a', '#org+name+impl+x_first'],
  ['campaign_b', '#activity+name+x_second'],
  ['code_b', '#activity+code+x_second'],
  ['organisation_b', '#org+name+impl+x_second'],
  ['score', '#x_overlap+x_score'],
  ['level', '#x_overlap+x_level'],
  ['period_start', '#date+start'],
  ['period_end', '#date+end'],
  ['review', '#status+x_review'],
  ['note', '#description+x_review'],
  ['reasons', '#description+x_reasons'],
] as const

export function pairsTable(clusters: readonly (readonly Pair[])[], alpha3: (country: string) => string) {
  const rows = clusters.flatMap((pairs, n) =>
    pairs.map((p) => [n + 1, alpha3(p.country), p.country, p.a.title, campaignCode(p.a), p.a.organisation, p.b.title, campaignCode(p.b), p.b.organisation, p.score.toFixed(2), p.level, p.periodStart, p.periodEnd, p.verdict, p.note, p.reasons.join(' ')]),
  )
  return { fields: COLUMNS.map(([header]) => header), rows: [COLUMNS.map(([, tag]) => tag), ...rows] }
}
