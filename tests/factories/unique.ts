let n = 0

/** A name no other row of this test file has. */
export const unique = (prefix: string) => `${prefix} ${++n}`

/** The same, as a code or the local part of an email: `prefix_7`. */
export const uniqueCode = (prefix: string) => `${prefix}_${++n}`
