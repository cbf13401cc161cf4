import type { PairFilters } from './schemas'

/** The registry's filters that mean the same as the workspace's: its CSV lists the campaigns behind the pairs. */
export function registryFilters(f: Pick<PairFilters, 'country' | 'subdivision' | 'audience' | 'from' | 'to'>): URLSearchParams {
  const pairs = Object.entries({ country: f.country, subdivision: f.subdivision, audience: f.audience, from: f.from, to: f.to })
  return new URLSearchParams(pairs.filter((p): p is [string, string] => p[1] !== undefined))
}
