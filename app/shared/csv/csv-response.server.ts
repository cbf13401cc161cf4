import Papa from 'papaparse'

// Every CSV Lantern hands out goes through here: the same quoting, CRLF line
// ends and byte-order mark (so spreadsheet programs read UTF-8), a file name,
// and text that a spreadsheet would run as a formula kept as text.

export type CsvCell = string | number | boolean | null | undefined
export type CsvTable = { fields: readonly string[]; rows: readonly (readonly CsvCell[])[] }

/**
 * A cell that starts with =, @, tab or CR, or with + or - but is not simply a
 * number, would be read as a formula (=HYPERLINK(…) becomes a live link):
 * papaparse prefixes it with an apostrophe. A plain number such as -3 is data
 * and is left as it is, so files still import again.
 */
const FORMULA = /^(?:[=@\t\r]|[+-](?!\d+(?:\.\d+)?(?:e[+-]?\d+)?$))/i

export function csvText({ fields, rows }: CsvTable): string {
  return Papa.unparse({ fields: [...fields], data: rows.map((r) => [...r]) }, { newline: '\r\n', escapeFormulae: FORMULA })
}

/** A download; `private, no-store` unless the file is the same for everyone (the import template). */
export function csvResponse(table: CsvTable, filename: string, { shared = false } = {}): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`,
  }
  if (!shared) headers['Cache-Control'] = 'private, no-store'
  return new Response(`\uFEFF${csvText(table)}`, { headers })
}
