// Each bench adds its headline figures here, and `npm run bench` ends with one
// table of them: a reader sees at once which goals hold on this machine today.

type Bound = { atMost: number } | { atLeast: number }

export type Figure = {
  bench: string
  figure: string
  value: number
  unit: string
  /** In the value's unit, measured in the same run. */
  baseline?: number
  /** A goal on the ratio value ÷ baseline, or on the value itself. */
  goal?: Bound & { of: 'ratio' | 'value' }
}

const figures: Figure[] = []

/** Keeps a figure for the summary table, and prints it at once with its goal. */
export function record(figure: Figure) {
  figures.push(figure)
  const [, , value, baseline, ratio, goal, met] = cellsOf(figure)
  const against = baseline ? `, ${ratio} of ${baseline}` : ''
  console.log(`  → ${figure.figure}: ${value}${against}${goal ? ` (goal ${goal}: ${met})` : ''}`)
}

const number = (n: number) => n.toLocaleString('en', { maximumFractionDigits: n < 10 ? 2 : n < 100 ? 1 : 0 })

function ratioOf(f: Figure) {
  return f.baseline ? f.value / f.baseline : undefined
}

function isMet(f: Figure): boolean | undefined {
  if (!f.goal) return undefined
  const x = f.goal.of === 'ratio' ? ratioOf(f) : f.value
  if (x === undefined) return false
  return 'atMost' in f.goal ? x <= f.goal.atMost : x >= f.goal.atLeast
}

function goalText(f: Figure) {
  if (!f.goal) return ''
  const [sign, bound] = 'atMost' in f.goal ? ['≤', f.goal.atMost] : ['≥', f.goal.atLeast]
  return f.goal.of === 'ratio' ? `ratio ${sign} ${number(bound)}` : `${sign} ${number(bound)} ${f.unit}`
}

function cellsOf(f: Figure) {
  const ratio = ratioOf(f)
  const met = isMet(f)
  return [
    f.bench,
    f.figure,
    `${number(f.value)} ${f.unit}`,
    f.baseline === undefined ? '' : `${number(f.baseline)} ${f.unit}`,
    ratio === undefined ? '' : `${number(ratio)}×`,
    goalText(f),
    met === undefined ? '' : met ? 'met' : 'NOT met',
  ]
}

/** A Markdown table, so that it can be pasted into a note as it is. */
export function summaryTable(list: readonly Figure[] = figures) {
  const rows = list.map(cellsOf)
  return [['bench', 'figure', 'value', 'baseline', 'ratio', 'goal', ''], ['---', '---', '---:', '---:', '---:', '---', '---'], ...rows]
    .map((cells) => `| ${cells.join(' | ')} |`)
    .join('\n')
}
