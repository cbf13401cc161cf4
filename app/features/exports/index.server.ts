// Exports: IATI 2.03 activities of one campaign or of a dashboard's set.
export * from './iati.server'
