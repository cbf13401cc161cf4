import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { finished } from 'node:stream/promises'
import { unstable_parseMultipartFormData, type UploadHandler } from '@remix-run/node'
import { assertSameOrigin } from '../request.server'
import { notCsv, notUtf8, tooLargeMessage } from './csv-text.server'
import { defineMessages, tr } from '../i18n'
import { looksLikeXlsx, xlsxToCsvFile } from './xlsx.server'

// A large upload (a survey file) written to disk as it arrives, never held
// whole: its size checked against the limit and its SHA-256 and UTF-8
// computed on the way, so that a refused file is refused before it is all
// read, and an accepted one is a file the import can read a row at a time.

export type ReceivedFile = { ok: true; name: string; filename: string; sha256: string; bytes: number } | { ok: false; message: string; status: number }

class Refused extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

/** The small fields of the form (the sheet's name) beside the file. */
const FIELD_LIMIT = 4096

/**
 * The form's `file` written into `directory` (CSV as it is, the chosen sheet
 * of an XLSX workbook as CSV); other fields are read as short text.
 */
export async function receiveUploadFile(request: Request, maxBytes: number, directory: string): Promise<ReceivedFile> {
  assertSameOrigin(request)
  const tooLarge = new Refused(tooLargeMessage(maxBytes), 413)
  if (Number(request.headers.get('Content-Length') ?? 0) > maxBytes + 64 * 1024) return refusal(tooLarge)
  await mkdir(directory, { recursive: true })
  const got: { file: { path: string; filename: string; sha256: string; bytes: number; xlsx: boolean } | null } = { file: null }
  const written: string[] = []
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (name !== 'file' || filename === undefined) {
      let text = ''
      for await (const chunk of data) {
        text += Buffer.from(chunk).toString('utf8')
        if (text.length > FIELD_LIMIT) throw new Refused(tr(said.fieldTooLong), 413)
      }
      return text
    }
    const path = join(directory, `${randomUUID()}.upload`)
    written.push(path)
    const out = createWriteStream(path)
    const hash = createHash('sha256')
    const utf8 = new TextDecoder('utf-8', { fatal: true })
    let bytes = 0
    let xlsx = false
    try {
      for await (const chunk of data) {
        if (bytes === 0) xlsx = looksLikeXlsx(chunk)
        bytes += chunk.byteLength
        if (bytes > maxBytes) throw tooLarge
        if (!xlsx) {
          if (chunk.includes(0)) throw new Refused(notCsv(), 400)
          try {
            utf8.decode(chunk, { stream: true })
          } catch {
            throw new Refused(notUtf8(), 400)
          }
        }
        hash.update(chunk)
        if (!out.write(chunk)) await new Promise<void>((drained) => out.once('drain', () => drained()))
      }
    } catch (error) {
      out.destroy()
      // The file may be opened after this (streams open as they start): it is removed once it is closed, not before.
      await finished(out).catch(() => {})
      throw error
    }
    out.end()
    await finished(out)
    if (!xlsx) {
      try {
        utf8.decode()
      } catch {
        throw new Refused(notUtf8(), 400)
      }
    }
    got.file = { path, filename, sha256: hash.digest('hex'), bytes, xlsx }
    return filename
  }
  try {
    const form = await unstable_parseMultipartFormData(request, handler)
    const file = got.file
    if (!file || file.bytes === 0) throw new Refused(tr(said.chooseFile), 400)
    if (file.xlsx) {
      const sheet = form.get('sheet')
      const csv = join(directory, `${randomUUID()}.upload`)
      written.push(csv)
      const read = await xlsxToCsvFile(file.path, csv, typeof sheet === 'string' ? sheet : null)
      if (!read.ok) throw new Refused(read.message, 400)
      await rm(file.path, { force: true })
      return { ok: true, name: csv.slice(directory.length + 1), filename: file.filename || 'upload.xlsx', sha256: file.sha256, bytes: read.bytes }
    }
    return { ok: true, name: file.path.slice(directory.length + 1), filename: file.filename || 'upload.csv', sha256: file.sha256, bytes: file.bytes }
  } catch (error) {
    // Nothing of a refused file is kept.
    await Promise.all(written.map((p) => rm(p, { force: true })))
    if (error instanceof Refused) return refusal(error)
    // A system error (a full disk) is the server's; any other is the body's: a form cut short or not multipart at all.
    if (error instanceof Error && 'code' in error) throw error
    return { ok: false, message: tr(said.unreadable), status: 400 }
  }
}

const refusal = (e: Refused): ReceivedFile => ({ ok: false, message: e.message, status: e.status })

const said = defineMessages({
  fieldTooLong: { id: 'csv.upload.field_too_long', defaultMessage: 'A field of this form is too long.' },
  chooseFile: { id: 'csv.upload.choose_file', defaultMessage: 'Choose a CSV or XLSX file to import.' },
  unreadable: { id: 'csv.upload.unreadable', defaultMessage: 'The form could not be read: it was cut short or malformed. Send it again from its page.' },
})
