// Dashboards, for the browser: the charts and the roll-up rule.
export * from './dashboard-charts'
export * from './filter-query'
export * from './rollup'
export * from './problem-words'
export type { DashboardFilters } from './schemas'
