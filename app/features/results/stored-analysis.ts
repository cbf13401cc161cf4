import type { Design, Dimension, ImpactRecord } from './impact'

// What is kept of a campaign's analysis between a change to its answers and
// the next: every record, every breakdown cell in full, and how many
// responses each wave held (by wave id) when it was analysed. Small cells are
// withheld when it is shown (disclosure.ts), for the viewer at hand.

export type StoredBreakdown = { dimension: Dimension; question: string; cells: { value: string; record: ImpactRecord }[] }
export type StoredAnalysis = { design: Design; records: ImpactRecord[]; breakdowns: StoredBreakdown[]; waveSizes: Record<number, number> }
