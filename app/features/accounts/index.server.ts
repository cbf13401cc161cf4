// Accounts: sign-up and log-in, sessions and the current actor, passwords, the limits on log-ins and on making accounts.
export * from './auth.server'
export * from './password.server'
export { rationedAccountCreation } from './rate-limit.server'
export * from './session.server'
export { chooseLanguage, languageOfAccount, translatorOf } from './language.server'
