// Standard indicators: the coordinators' library, and the lookups campaigns adopt from.
export * from './standards.server'
