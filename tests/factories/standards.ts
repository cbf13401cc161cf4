import { eq } from 'drizzle-orm'
import { standardIndicators } from '../../db/schema'
import type { Direction, IndicatorUnit } from '../../app/shared/taxonomy/taxonomy'
import { db } from '../../app/shared/db.server'
import { unique, uniqueCode } from './unique'

/** A standard indicator of the coordinators' library. */
export function createStandardIndicator({ code, name, unit = 'percent', direction = 'increase' }: { code?: string; name?: string; unit?: IndicatorUnit; direction?: Direction } = {}) {
  return db
    .insert(standardIndicators)
    .values({ code: code ?? uniqueCode('standard'), name: name ?? unique('Standard indicator'), unit, direction, guidance: '' })
    .returning()
    .get()
}

/** The standard indicator with this code, made on first use: tests of one file may share the library's well-known codes. */
export function standardIndicator(code: string, unit: IndicatorUnit = 'percent') {
  return db.select().from(standardIndicators).where(eq(standardIndicators.code, code)).get() ?? createStandardIndicator({ code, unit, name: code.replaceAll('_', ' ') })
}
