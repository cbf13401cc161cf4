// Overlapping pairs grouped into clusters: campaigns connected through any
// chain of overlaps, so a coordinator sees one situation at a time.

export function clustersOf<P extends { campaignA: number; campaignB: number; score: number }>(pairs: readonly P[]): P[][] {
  const parent = new Map<number, number>()
  const find = (x: number): number => {
    let root = x
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!
    parent.set(x, root)
    return root
  }
  for (const p of pairs) {
    for (const id of [p.campaignA, p.campaignB]) if (!parent.has(id)) parent.set(id, id)
    const [ra, rb] = [find(p.campaignA), find(p.campaignB)]
    if (ra !== rb) parent.set(ra, rb)
  }
  const groups = new Map<number, P[]>()
  for (const p of pairs) {
    const root = find(p.campaignA)
    groups.set(root, [...(groups.get(root) ?? []), p])
  }
  const best = (g: P[]) => Math.max(...g.map((p) => p.score))
  return [...groups.values()].map((g) => [...g].sort((x, y) => y.score - x.score)).sort((x, y) => best(y) - best(x))
}
