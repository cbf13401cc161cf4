// Where campaigns reach whom, and when: the coordination workspace's coverage
// table (audience × subdivision) and heat map (subdivision × month). A
// country-level campaign counts in every subdivision of its country. Gaps —
// a zero — matter as much as crowding.

export type CoverageCampaign = { subdivisions: readonly string[]; audiences: readonly string[]; startDate: string; endDate: string }

export function coverageTable(campaigns: readonly CoverageCampaign[], subdivisions: readonly string[], audiences: readonly string[]) {
  const cells = new Map<string, number>()
  for (const c of campaigns) {
    const places = c.subdivisions.length ? c.subdivisions.filter((s) => subdivisions.includes(s)) : subdivisions
    for (const a of c.audiences) for (const s of places) cells.set(`${a}|${s}`, (cells.get(`${a}|${s}`) ?? 0) + 1)
  }
  return audiences.map((audience) => ({ audience, counts: subdivisions.map((s) => cells.get(`${audience}|${s}`) ?? 0) }))
}

/** Months from `from` to `to` (YYYY-MM), inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = []
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]
  const [ey, em] = [Number(to.slice(0, 4)), Number(to.slice(5, 7))]
  while (y < ey || (y === ey && m <= em)) {
    months.push(`${y}-${String(m).padStart(2, '0')}`)
    if (m === 12) {
      y += 1
      m = 1
    } else {
      m += 1
    }
  }
  return months
}

/** Campaigns running in each subdivision in each month (any day of the month counts). */
export function heatMap(campaigns: readonly CoverageCampaign[], subdivisions: readonly string[], months: readonly string[]) {
  return subdivisions.map((subdivision) => ({
    subdivision,
    counts: months.map(
      (month) =>
        campaigns.filter(
          (c) => (c.subdivisions.length === 0 || c.subdivisions.includes(subdivision)) && c.startDate.slice(0, 7) <= month && c.endDate.slice(0, 7) >= month,
        ).length,
    ),
  }))
}
