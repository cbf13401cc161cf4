// The surveys feature's server API: the instrument, the waves, the answers
// (typed, imported, exported) and the reads the analysis uses.
export * from './import.server'
export * from './instrument.server'
export * from './responses.server'
export * from './store.server'
export * from './waves.server'
export * from './translations.server'
