// Coordination, for the browser: the workspace's filters, coverage tables, the heat map and the overlap lists.
export * from './coverage-tables'
export * from './csv'
export * from './live-overlaps'
export * from './overlaps'
export * from './registry-filters'
export * from './schemas'
