export * from './notifications.server'
