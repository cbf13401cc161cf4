import type { Direction } from '../../shared/taxonomy/taxonomy'
import { targetOnDesiredSide } from '../campaigns'
import { currentTranslator, defineMessages, tr } from '../../shared/i18n'

// How far an indicator has come from its baseline towards its target, told
// in the indicator's own direction. A share of the way is only meaningful
// when the target lies on the desired side of the baseline and the actual
// lies between them; everything else is said in words, so that no share
// above 100 % or below 0 % is ever printed as progress.

export type Movement = 'better' | 'worse' | 'none'

export type Progress =
  /** Baseline, actual or target is missing. */
  | { kind: 'unknown' }
  /** The target is not on the desired side of the baseline: no share of the way can be given. */
  | { kind: 'target_wrong_side'; movement: Movement }
  /** The actual lies on the undesired side of the baseline. */
  | { kind: 'away' }
  | { kind: 'none' }
  /** Strictly between baseline and target: `share` is in (0, 100). */
  | { kind: 'toward'; share: number }
  /** At or beyond the target. */
  | { kind: 'met' }

/** +1 when higher is better, −1 when lower is. */
const sign = (direction: Direction) => (direction === 'increase' ? 1 : -1)

/** Which way the actual moved from the baseline, in the indicator's own terms. */
function movementOf(direction: Direction, baseline: number, actual: number): Movement {
  const d = sign(direction) * (actual - baseline)
  return d > 0 ? 'better' : d < 0 ? 'worse' : 'none'
}

export function progressOf(direction: Direction, baseline: number | null, actual: number | null, target: number | null): Progress {
  if (baseline === null || actual === null || target === null) return { kind: 'unknown' }
  const movement = movementOf(direction, baseline, actual)
  if (!targetOnDesiredSide(direction, baseline, target)) return { kind: 'target_wrong_side', movement }
  if (movement === 'worse') return { kind: 'away' }
  if (movement === 'none') return { kind: 'none' }
  if (sign(direction) * (actual - target) >= 0) return { kind: 'met' }
  return { kind: 'toward', share: ((actual - baseline) / (target - baseline)) * 100 }
}

/**
 * Whether the target is met: null when it cannot be judged (no actual or
 * target, or a target on the wrong side of the baseline, which any actual
 * would "meet").
 */
export function targetMet(direction: Direction, baseline: number | null, actual: number | null, target: number | null): boolean | null {
  if (actual === null || target === null) return null
  if (baseline !== null && !targetOnDesiredSide(direction, baseline, target)) return null
  return sign(direction) * (actual - target) >= 0
}

/** The share as a whole percent that never reads 0 % or 100 % for an actual strictly between baseline and target. */
const shareShown = (share: number) => Math.min(99, Math.max(1, Math.round(share)))

const m = defineMessages({
  met: { id: 'results.progress.met', defaultMessage: 'Target met' },
  toward: { id: 'results.progress.toward', defaultMessage: '{share} of the way to the target' },
  none: { id: 'results.progress.none', defaultMessage: 'No change from the baseline' },
  away: { id: 'results.progress.away', defaultMessage: 'Moved away from the target' },
  wrongSide: {
    id: 'results.progress.wrong_side',
    defaultMessage:
      'The target is on the wrong side of the baseline, so progress cannot be measured{movement, select, worse {; the actual moved the wrong way} better {; the actual moved the right way} other {}}',
  },
})

/** Progress in words, for pages and files alike. */
export function progressWords(p: Progress): string {
  switch (p.kind) {
    case 'unknown':
      return '—'
    case 'met':
      return tr(m.met)
    case 'toward':
      return tr(m.toward, { share: currentTranslator().percent(shareShown(p.share) / 100) })
    case 'none':
      return tr(m.none)
    case 'away':
      return tr(m.away)
    case 'target_wrong_side':
      return tr(m.wrongSide, { movement: p.movement })
  }
}
