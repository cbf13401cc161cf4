import { describe, expect, it } from 'vitest'
import type { Actor } from '../../app/shared/permissions/permissions'
import type { MembershipRole } from '../../app/shared/permissions/roles'
import { canViewCampaign, type CampaignAccess } from '../../app/features/campaigns/visibility'

const OWNER = 1
const FUNDER = 5
const OTHER = 9

const member = (organisationId: number, role: MembershipRole = 'member', approved = true): Actor => ({
  userId: 1,
  isPlatformAdmin: false,
  membership: { organisationId, role, organisationApproved: approved },
})
const campaign = (over: Partial<CampaignAccess> = {}): CampaignAccess => ({
  organisationId: OWNER,
  organisationApproved: true,
  status: 'planned',
  visibility: 'network',
  funderIds: [FUNDER],
  ...over,
})

describe('who may read a campaign', () => {
  it('its own organisation reads it in every status and visibility, drafts included', () => {
    for (const status of ['draft', 'planned', 'archived'] as const)
      for (const visibility of ['private', 'network', 'published'] as const)
        expect(canViewCampaign(member(OWNER), campaign({ status, visibility }))).toBe(true)
  })

  it('nobody else reads a draft — not a coordinator, funder or anonymous visitor', () => {
    const draft = campaign({ status: 'draft', visibility: 'published' })
    expect(canViewCampaign(member(OTHER, 'coordinator'), draft)).toBe(false)
    expect(canViewCampaign(member(FUNDER, 'donor'), draft)).toBe(false)
    expect(canViewCampaign(null, draft)).toBe(false)
  })

  it('private: the organisation, coordinators and the funders only', () => {
    const c = campaign({ visibility: 'private' })
    expect(canViewCampaign(member(OTHER, 'coordinator'), c)).toBe(true)
    expect(canViewCampaign(member(FUNDER, 'donor'), c)).toBe(true)
    expect(canViewCampaign(member(OTHER), c)).toBe(false)
    expect(canViewCampaign(member(OTHER, 'donor'), c)).toBe(false)
    expect(canViewCampaign(null, c)).toBe(false)
  })

  it('network: also every member of an approved organisation, not of an unapproved one, not anonymous', () => {
    const c = campaign({ visibility: 'network' })
    expect(canViewCampaign(member(OTHER), c)).toBe(true)
    expect(canViewCampaign(member(OTHER, 'member', false), c)).toBe(false)
    expect(canViewCampaign(null, c)).toBe(false)
    expect(canViewCampaign({ userId: 2, isPlatformAdmin: true, membership: null }, c)).toBe(true)
  })

  it('published: also anonymous visitors', () => {
    expect(canViewCampaign(null, campaign({ visibility: 'published' }))).toBe(true)
  })

  it('nothing of an organisation awaiting approval is visible outside it', () => {
    const c = campaign({ visibility: 'published', organisationApproved: false })
    expect(canViewCampaign(null, c)).toBe(false)
    expect(canViewCampaign(member(OTHER, 'coordinator'), c)).toBe(false)
    expect(canViewCampaign(member(OWNER), c)).toBe(true)
  })
})
