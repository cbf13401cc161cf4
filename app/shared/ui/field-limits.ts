// Limits the pages state in their hints, apart from the schemas that enforce
// them so that the pages need not load zod.

export const PASSWORD_MIN = 10
