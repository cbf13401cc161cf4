export * from './iati.server'
