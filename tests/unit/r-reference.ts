import { readFileSync } from 'node:fs'
import { expect } from 'vitest'
import { EXPECTED } from '../reference-data'

// R 4.2.2's values for the reference surveys (../shared/reference: conventions
// and tolerances in its README): relative 1e-9 for closed-form statistics,
// 1e-7 for p-values and confidence intervals; R's errors are "not computable".

export type RRecord = {
  dataset: string
  input_key: string
  method: string
  statistic?: number | 'NaN'
  df?: number
  p_value?: number | 'NaN'
  estimate?: number | number[]
  se?: number
  conf_low?: number
  conf_high?: number
  error?: string
  extra?: { [k: string]: number }
}
type Inputs = { [key: string]: { pre: (number | null)[]; post: (number | null)[] } }
const reference = JSON.parse(readFileSync(EXPECTED, 'utf8')) as { results: RRecord[]; inputs: Inputs; worked_examples: { id: string; [k: string]: unknown }[] }

export const results = reference.results
export const of = (method: string) => results.filter((r) => r.method === method)
export const workedExample = (id: string) => reference.worked_examples.find((w) => w.id === id)!

export const STATISTIC = 1e-9
export const P_OR_CI = 1e-7

export function close(actual: number | undefined, expected: number | undefined, tolerance: number) {
  expect(actual).toBeDefined()
  if (expected === 0) return expect(Math.abs(actual!)).toBeLessThanOrEqual(1e-12)
  expect(Math.abs(actual! - expected!) / Math.abs(expected!), `${actual} vs R ${expected}`).toBeLessThanOrEqual(tolerance)
}

/** Paired: pairs with a missing answer at either wave are dropped (ordered by respondent code, as R was given them). */
export function paired(key: string) {
  const { pre, post } = reference.inputs[key]!
  const keep = pre.map((x, i) => x !== null && post[i] !== null)
  return { pre: pre.filter((_, i) => keep[i]) as number[], post: post.filter((_, i) => keep[i]) as number[] }
}

/** Independent: each wave's answers, missing ones dropped. */
export function independent(key: string) {
  const { pre, post } = reference.inputs[key]!
  return { pre: pre.filter((x) => x !== null) as number[], post: post.filter((x) => x !== null) as number[] }
}
