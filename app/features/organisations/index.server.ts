// Organisations: profiles, members and invites, the audit log, platform administration.
export * from './invites.server'
export * from './organisations.server'
export * from './platform.server'
export * from './audit-log.server'
