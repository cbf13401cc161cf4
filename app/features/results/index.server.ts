// The results feature's server API: the analysis of a campaign's answers,
// its indicators' results and actuals, the summaries, and the results flow
// through which every change to them passes.
export * from './analysis.server'
export * from './disclosure'
export * from './findings.server'
export * from './flow.server'
export * from './impact-breakdown'
export * from './impact-table'
export * from './indicators.server'
export * from './sample-size-plan'
export * from './summaries.server'
