import type { IndicatorUnit } from '../../shared/taxonomy/taxonomy'

// An indicator's value as people read it, in its unit.

export function formatIndicatorValue(unit: IndicatorUnit, value: number | null): string {
  if (value === null) return '—'
  if (unit === 'percent') return `${Number(value.toFixed(1))}%`
  if (unit === 'count') return Math.round(value).toLocaleString('en')
  return value.toFixed(2)
}
