import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { db } from '../../shared/db.server'
import { analyseCampaign } from './campaign-analysis.server'
import type { StoredAnalysis } from './stored-analysis'

// Where a campaign's analysis runs. A survey of a few hundred responses is
// analysed in a few milliseconds, here; a larger one in the analysis worker,
// which has its own database connection, so that no request waits on the
// event loop while hundreds of thousands of answers are read and tested.

/** Up to this many responses, analysing costs less than handing the job to the worker (measured: about 50 µs per response). */
export const INLINE_RESPONSES = 1000

const WORKER = resolve(process.cwd(), 'app/features/results/analysis.worker.mjs')

type Pending = { resolve: (a: StoredAnalysis) => void; reject: (e: Error) => void }
let worker: Worker | null = null
const pending = new Map<number, Pending>()
let jobs = 0

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error)
  pending.clear()
  worker = null
}

function analysisWorker(): Worker {
  if (worker) return worker
  const w = new Worker(WORKER, { env: process.env })
  w.on('message', (m: { job: number; analysis?: StoredAnalysis; error?: string }) => {
    const p = pending.get(m.job)
    pending.delete(m.job)
    // Idle, the worker does not keep the process alive (the command line, the tests).
    if (pending.size === 0) w.unref()
    if (!p) return
    if (m.analysis) p.resolve(m.analysis)
    else p.reject(new Error(`The analysis failed: ${m.error}`))
  })
  w.on('error', (e) => failAll(e))
  w.on('exit', (code) => failAll(new Error(`The analysis worker stopped (exit code ${code}).`)))
  worker = w
  return w
}

/** Whether a campaign has more responses than are analysed here: counted no further than that, not through all of them. */
function largerThanInline(campaignId: number): boolean {
  const counted = db.$client
    .prepare('select count(*) from (select 1 from survey_responses r join survey_waves w on w.id = r.wave_id where w.campaign_id = ? limit ?)')
    .pluck()
    .get(campaignId, INLINE_RESPONSES + 1) as number
  return counted > INLINE_RESPONSES
}

/** The analysis of a campaign's answers as they are now. */
export function runAnalysis(campaignId: number): Promise<StoredAnalysis> {
  if (!largerThanInline(campaignId)) return Promise.resolve(analyseCampaign(campaignId))
  const w = analysisWorker()
  const job = ++jobs
  return new Promise((resolve, reject) => {
    pending.set(job, { resolve, reject })
    w.ref()
    w.postMessage({ job, campaignId })
  })
}
