import { z } from 'zod'
import type { ColumnTarget } from './columns'
import type { WaveKey } from './import-plan'
import { WAVE_GROUPS, WAVE_KINDS } from '../../shared/taxonomy/taxonomy'
import { idField } from '../../shared/ui/fields'
import { lazy } from '../../shared/i18n'

// The survey import's choices travel in the URL (mapping page) and the form
// (import): `upload`, one `c<column>` per column, and `wave` for files
// without a wave column. Anything unreadable falls back to the suggestion.

const target = z.string().regex(/^(respondent_code|submission_id|wave|group|sex|age_band|locality|cluster|stratum|weight|drop|choose|question:[a-z][a-z0-9_]{0,39}|option:[a-z][a-z0-9_]{0,39}\/[a-z0-9_]{1,40})$/)
const wave = z.string().refine((v) => {
  const [kind, group] = v.split(':')
  return WAVE_KINDS.has(kind ?? '') && WAVE_GROUPS.has(group ?? '')
})

export function parseImportChoice(values: URLSearchParams | FormData) {
  const get = (name: string) => {
    const v = values.get(name)
    return typeof v === 'string' ? v : null
  }
  const upload = idField.safeParse(get('upload'))
  const columns: ColumnTarget[] = []
  for (let i = 0; get(`c${i}`) !== null; i++) {
    const parsed = target.safeParse(get(`c${i}`))
    columns.push(parsed.success ? (parsed.data as ColumnTarget) : 'choose')
  }
  const chosenWave = wave.safeParse(get('wave'))
  return {
    upload: upload.success ? upload.data : null,
    mapping: columns.length ? columns : undefined,
    targetWave: chosenWave.success ? (chosenWave.data as WaveKey) : null,
    dropUndecided: get('rest') === 'drop',
    // Changed rows of a repeated download that a person accepted, by line, or all of them; null until the changes were shown to them.
    accept: get('accept_all') === '1' ? ('all' as const) : get('decided') === '1' ? new Set(values.getAll('accept').flatMap((v) => (typeof v === 'string' && /^\d{1,9}$/.test(v) ? [Number(v)] : []))) : null,
  }
}

/** An org admin's word that a flagged column is not personal data: which column, why, and the mapping page to go back to. */
export const clearPersonalSchema = z.object({
  column: z.coerce.number().int().min(0),
  reason: z
    .string({ error: lazy({ id: 'surveys.import_schemas.say_why_this_column_is_not', defaultMessage: 'Say why this column is not personal data.' }) })
    .trim()
    .min(10, { error: lazy({ id: 'surveys.import_schemas.say_why_this_column_is_not_2', defaultMessage: 'Say why this column is not personal data, in a few words (10 characters or more).' }) })
    .max(500, { error: lazy({ id: 'surveys.import_schemas.keep_the_reason_to_500_characters', defaultMessage: 'Keep the reason to 500 characters or fewer.' }) }),
  back: z.string().max(4000).regex(/^upload=\d+/).catch(''),
})
