import type { IndicatorUnit } from '../../shared/taxonomy/taxonomy'
import { currentTranslator } from '../../shared/i18n'

// An indicator's value as people read it, in its unit and their way of writing numbers.

export function formatIndicatorValue(unit: IndicatorUnit, value: number | null): string {
  if (value === null) return '—'
  const t = currentTranslator()
  if (unit === 'percent') return t.percent(Number(value.toFixed(1)) / 100, Number.isInteger(Number(value.toFixed(1))) ? 0 : 1)
  if (unit === 'count') return t.number(Math.round(value))
  return t.number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}
