// Organisations, for the browser: the profile, member and platform forms' schemas.
export * from './schemas'
