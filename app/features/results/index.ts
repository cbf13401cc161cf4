// The results feature's browser-safe entry: components, schemas and wording.
// The analysis itself (statistics) is reached through index.server.ts only.
export * from './actual-schema'
export { UNDECLARED_NOTE } from './conventions'
export * from './impact-words'
export * from './indicator-format'
export * from './progress'
export * from './result-card'
export * from './sample-size-planner'
export * from './sample-size-schema'
