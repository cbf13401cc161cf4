export * from './dashboard-charts'
export * from './rollup'
export * from './schemas'
