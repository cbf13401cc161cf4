import { defineMessages } from './messages'

/** Sentences many forms say in the same words. */
export const COMMON = defineMessages({
  formWrong: { id: 'forms.something_wrong', defaultMessage: 'Something in the form was not right.' },
  /** A chart's tooltip: an estimate and its interval. */
  withInterval: { id: 'charts.with_interval', defaultMessage: '{label}: {value} (95% CI {low} to {high})' },
})
