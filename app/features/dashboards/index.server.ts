// Dashboards: the outcome dashboard and the standard indicators' roll-up, read from the summaries.
export * from './dashboard.server'
export * from './rollup.server'
