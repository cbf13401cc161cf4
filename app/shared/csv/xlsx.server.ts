import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'

// An uploaded XLSX workbook (KoboToolbox's default download) read as the
// CSV text the import already reads: one sheet, its first row the headings,
// read a row at a time through ExcelJS's streaming reader so that no
// workbook model is built in memory.

export type SheetText = { ok: true; text: string; sheet: string } | { ok: false; message: string }

/** Whether the bytes are a ZIP archive, as every XLSX file is. */
export const looksLikeXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

const pad = (n: number) => String(n).padStart(2, '0')

/** A cell as the CSV would hold it: dates as ISO dates (with the time where there is one), formulas as their results, rich text as its text. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`
    return time === '00:00:00' ? day : `${day}T${time}`
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('text' in value) return String(value.text)
    return ''
  }
  return String(value)
}

/** "A", "B", … "AA": a column as a spreadsheet names it. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** The chosen sheet (the first when none is named) as CSV text; a message naming the sheet and column when it cannot be read as a survey. */
export async function xlsxToCsv(bytes: Uint8Array, sheet: string | null): Promise<SheetText> {
  const wanted = sheet?.trim().toLowerCase() || null
  const names: string[] = []
  let chosen: { name: string; rows: string[][] } | null = null
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' })
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name
      names.push(name)
      const take = !chosen && (wanted === null ? names.length === 1 : name.trim().toLowerCase() === wanted)
      const rows: string[][] = []
      // Every sheet is read to its end (the reader moves on only then); only the chosen one is kept.
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (!take) continue
        const values = (row.values as ExcelJS.CellValue[]).slice(1)
        rows[row.number - 1] = values.map(cellText)
      }
      if (take) chosen = { name, rows: Array.from(rows, (r) => r ?? []) }
    }
  } catch {
    return { ok: false, message: 'This XLSX file cannot be read: it may be damaged, or not a spreadsheet. Download or save it again and upload it again.' }
  }
  if (!chosen) return { ok: false, message: names.length ? `There is no sheet “${sheet}” in this file. Its sheets: ${names.join(', ')}.` : 'This XLSX file has no sheets.' }
  const width = Math.max(0, ...chosen.rows.map((r) => r.length))
  const header = chosen.rows[0] ?? []
  const blank = Array.from({ length: width }, (_, i) => i).find((i) => !(header[i] ?? '').trim())
  if (blank !== undefined) {
    return { ok: false, message: `Column ${columnLetter(blank)} of the sheet “${chosen.name}” has no heading in its first row (an empty or merged cell): give every column a heading of its own.` }
  }
  const rows = chosen.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''))
  return { ok: true, text: Papa.unparse(rows), sheet: chosen.name }
}
