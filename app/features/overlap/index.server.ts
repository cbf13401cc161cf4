export * from './pairs.server'
