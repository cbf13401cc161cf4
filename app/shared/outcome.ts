// What a service answers when a write may be refused for reasons a person can
// fix: the value, or messages for the form and for each field.

export type FieldErrors = Record<string, string[]>

export type Outcome<T> = { ok: true; value: T } | { ok: false; formErrors?: string[]; fieldErrors?: FieldErrors }
