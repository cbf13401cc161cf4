// Small factories: each test makes the organisations, people, campaigns and
// survey answers it needs in its own copy of an empty migrated database.
export * from './campaigns'
export * from './dates'
export * from './standards'
export * from './surveys'
export * from './unique'
export * from './users'
export * from './instruments'
