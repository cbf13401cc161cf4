export * from './import.server'
export * from './surveys.server'
