export * from './schemas'
export * from './standard-indicator-form'
