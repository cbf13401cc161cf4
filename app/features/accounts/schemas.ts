import { z } from 'zod'
import { ORGANISATION_TYPES } from '../../shared/permissions/roles'
import { countryField, emailField, newPasswordField, personNameField } from '../../shared/ui/fields'
import { lazy } from '../../shared/i18n'

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ error: lazy({ id: 'accounts.schemas.enter_your_password', defaultMessage: 'Enter your password' }) }).max(200),
  redirectTo: z.string().optional(),
})

export const signUpSchema = z.object({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
  organisationName: z
    .string({ error: lazy({ id: 'accounts.schemas.enter_your_organisation_s_name', defaultMessage: 'Enter your organisation’s name' }) })
    .trim()
    .min(2, { error: lazy({ id: 'accounts.schemas.organisation_name_must_be_at_least', defaultMessage: 'Organisation name must be at least 2 characters' }) })
    .max(160, { error: lazy({ id: 'accounts.schemas.organisation_name_must_be_160_characters', defaultMessage: 'Organisation name must be 160 characters or fewer' }) }),
  organisationType: z.enum(ORGANISATION_TYPES, { error: lazy({ id: 'accounts.schemas.choose_the_type_of_organisation', defaultMessage: 'Choose the type of organisation' }) }),
  country: countryField,
})

export const joinSchema = z.object({
  name: personNameField,
  email: emailField,
  password: newPasswordField,
})

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: lazy({ id: 'accounts.schemas.enter_your_current_password', defaultMessage: 'Enter your current password' }) }).max(200),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: lazy({ id: 'accounts.schemas.enter_the_new_password_again', defaultMessage: 'Enter the new password again' }) }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    error: lazy({ id: 'accounts.schemas.the_two_new_passwords_do_not', defaultMessage: 'The two new passwords do not match' }),
  })
