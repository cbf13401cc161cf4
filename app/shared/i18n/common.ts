import { defineMessages } from './messages'

/** Sentences many forms say in the same words. */
export const COMMON = defineMessages({
  formWrong: { id: 'forms.something_wrong', defaultMessage: 'Something in the form was not right.' },
})
