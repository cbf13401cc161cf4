import { readFile } from 'node:fs/promises'
import Papa from 'papaparse'
import { z } from 'zod'
import { analyseSurvey } from '../features/results/impact'
import { ANALYSED_TYPES, readAnalysisFile } from '../features/results/impact-input'
import { IMPACT_COLUMNS, impactRow } from '../features/results/impact-table'
import { WAVE_DESIGNS } from '../shared/taxonomy/taxonomy'
import { decodeCsvBytes, parseCsv } from '../shared/csv/csv-text.server'

// `lantern analyse FILE.csv`: a survey file in the import layout analysed
// without a database, through the same reader and analysis as the results page.

export const USAGE = `Usage: lantern analyse FILE.csv [--design panel|cross-section] [--types code=binary|likert|score,…] [--cluster COLUMN] [--strata COLUMN] [--weights COLUMN] [--format json|csv]

  --cluster, --strata, --weights  name the columns of a complex sample (villages or schools drawn first, within strata,
                                  with sampling weights): every estimate is then design-based, as R's survey package gives it.`

const typesOption = z
  .string()
  .transform((text, ctx) => {
    const types: Record<string, (typeof ANALYSED_TYPES)[number]> = {}
    for (const part of text.split(',').filter((p) => p.trim())) {
      const [code, type] = part.split('=').map((s) => s.trim())
      if (!code || !ANALYSED_TYPES.includes(type as never)) {
        ctx.addIssue({ code: 'custom', message: `--types: “${part}” should be code=${ANALYSED_TYPES.join('|')}` })
        return z.NEVER
      }
      types[code] = type as (typeof ANALYSED_TYPES)[number]
    }
    return types
  })

const optionsSchema = z.object({
  file: z.string({ error: 'Name the survey file to analyse.' }).min(1, 'Name the survey file to analyse.'),
  design: z
    .enum(['panel', 'cross-section', 'cross_section'], { error: '--design must be panel or cross-section' })
    .transform((d) => (d === 'panel' ? 'panel' : 'cross_section') as (typeof WAVE_DESIGNS.codes)[number])
    .optional(),
  types: typesOption.optional(),
  format: z.enum(['json', 'csv'], { error: '--format must be json or csv' }).default('json'),
  cluster: z.string().trim().min(1, '--cluster needs the name of a column').optional(),
  strata: z.string().trim().min(1, '--strata needs the name of a column').optional(),
  weights: z.string().trim().min(1, '--weights needs the name of a column').optional(),
}).refine((o) => !o.strata || o.cluster, { message: '--strata needs --cluster: strata hold the clusters drawn within them' })

export type AnalyseOutcome = { code: 0 | 1; stdout: string; stderr: string }

export async function analyseCommand(raw: { file?: string; design?: string; types?: string; format?: string; cluster?: string; strata?: string; weights?: string }): Promise<AnalyseOutcome> {
  const fail = (message: string): AnalyseOutcome => ({ code: 1, stdout: '', stderr: `${message}\n` })
  const parsed = optionsSchema.safeParse(raw)
  if (!parsed.success) return fail(`${parsed.error.issues.map((i) => i.message).join('\n')}\n${USAGE}`)
  const o = parsed.data
  let bytes: Uint8Array
  try {
    bytes = await readFile(o.file)
  } catch {
    return fail(`Cannot read ${o.file}: no such file, or it is not readable.`)
  }
  const decoded = decodeCsvBytes(bytes)
  if (!decoded.ok) return fail(`${o.file}: ${decoded.message}`)
  const file = await parseCsv(decoded.text)
  if (file.parseProblems.length) return fail(file.parseProblems.map((p) => `${o.file}, line ${p.line + 1}: ${p.message}`).join('\n'))
  const reading = readAnalysisFile(file, { design: o.design, types: o.types, sample: { cluster: o.cluster, stratum: o.strata, weight: o.weights } })
  if (!reading.ok) return fail(reading.errors.map((e) => `${o.file}, ${e}`).join('\n'))
  const rows = analyseSurvey(reading.data).map(impactRow)
  const stdout = o.format === 'csv' ? `${Papa.unparse({ fields: IMPACT_COLUMNS, data: rows.map((r) => IMPACT_COLUMNS.map((c) => r[c])) })}\n` : `${JSON.stringify(rows, null, 2)}\n`
  return { code: 0, stdout, stderr: reading.notes.map((n) => `note: ${n}\n`).join('') }
}
