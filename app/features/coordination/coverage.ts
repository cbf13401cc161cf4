// Where campaigns reach whom, and when: the coordination workspace's coverage
// table (audience × subdivision) and heat map (subdivision × month). A
// country-level campaign counts in every subdivision of its country. Gaps —
// a zero — matter as much as crowding.

export type CoverageCampaign = { subdivisions: readonly string[]; audiences: readonly string[]; startDate: string; endDate: string }

/** Column numbers of the subdivisions a campaign reaches: all of them for a country-level campaign. */
function placesOf(columns: ReadonlyMap<string, number>, all: readonly number[]) {
  return (c: CoverageCampaign) => (c.subdivisions.length ? c.subdivisions.flatMap((s) => (columns.has(s) ? [columns.get(s)!] : [])) : all)
}

export function coverageTable(campaigns: readonly CoverageCampaign[], subdivisions: readonly string[], audiences: readonly string[]) {
  const rows = new Map(audiences.map((a, i) => [a, i]))
  const places = placesOf(new Map(subdivisions.map((s, i) => [s, i])), subdivisions.map((_, i) => i))
  const counts = audiences.map(() => subdivisions.map(() => 0))
  for (const c of campaigns) {
    const columns = places(c)
    for (const a of c.audiences) {
      const line = counts[rows.get(a) ?? -1]
      if (line) for (const i of columns) line[i]! += 1
    }
  }
  return audiences.map((audience, i) => ({ audience, counts: counts[i]! }))
}

/**
 * The period the workspace shows when none is chosen: the twelve months
 * before this one, this one and the eleven after — what is running, what just
 * ran and what is being planned (the heat map's 24 columns).
 */
export function defaultPeriod(today: string): { from: string; to: string } {
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1]
  const first = new Date(Date.UTC(y, m - 12, 1))
  const last = new Date(Date.UTC(y, m + 12, 0))
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) }
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

const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1

/** Campaigns running in each subdivision in each month (any day of the month counts); `months` are consecutive. */
export function heatMap(campaigns: readonly CoverageCampaign[], subdivisions: readonly string[], months: readonly string[]) {
  const places = placesOf(new Map(subdivisions.map((s, i) => [s, i])), subdivisions.map((_, i) => i))
  const counts = subdivisions.map(() => months.map(() => 0))
  if (months.length) {
    const base = monthNumber(months[0]!)
    for (const c of campaigns) {
      const first = Math.max(0, monthNumber(c.startDate) - base)
      const last = Math.min(months.length - 1, monthNumber(c.endDate) - base)
      if (first > last) continue
      for (const i of places(c)) for (let k = first; k <= last; k++) counts[i]![k]! += 1
    }
  }
  return subdivisions.map((subdivision, i) => ({ subdivision, counts: counts[i]! }))
}
