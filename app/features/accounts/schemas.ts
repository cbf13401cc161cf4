import { z } from 'zod'
import { ORGANISATION_TYPES } from '../../shared/permissions/roles'
import { countryField, emailField, newPasswordField, personNameField } from '../../shared/ui/fields'

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ error: 'Enter your password' }).max(200),
  redirectTo: z.string().optional(),
})

export const signUpSchema = z.object({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
  organisationName: z
    .string({ error: 'Enter your organisation’s name' })
    .trim()
    .min(2, 'Organisation name must be at least 2 characters')
    .max(160, 'Organisation name must be 160 characters or fewer'),
  organisationType: z.enum(ORGANISATION_TYPES, { error: 'Choose the type of organisation' }),
  country: countryField,
})

export const joinSchema = z.object({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
})

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: 'Enter your current password' }).max(200),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: 'Enter the new password again' }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords do not match',
  })
