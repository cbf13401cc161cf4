export * from './standards.server'
