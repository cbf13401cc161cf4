import { createReadStream, createWriteStream } from 'node:fs'
import { finished } from 'node:stream/promises'
import ExcelJS from 'exceljs'
import { defineMessages, tr } from '../i18n'
import Papa from 'papaparse'

// An uploaded XLSX workbook (KoboToolbox's default download) written as the
// CSV file the import already reads: one sheet, its first row the headings,
// read a row at a time through ExcelJS's streaming reader so that neither a
// workbook model nor the sheet is ever held in memory.

export type SheetFile = { ok: true; bytes: number; sheet: string } | { ok: false; message: string }

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

/**
 * Writes the chosen sheet (the first when none is named) to `output` as CSV,
 * a row at a time as the workbook streams from `input`; a message naming
 * the sheet and column when it cannot be read as a survey.
 */
export async function xlsxToCsvFile(input: string, output: string, sheet: string | null): Promise<SheetFile> {
  const wanted = sheet?.trim().toLowerCase() || null
  const names: string[] = []
  let chosen: string | null = null
  let bytes = 0
  let unheaded: string | null = null
  const out = createWriteStream(output)
  const write = async (cells: string[]) => {
    const line = Papa.unparse([cells]) + '\r\n'
    bytes += Buffer.byteLength(line)
    if (!out.write(line)) await new Promise<void>((drained) => out.once('drain', () => drained()))
  }
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(input), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' })
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name
      names.push(name)
      const take = !chosen && (wanted === null ? names.length === 1 : name.trim().toLowerCase() === wanted)
      if (take) chosen = name
      let width = -1
      // Every sheet is read to its end (the reader moves on only then); only the chosen one is written.
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        if (!take || unheaded) continue
        const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText)
        if (width < 0) {
          width = cells.length
          const blank = cells.findIndex((c) => !(c ?? '').trim())
          if (row.number !== 1 || blank >= 0) unheaded = columnLetter(row.number !== 1 ? 0 : blank)
          else await write(cells)
          continue
        }
        const beyond = cells.findIndex((c, i) => i >= width && (c ?? '').trim() !== '')
        if (beyond >= 0) unheaded = columnLetter(beyond)
        else if (cells.some((c) => (c ?? '').trim() !== '')) await write(Array.from({ length: width }, (_, i) => cells[i] ?? ''))
      }
    }
  } catch {
    out.destroy()
    return { ok: false, message: tr(said.unreadable) }
  }
  out.end()
  await finished(out)
  if (!chosen) return { ok: false, message: names.length ? tr(said.noSuchSheet, { sheet, sheets: names.join(', ') }) : tr(said.noSheets) }
  if (unheaded) return { ok: false, message: tr(said.unheaded, { column: unheaded, sheet: chosen }) }
  return { ok: true, bytes, sheet: chosen }
}

const said = defineMessages({
  unreadable: { id: 'csv.xlsx.unreadable', defaultMessage: 'This XLSX file cannot be read: it may be damaged, or not a spreadsheet. Download or save it again and upload it again.' },
  noSuchSheet: { id: 'csv.xlsx.no_such_sheet', defaultMessage: 'There is no sheet “{sheet}” in this file. Its sheets: {sheets}.' },
  noSheets: { id: 'csv.xlsx.no_sheets', defaultMessage: 'This XLSX file has no sheets.' },
  unheaded: { id: 'csv.xlsx.unheaded', defaultMessage: 'Column {column} of the sheet “{sheet}” has no heading in its first row (an empty or merged cell): give every column a heading of its own.' },
})

/**
 * Named sheets of a small workbook (an XLSForm), each as rows keyed by the
 * headings of its first row; null for a sheet the workbook lacks (names are
 * matched without regard to case). The whole workbook is read: forms are
 * small, and the upload's size is capped before this.
 */
export async function readSheets(bytes: Uint8Array, names: readonly string[]): Promise<{ ok: true; sheets: Record<string, Record<string, string>[] | null> } | { ok: false; message: string }> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as never)
  } catch {
    return { ok: false, message: tr(said.unreadable) }
  }
  const sheets: Record<string, Record<string, string>[] | null> = {}
  for (const name of names) {
    const sheet = workbook.worksheets.find((w) => w.name.trim().toLowerCase() === name)
    if (!sheet) {
      sheets[name] = null
      continue
    }
    const headers: string[] = []
    const rows: Record<string, string>[] = []
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText)
      if (number === 1) return void headers.push(...cells.map((c) => c.trim()))
      const record: Record<string, string> = {}
      cells.forEach((cell, i) => {
        if (headers[i] && cell.trim()) record[headers[i]!] = cell
      })
      if (Object.keys(record).length) rows.push(record)
    })
    sheets[name] = rows
  }
  return { ok: true, sheets }
}
