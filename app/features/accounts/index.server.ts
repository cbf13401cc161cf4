export * from './auth.server'
export * from './password.server'
export * from './session.server'
