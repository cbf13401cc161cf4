import { createReadStream } from 'node:fs'
import { Readable } from 'node:stream'
import Papa from 'papaparse'
import type { CsvFile, CsvProblem } from './csv-file'
import { defineMessages, tr } from '../i18n'
import { parseProblem } from './parse-problem'

// CSV text in, rows out — shared by the web upload, the survey import and the
// command line. Bytes are decoded as a whole before any parsing (DESIGN.md §8:
// a multi-byte character split across chunks is corrupted otherwise).

export type DecodedText = { ok: true; text: string } | { ok: false; message: string }

/** UTF-8 with or without BOM; binary files and other encodings are refused with what to do instead. */
export const notCsv = () => tr(said.notCsv)
/** What an upload over the size limit is told, for both ways files are uploaded. */
export const tooLargeMessage = (maxBytes: number) => tr(said.tooLarge, { mb: Math.round(maxBytes / 1024 / 1024) })
export const notUtf8 = () => tr(said.notUtf8)

const said = defineMessages({
  notCsv: { id: 'csv.text.not_csv', defaultMessage: 'This is not a CSV text file. Export the sheet as “CSV UTF-8” and use that.' },
  tooLarge: { id: 'csv.text.too_large', defaultMessage: 'The file is larger than {mb, number} MB. Split it into smaller files.' },
  notUtf8: { id: 'csv.text.not_utf8', defaultMessage: 'The file is not UTF-8 text (perhaps Latin-1 or Windows-1252). In your spreadsheet program, save it as “CSV UTF-8” and use that.' },
})

export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes.includes(0)) return { ok: false, message: notCsv() }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') }
  } catch {
    return { ok: false, message: notUtf8() }
  }
}

/** The text as a stream of 64 KB chunks, each pushed on a later turn of the event loop. */
function chunkStream(text: string, size = 64 * 1024) {
  let at = 0
  return new Readable({
    read() {
      setImmediate(() => {
        this.push(at < text.length ? text.slice(at, (at += size)) : null)
      })
    },
  })
}

/**
 * Reads CSV text as a stream of rows with papaparse (comma, semicolon or tab;
 * quoted fields may hold newlines). Fed in 64 KB chunks, so other requests
 * are served between them while a large file is read.
 */
export async function parseCsv(text: string): Promise<CsvFile & { parseProblems: CsvProblem[] }> {
  const rows: string[][] = []
  const { parseProblems } = await readCsvRows(chunkStream(text), (row) => void rows.push(row))
  const [headers = [], ...data] = rows
  return { headers: headers.map((h) => h.trim()), rows: data, parseProblems }
}

/**
 * Reads CSV from a stream a row at a time, as parseCsv does: `onRow` gets
 * each row (the header is row 0) and may return false to stop reading.
 */
export function readCsvRows(stream: Readable, onRow: (row: string[], index: number) => boolean | void): Promise<{ parseProblems: CsvProblem[] }> {
  const parseProblems: CsvProblem[] = []
  let index = 0
  return new Promise((done, fail) => {
    Papa.parse<string[]>(stream, {
      header: false,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', ';', '\t'],
      step: (result, parser) => {
        for (const e of result.errors) if (e.code !== 'UndetectableDelimiter') parseProblems.push({ line: index + 1, column: '', message: parseProblem(e) })
        if (onRow(result.data, index++) === false) {
          parser.abort()
          stream.destroy()
        }
      },
      complete: () => done({ parseProblems }),
      error: fail,
    })
  })
}

/** A CSV file on disk (UTF-8, as uploads are checked to be), read as it streams. */
export const readCsvFile = (path: string, onRow: (row: string[], index: number) => boolean | void) => readCsvRows(createReadStream(path, { encoding: 'utf8', highWaterMark: 64 * 1024 }), onRow)
