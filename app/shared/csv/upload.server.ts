import { decodeCsvBytes, tooLargeMessage } from './csv-text.server'
import { tr } from '../i18n'
import { readLimitedForm } from '../request.server'

// Reading an uploaded CSV file from a multipart form: a size limit with a
// clear message, refused binary files, and UTF-8 decoding before any parsing
// (DESIGN.md §8: a multi-byte character split across chunks is corrupted
// otherwise). The campaign import and the survey import both read files so.

export type UploadedText = { ok: true; text: string; filename: string } | { ok: false; message: string; status: number }

/** The uploaded CSV file as text, decoded, with a size limit and clear messages (a survey file is received to disk instead: upload-file.server.ts). */
export async function readCsvUpload(request: Request, maxBytes: number): Promise<{ form: FormData | null; upload: UploadedText }> {
  const tooLarge = { ok: false as const, message: tooLargeMessage(maxBytes), status: 413 }
  // The file with room for the form around it; a larger body is refused before it is read whole.
  const form = await readLimitedForm(request, maxBytes + 64 * 1024)
  if (form === null) return { form: null, upload: tooLarge }
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0) return { form, upload: { ok: false, message: tr({ id: 'csv.upload.choose_csv', defaultMessage: 'Choose a CSV file to import.' }), status: 400 } }
  if (file.size > maxBytes) return { form, upload: tooLarge }
  const bytes = new Uint8Array(await file.arrayBuffer())
  const decoded = decodeCsvBytes(bytes)
  return { form, upload: decoded.ok ? { ok: true, text: decoded.text, filename: file.name || 'upload.csv' } : { ok: false, message: decoded.message, status: 400 } }
}
