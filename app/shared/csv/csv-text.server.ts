import { Readable } from 'node:stream'
import Papa from 'papaparse'
import type { CsvFile, CsvProblem } from './csv-file'

// CSV text in, rows out — shared by the web upload, the survey import and the
// command line. Bytes are decoded as a whole before any parsing (DESIGN.md §8:
// a multi-byte character split across chunks is corrupted otherwise).

export type DecodedText = { ok: true; text: string } | { ok: false; message: string }

/** UTF-8 with or without BOM; binary files and other encodings are refused with what to do instead. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes.includes(0)) return { ok: false, message: 'This is not a CSV text file. Export the sheet as “CSV UTF-8” and use that.' }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') }
  } catch {
    return { ok: false, message: 'The file is not UTF-8 text (perhaps Latin-1 or Windows-1252). In your spreadsheet program, save it as “CSV UTF-8” and use that.' }
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
  const parseProblems: CsvProblem[] = []
  await new Promise<void>((done, fail) => {
    Papa.parse<string[]>(chunkStream(text), {
      header: false,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', ';', '\t'],
      step: (result) => {
        rows.push(result.data)
        for (const e of result.errors) if (e.code !== 'UndetectableDelimiter') parseProblems.push({ line: rows.length, column: '', message: e.message })
      },
      complete: () => done(),
      error: fail,
    })
  })
  const [headers = [], ...data] = rows
  return { headers: headers.map((h) => h.trim()), rows: data, parseProblems }
}
