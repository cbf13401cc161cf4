// Dashboards, for the browser: the charts and the roll-up rule.
export * from './dashboard-charts'
export * from './rollup'
export * from './schemas'
