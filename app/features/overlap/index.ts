export * from './scoring'
