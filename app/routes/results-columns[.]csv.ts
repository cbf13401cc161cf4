import { RESULTS_DICTIONARY } from '../features/results/index.server'
import { csvResponse } from '../shared/csv/csv-response.server'
import { inEnglish } from '../shared/i18n/index.server'

// GET /results-columns.csv — the data dictionary of every results CSV: each column and what it holds. The same for everyone.
export const loader = inEnglish(async () => {
  return csvResponse({ fields: ['column', 'definition'], rows: RESULTS_DICTIONARY.map((d) => [d.column, d.definition]) }, 'lantern-results-columns.csv', { shared: true })
})
