// Durations that users are told about, so the pages and the services agree.
export const INVITE_TTL_DAYS = 7
export const SESSION_TTL_DAYS = 30
export const DAY_MS = 24 * 60 * 60 * 1000
