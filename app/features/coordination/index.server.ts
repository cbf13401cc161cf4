// Coordination: the workspace's pairs and reviews, buffers, coverage, and the overlaps a campaign page and the live check show.
export * from './coordination.server'
export * from './overlaps.server'
export * from './live-check-schema'
