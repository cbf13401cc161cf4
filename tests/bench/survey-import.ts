// Importing a survey spreadsheet (two waves, five questions; 100,000 rows by
// default, LANTERN_BENCH_SURVEY_ROWS=100000,650000 for more sizes): parse,
// map, validate every cell, check duplicates, write every response and
// answer, in the import's worker thread. Baseline: the same responses and answers written with bare
// prepared statements in one transaction — the floor for storing that file.
// Also: how long the event loop is blocked at worst while the import runs
// (other requests, /healthz among them, wait that long), and the peak
// memory above idle (this process and its writer thread).
import { measure, measureAlternating, report, type Timing } from './measure'
import { demoDatabase } from './demo-data'
import { record } from './summary'

import type { ResultsChange } from '../../app/shared/results-change'

export async function runSurveyImportBench() {
  const db = await demoDatabase()
  const { insertCampaignTree } = await import('../../db/campaign-writes')
  const { LIKERT_LABELS } = await import('../../app/features/surveys/answers')
  const { addQuestions, addWave } = await import('../../app/features/surveys/index.server')
  const { importPlan, prepareImportWorkers, runImport, storeUpload } = await import('../../app/features/surveys/import.server')
  const { changeResults } = await import('../../app/features/results/flow.server')
  const { checkDatabase } = await import('../../app/shared/health.server')
  const q = <T>(sql: string) => db.$client.prepare(sql).pluck().get() as T
  const organisationId = q<number>("select id from organisations where name = 'Safe Passage Ukraine'")
  const userId = q<number>("select id from users where email = 'orgadmin@lantern.example'")
  const actor = { userId, isPlatformAdmin: false, membership: { organisationId, role: 'org_admin' as const, organisationApproved: true } }

  // As the server does at start: the workers' bundles are made before the first import.
  await prepareImportWorkers()
  for (const size of (process.env.LANTERN_BENCH_SURVEY_ROWS ?? '100000').split(',').map(Number)) await benchSize(size)

  async function benchSize(size: number) {
    const RESPONDENTS = Math.floor(size / 2)
    const rounds = size > 200_000 ? 1 : 3
    const questions = [
      { code: 'knows_hotline', type: 'binary' as const, desired: '1', options: [], min: null, max: null },
      { code: 'fee_is_warning', type: 'binary' as const, desired: '1', options: [], min: null, max: null },
      { code: 'would_report', type: 'likert' as const, desired: null, options: [...LIKERT_LABELS], min: null, max: null },
      { code: 'would_check_agency', type: 'likert' as const, desired: null, options: [...LIKERT_LABELS], min: null, max: null },
      { code: 'knowledge_score', type: 'score' as const, desired: null, options: [], min: 0, max: 10 },
    ]
    const rows = Array.from({ length: 2 * RESPONDENTS }, (_, i) => {
      const n = i % RESPONDENTS
      return [`R${n}`, i < RESPONDENTS ? 'pre' : 'post', 'campaign', n % 2, (n >> 1) % 2, 1 + (n % 5), 1 + ((n >> 2) % 5), n % 11].join(',')
    })
    const text = ['respondent_code,wave,group,' + questions.map((x) => x.code).join(','), ...rows].join('\n')

    /** A fresh campaign with the instrument and both waves, for each round. */
    const campaign = async () => {
      const id = db.$client.transaction(() => insertCampaignTree(db.$client, organisationId, userId, { title: 'Survey benchmark', pillar: 'prevention' }))()
      await changeResults(actor, id, (change) => addQuestions(change, questions.map((x) => ({ ...x, text: x.code, indicatorId: null }))))
      for (const kind of ['baseline', 'endline'] as const) await addWave(actor, id, { kind, group: 'campaign', design: 'panel', samplingNotes: '' })
      return id
    }

    const bareResponse = db.$client.prepare('insert into survey_responses (wave_id, respondent_code) values (?, ?)')
    const bareAnswer = db.$client.prepare('insert into survey_answers (response_id, question_id, value) values (?, ?, ?)')
    const bare = async () => {
      const id = await campaign()
      const waves = db.$client.prepare('select id from survey_waves where campaign_id = ? order by id').pluck().all(id) as number[]
      const questionIds = db.$client.prepare('select id from survey_questions where campaign_id = ? order by position').pluck().all(id) as number[]
      db.$client.transaction(() => {
        for (const line of rows) {
          const cells = line.split(',')
          const responseId = bareResponse.run(waves[cells[1] === 'pre' ? 0 : 1], cells[0]).lastInsertRowid
          questionIds.forEach((questionId, k) => bareAnswer.run(responseId, questionId, cells[3 + k]))
        }
      })()
    }

    // A ticker every 5 ms runs /healthz's database check: the longest gap between its ticks is the longest /healthz, or another request, would have waited.
    // Memory is measured from just before each import: the baseline's page cache, filled in the same process, is not the import's.
    let worst = 0
    let peak = 0
    const watch = async <T>(work: () => Promise<T>): Promise<T> => {
      global.gc?.()
      const idle = process.memoryUsage.rss()
      let last = performance.now()
      const ticker = setInterval(() => {
        if (!checkDatabase()) throw new Error('the database should answer during an import')
        const now = performance.now()
        worst = Math.max(worst, now - last)
        peak = Math.max(peak, process.memoryUsage.rss() - idle)
        last = now
      }, 5)
      try {
        const result = await work()
        await new Promise((done) => setTimeout(done, 20))
        return result
      } finally {
        clearInterval(ticker)
      }
    }
    const mapped = await measure(async () => {
      const id = await campaign()
      const plan = await importPlan(actor, id, await storeUpload(actor, id, 'benchmark.csv', text))
      if (plan.problems.length) throw new Error('the benchmark file should be valid')
    }, rounds)
    const importing = async () => {
      const id = await campaign()
      const upload = await storeUpload(actor, id, 'benchmark.csv', text)
      // The import alone: refreshing the campaign's results afterwards is the analysis's work, measured by the results bench.
      const result = await watch(async () => runImport({ actor, campaignId: id } as ResultsChange, upload, {}))
      if (!result.ok || result.created !== rows.length) throw new Error('the benchmark file should import')
    }
    // Rounds alternate, so that baseline and import each write into a database of the same size.
    const [baseline, imported] = (await measureAlternating([bare, importing], rounds)) as [Timing, Timing]
    report(`Survey import, ${rows.length.toLocaleString('en')} rows × ${questions.length} questions, ${(text.length / 1024 / 1024).toFixed(1)} MB (times in µs for the whole file)`, [
      ['baseline: bare responses and answers, prepared statements', baseline],
      ['store the upload and show its mapping page (first rows)', mapped],
      ['runImport (parse, map, validate, check, write all; worker thread)', imported],
    ], baseline)
    const perSecond = (t: Timing) => rows.length / (t.median / 1e6)
    record({ bench: 'survey', figure: `import rate, ${rows.length.toLocaleString('en')} rows (baseline: bare inserts)`, value: perSecond(imported), baseline: perSecond(baseline), unit: 'rows/s', goal: { of: 'ratio', atLeast: 0.6 } })
    record({ bench: 'survey', figure: 'longest the server could not answer during an import', value: worst, unit: 'ms', goal: { of: 'value', atMost: 200 } })
    record({ bench: 'survey', figure: 'peak memory above idle during the imports', value: peak / 1024 / 1024, unit: 'MB', goal: { of: 'value', atMost: 128 } })
  }
}
