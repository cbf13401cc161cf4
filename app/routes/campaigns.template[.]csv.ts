import { campaignsTable, TEMPLATE_EXAMPLE } from '../features/campaigns/index.server'
import { csvResponse } from '../shared/csv/csv-response.server'
import { inEnglish } from '../shared/i18n/index.server'

// GET /campaigns/template.csv — the import layout with one example campaign; the same for everyone.
export const loader = inEnglish(async () => {
  return csvResponse(campaignsTable([TEMPLATE_EXAMPLE]), 'lantern-campaigns-template.csv', { shared: true })
})
