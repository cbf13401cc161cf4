// Standard indicators, for the browser: the library's form and schema.
export * from './schemas'
export * from './standard-indicator-form'
