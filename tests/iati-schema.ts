import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateXML } from 'xmllint-wasm'

// The official IATI 2.03 activity schema, as IATI publishes it
// (../shared/standards), with the files it includes: what xmllint says of a file.

const STANDARD = fileURLToPath(new URL('../../shared/standards/iati-2.03', import.meta.url))
const schemaFile = (fileName: string) => ({ fileName, contents: readFileSync(join(STANDARD, fileName), 'utf8') })
const SCHEMA = schemaFile('iati-activities-schema.xsd')
const INCLUDED = [schemaFile('iati-common.xsd'), schemaFile('xml.xsd')]

export async function iatiSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'export.xml', contents: xml }], schema: [SCHEMA], preload: INCLUDED })
  return result.errors.map((e) => e.rawMessage)
}
