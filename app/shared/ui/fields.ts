import { z } from 'zod'
import { isCountryCode } from '../taxonomy/countries'
import { lazy } from '../i18n/ambient'
import { PASSWORD_MIN } from './field-limits'

// Field schemas shared by every form; messages are written for the person
// filling the form in, in the GOV.UK style ("Enter…", "Choose…"), and worded
// in their language when the form is checked (lazy).

export { PASSWORD_MIN }

export const emailField = z
  .string({ error: lazy({ id: 'fields.email.required', defaultMessage: 'Enter your email address' }) })
  .trim()
  .toLowerCase()
  .max(254, { error: lazy({ id: 'fields.email.too_long', defaultMessage: 'Email address must be {max, number} characters or fewer' }, { max: 254 }) })
  .pipe(z.email({ error: lazy({ id: 'fields.email.format', defaultMessage: 'Enter an email address in the correct format, like name@example.org' }) }))

export const newPasswordField = z
  .string({ error: lazy({ id: 'fields.password.required', defaultMessage: 'Enter a password' }) })
  .min(PASSWORD_MIN, { error: lazy({ id: 'fields.password.too_short', defaultMessage: 'Password must be at least {min, number} characters' }, { min: PASSWORD_MIN }) })
  .max(200, { error: lazy({ id: 'fields.password.too_long', defaultMessage: 'Password must be {max, number} characters or fewer' }, { max: 200 }) })

const enterName = lazy({ id: 'fields.name.required', defaultMessage: 'Enter your name' })
export const personNameField = z
  .string({ error: enterName })
  .trim()
  .min(1, { error: enterName })
  .max(120, { error: lazy({ id: 'fields.name.too_long', defaultMessage: 'Name must be {max, number} characters or fewer' }, { max: 120 }) })

export const countryField = z
  .string({ error: lazy({ id: 'fields.country.required', defaultMessage: 'Choose a country' }) })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, { error: lazy({ id: 'fields.country.unknown', defaultMessage: 'Choose a country from the list' }) })

export const optionalUrlField = z
  .url({ protocol: /^https?$/, error: lazy({ id: 'fields.url.format', defaultMessage: 'Enter a web address starting with http:// or https://' }) })
  .max(300, { error: lazy({ id: 'fields.url.too_long', defaultMessage: 'Web address must be {max, number} characters or fewer' }, { max: 300 }) })
  .optional()

export const idField = z.coerce.number({ error: lazy({ id: 'fields.id.missing', defaultMessage: 'Missing identifier' }) }).int().positive()
