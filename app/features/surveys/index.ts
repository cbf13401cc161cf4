// Surveys, for the browser: questions and answers as the domain reads them, the import's
// column roles and plan, the forms and tables.
export * from './answers'
export * from './columns'
export * from './import-plan'
export * from './import-schemas'
export * from './question-fields'
export * from './response'
export * from './response-form'
export * from './schemas'
export * from './starters'
export * from './waves-table'
export * from './sampling-fields'
export * from './personal-data'
