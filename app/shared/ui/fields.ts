import { z } from 'zod'
import { isCountryCode } from '../taxonomy/countries'
import { PASSWORD_MIN } from './field-limits'

// Field schemas shared by every form; messages are written for the person
// filling the form in, in the GOV.UK style ("Enter…", "Choose…").

export { PASSWORD_MIN }

export const emailField = z
  .string({ error: 'Enter your email address' })
  .trim()
  .toLowerCase()
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' }))

export const newPasswordField = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN, `Password must be at least ${PASSWORD_MIN} characters`)
  .max(200, 'Password must be 200 characters or fewer')

export const personNameField = z
  .string({ error: 'Enter your name' })
  .trim()
  .min(1, 'Enter your name')
  .max(120, 'Name must be 120 characters or fewer')

export const countryField = z
  .string({ error: 'Choose a country' })
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'Choose a country from the list')

export const optionalUrlField = z
  .url({ protocol: /^https?$/, error: 'Enter a web address starting with http:// or https://' })
  .max(300, 'Web address must be 300 characters or fewer')
  .optional()

export const idField = z.coerce.number({ error: 'Missing identifier' }).int().positive()
