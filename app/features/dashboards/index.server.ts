export * from './dashboard.server'
export * from './rollup.server'
