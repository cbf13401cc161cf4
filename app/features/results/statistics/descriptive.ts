// The two summaries every other statistic starts from, as R computes them.

export const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length

/** The sample variance (n − 1), as R's var. */
export function variance(xs: readonly number[]): number {
  const m = mean(xs)
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1)
}
