export * from './coordination.server'
export * from './overlaps.server'
