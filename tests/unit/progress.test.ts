import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { progressOf, progressWords, targetMet } from '../../app/features/results/progress'

// Progress told in the indicator's direction: a share of the way only between
// a baseline and a target on its desired side, words for everything else.

describe('progress towards a target', () => {
  // Baseline 40 throughout; "up" targets are 60, "down" targets 20.
  const cases = [
    // direction, target, actual → progress, met
    ['increase', 60, 30, { kind: 'away' }, false],
    ['increase', 60, 40, { kind: 'none' }, false],
    ['increase', 60, 50, { kind: 'toward', share: 50 }, false],
    ['increase', 60, 60, { kind: 'met' }, true],
    ['increase', 60, 70, { kind: 'met' }, true],
    ['increase', 40, 30, { kind: 'target_wrong_side', movement: 'worse' }, null],
    ['increase', 40, 40, { kind: 'target_wrong_side', movement: 'none' }, null],
    ['increase', 40, 50, { kind: 'target_wrong_side', movement: 'better' }, null],
    ['increase', 20, 10, { kind: 'target_wrong_side', movement: 'worse' }, null],
    ['increase', 20, 30, { kind: 'target_wrong_side', movement: 'worse' }, null],
    ['increase', 20, 40, { kind: 'target_wrong_side', movement: 'none' }, null],
    ['increase', 20, 50, { kind: 'target_wrong_side', movement: 'better' }, null],
    ['decrease', 20, 50, { kind: 'away' }, false],
    ['decrease', 20, 40, { kind: 'none' }, false],
    ['decrease', 20, 30, { kind: 'toward', share: 50 }, false],
    ['decrease', 20, 20, { kind: 'met' }, true],
    ['decrease', 20, 10, { kind: 'met' }, true],
    ['decrease', 40, 30, { kind: 'target_wrong_side', movement: 'better' }, null],
    ['decrease', 40, 40, { kind: 'target_wrong_side', movement: 'none' }, null],
    ['decrease', 40, 50, { kind: 'target_wrong_side', movement: 'worse' }, null],
    ['decrease', 60, 30, { kind: 'target_wrong_side', movement: 'better' }, null],
    ['decrease', 60, 50, { kind: 'target_wrong_side', movement: 'worse' }, null],
    ['decrease', 60, 60, { kind: 'target_wrong_side', movement: 'worse' }, null],
    ['decrease', 60, 70, { kind: 'target_wrong_side', movement: 'worse' }, null],
  ] as const

  it.each(cases)('%s to %d, actual %d', (direction, target, actual, progress, met) => {
    expect(progressOf(direction, 40, actual, target)).toEqual(progress)
    expect(targetMet(direction, 40, actual, target)).toBe(met)
  })

  it('says in words that a move went away from the target, or that the target is on the wrong side', () => {
    expect(progressWords(progressOf('increase', 40, 30, 60))).toBe('Moved away from the target')
    expect(progressWords(progressOf('increase', 61.2, 51, 60))).toBe('The target is on the wrong side of the baseline, so progress cannot be measured; the actual moved the wrong way')
    expect(progressWords(progressOf('decrease', 40, 30, 20))).toBe('50% of the way to the target')
  })

  it('knows nothing without a baseline, an actual or a target, but judges a target without a baseline', () => {
    expect(progressOf('increase', null, 50, 60)).toEqual({ kind: 'unknown' })
    expect(progressOf('increase', 40, null, 60)).toEqual({ kind: 'unknown' })
    expect(progressOf('increase', 40, 50, null)).toEqual({ kind: 'unknown' })
    expect(targetMet('increase', null, 65, 60)).toBe(true)
    expect(targetMet('decrease', null, 65, 60)).toBe(false)
  })

  it('never prints a share of 100 % or more, or of 0 % or less, for any baseline, actual and target (property)', () => {
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true })
    fc.assert(
      fc.property(fc.constantFrom('increase' as const, 'decrease' as const), value, value, value, (direction, baseline, actual, target) => {
        const words = progressWords(progressOf(direction, baseline, actual, target))
        const share = /^(\d+)% of the way/.exec(words)
        if (share) {
          expect(Number(share[1])).toBeGreaterThanOrEqual(1)
          expect(Number(share[1])).toBeLessThanOrEqual(99)
        } else expect(words).not.toMatch(/\d%/)
      }),
    )
  })
})
