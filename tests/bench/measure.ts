export type Timing = { median: number; p95: number }

/** Runs fn `rounds` times after a warm-up and returns median and p95 in microseconds. */
export async function measure(fn: () => unknown, rounds = 2000): Promise<Timing> {
  for (let i = 0; i < Math.min(200, Math.ceil(rounds / 5)); i++) await fn()
  const samples: number[] = []
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint()
    await fn()
    samples.push(Number(process.hrtime.bigint() - start) / 1000)
  }
  return timing(samples)
}

/** As measure, for several pieces of work run in turn each round: each sees the same state the others leave, as a database that grows. */
export async function measureAlternating(fns: readonly (() => unknown)[], rounds: number): Promise<Timing[]> {
  for (const fn of fns) await fn()
  const samples = fns.map((): number[] => [])
  for (let i = 0; i < rounds; i++) {
    for (const [k, fn] of fns.entries()) {
      const start = process.hrtime.bigint()
      await fn()
      samples[k]!.push(Number(process.hrtime.bigint() - start) / 1000)
    }
  }
  return samples.map(timing)
}

function timing(samples: number[]): Timing {
  samples.sort((a, b) => a - b)
  return { median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.floor(samples.length * 0.95)]! }
}

export function report(title: string, rows: [string, Timing][], baseline: Timing) {
  console.log(`\n${title}`)
  for (const [name, t] of rows) {
    console.log(
      `  ${name.padEnd(52)} median ${t.median.toFixed(1).padStart(8)} µs  p95 ${t.p95.toFixed(1).padStart(8)} µs  ` +
        `× baseline ${(t.median / baseline.median).toFixed(2)}`,
    )
  }
}
