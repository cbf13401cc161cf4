import type { Actor } from './permissions/permissions'

declare const granted: unique symbol

/**
 * Leave to write something a campaign's results are computed from: answers,
 * actuals, indicators, the questions that measure them, the audiences and
 * channels its summary counts. Only the results flow (changeResults in
 * features/results) hands one out, so a write that takes one cannot run
 * without the summaries and the lifecycle following it.
 */
export type ResultsChange = { readonly actor: Actor; readonly campaignId: number; readonly [granted]: true }
