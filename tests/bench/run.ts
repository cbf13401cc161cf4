// npm run bench — figures are ratios to a baseline measured in the same run,
// because the machines here are noisy. Not part of npm test.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'lantern-bench-'))
process.env.DATABASE_PATH = join(dir, 'bench.db')
process.env.SESSION_SECRET = 'benchmark-secret-that-is-long-enough'

const { runDashboardBench } = await import('./dashboard')
const { runSessionBench } = await import('./session')
const { runImportBench } = await import('./campaign-import')
const { runOverlapBench } = await import('./overlap')
const { runSurveyImportBench } = await import('./survey-import')
const { runWritersBench } = await import('./writers')
const { runResultsBench } = await import('./results')
const { runPagesBench } = await import('./pages')
const { summaryTable } = await import('./summary')
// `npm run bench -- overlap` runs one; no argument runs them all.
// The dashboard bench goes first: it measures the demo grown to 2,000 campaigns, before the other benches add theirs. The pages bench reads that database too.
const benches = { dashboard: runDashboardBench, pages: runPagesBench, session: runSessionBench, import: runImportBench, overlap: runOverlapBench, survey: runSurveyImportBench, writers: runWritersBench, results: runResultsBench }
const chosen = process.argv.slice(2).filter((name): name is keyof typeof benches => name in benches)
try {
  for (const name of chosen.length ? chosen : (Object.keys(benches) as (keyof typeof benches)[])) await benches[name]()
} finally {
  console.log(`\nSummary (${new Date().toISOString().slice(0, 16)}Z)\n\n${summaryTable()}`)
  rmSync(dir, { recursive: true, force: true })
}
