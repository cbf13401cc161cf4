import { defineMessages } from '../../shared/i18n'

/** What is wrong with a respondent's field, in the same words on the data-entry form and in an import's problems. */
export const FIELD_WORDS = defineMessages({
  codeTooLong: { id: 'surveys.fields.code_too_long', defaultMessage: 'The respondent code must be 64 characters or fewer' },
  ageBandTooLong: { id: 'surveys.fields.age_band_too_long', defaultMessage: 'The age band must be 20 characters or fewer, like 18–24' },
  localityTooLong: { id: 'surveys.fields.locality_too_long', defaultMessage: 'The locality must be 100 characters or fewer' },
  sampleCellTooLong: { id: 'surveys.fields.sample_cell_too_long', defaultMessage: '{target, select, cluster {The cluster must be 100 characters or fewer} other {The stratum must be 100 characters or fewer}}' },
  notWeight: { id: 'surveys.fields.not_weight', defaultMessage: '“{value}” is not a sampling weight: use a number above 0, like 1.5' },
})
