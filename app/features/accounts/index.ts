// Accounts, for the browser: the sign-up, log-in and password forms' schemas.
export * from './schemas'
