// Notifications: what a person has been told (new overlaps), and marking it read.
export * from './notifications.server'
