// Tell this run's rows apart from any other's: end-to-end test files share
// one server's database, each making its own people and campaigns.
const run = Math.random().toString(36).slice(2, 6)
let n = 0

/** A name no other row has. */
export const unique = (prefix: string) => `${prefix} ${run}${++n}`

/** The same, as a code or the local part of an email: `prefix_k3x97`. */
export const uniqueCode = (prefix: string) => `${prefix}_${run}${++n}`
