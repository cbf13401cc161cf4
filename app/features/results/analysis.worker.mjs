// Analyses campaigns in a thread of their own, so that the server keeps
// answering while a large survey's answers are read and tested (see
// docs/decisions/008-stored-analysis.md). The analysis is the app's own
// TypeScript, loaded with tsx: the same code in development, tests and
// production. One job at a time, in the order sent.
import { parentPort } from 'node:worker_threads'
import { tsImport } from 'tsx/esm/api'

const { analyseCampaign } = await tsImport('./campaign-analysis.server.ts', import.meta.url)

parentPort.on('message', ({ job, campaignId }) => {
  try {
    parentPort.postMessage({ job, analysis: analyseCampaign(campaignId) })
  } catch (error) {
    parentPort.postMessage({ job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
})
