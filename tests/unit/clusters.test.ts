import { describe, expect, it } from 'vitest'
import { clustersOf } from '../../app/features/coordination/clusters'

const pair = (campaignA: number, campaignB: number, score: number) => ({ campaignA, campaignB, score })

describe('clusters of overlapping campaigns', () => {
  it('joins pairs that share a campaign, through chains, highest score first', () => {
    const clusters = clustersOf([pair(1, 2, 0.4), pair(5, 6, 0.9), pair(2, 3, 0.7), pair(7, 8, 0.2), pair(3, 4, 0.3)])
    expect(clusters.map((c) => c.map((p) => `${p.campaignA}-${p.campaignB}`))).toEqual([['5-6'], ['2-3', '1-2', '3-4'], ['7-8']])
  })
  it('is empty without pairs', () => expect(clustersOf([])).toEqual([]))
})
