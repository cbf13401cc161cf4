import { TEMPLATE_EXAMPLE, toCsv } from '../services/campaign-csv.server'

// The import template: the export's columns, the HXL row and one example.
export async function loader() {
  return new Response(`\uFEFF${toCsv([TEMPLATE_EXAMPLE])}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="lantern-campaigns-template.csv"',
    },
  })
}
