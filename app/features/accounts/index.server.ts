// Accounts: sign-up and log-in, sessions and the current actor, passwords, the log-in rate limit.
export * from './auth.server'
export * from './password.server'
export * from './session.server'
