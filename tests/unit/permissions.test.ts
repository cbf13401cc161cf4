import { describe, expect, it } from 'vitest'
import { ACTIONS, can, type Action, type Actor } from '../../app/shared/permissions/permissions'
import type { MembershipRole } from '../../app/shared/permissions/roles'

const OWN = 1
const OTHER = 2

function actorFor(role: MembershipRole | 'platform_admin'): Actor {
  return role === 'platform_admin'
    ? { userId: 9, isPlatformAdmin: true, membership: null }
    : { userId: 9, isPlatformAdmin: false, membership: { organisationId: OWN, role, organisationApproved: true } }
}

// The whole matrix, written out by hand from DESIGN.md §2 so that a change to
// the rules has to be a change to this table too. [own organisation, other].
type Row = Record<Action, [boolean, boolean]>
const Y = true
const N = false
const EXPECTED: Record<MembershipRole | 'platform_admin', Row> = {
  member: {
    'organisation.view': [Y, Y],
    'organisation.edit': [N, N],
    'members.manage': [N, N],
    'audit.view': [N, N],
    'campaign.edit': [Y, N],
    'survey.clear-personal-data': [N, N],
    'campaign.view-unpublished': [Y, N],
    'overlap.review': [N, N],
    'registry.export': [N, N],
    'dashboard.view': [Y, N],
    'standards.manage': [N, N],
    'platform.approve-organisation': [N, N],
    'platform.grant-role': [N, N],
  },
  org_admin: {
    'organisation.view': [Y, Y],
    'organisation.edit': [Y, N],
    'members.manage': [Y, N],
    'audit.view': [Y, N],
    'campaign.edit': [Y, N],
    'survey.clear-personal-data': [Y, N],
    'campaign.view-unpublished': [Y, N],
    'overlap.review': [N, N],
    'registry.export': [N, N],
    'dashboard.view': [Y, N],
    'standards.manage': [N, N],
    'platform.approve-organisation': [N, N],
    'platform.grant-role': [N, N],
  },
  coordinator: {
    'organisation.view': [Y, Y],
    'organisation.edit': [N, N],
    'members.manage': [N, N],
    'audit.view': [N, N],
    'campaign.edit': [N, N],
    'survey.clear-personal-data': [N, N],
    'campaign.view-unpublished': [Y, Y],
    'overlap.review': [Y, Y],
    'registry.export': [Y, Y],
    'dashboard.view': [Y, Y],
    'standards.manage': [Y, Y],
    'platform.approve-organisation': [N, N],
    'platform.grant-role': [N, N],
  },
  donor: {
    'organisation.view': [Y, Y],
    'organisation.edit': [N, N],
    'members.manage': [N, N],
    'audit.view': [N, N],
    'campaign.edit': [N, N],
    'survey.clear-personal-data': [N, N],
    'campaign.view-unpublished': [N, N],
    'overlap.review': [N, N],
    'registry.export': [N, N],
    'dashboard.view': [Y, Y],
    'standards.manage': [N, N],
    'platform.approve-organisation': [N, N],
    'platform.grant-role': [N, N],
  },
  platform_admin: {
    'organisation.view': [Y, Y],
    'organisation.edit': [N, N],
    'members.manage': [N, N],
    'audit.view': [N, N],
    'campaign.edit': [N, N],
    'survey.clear-personal-data': [N, N],
    'campaign.view-unpublished': [N, N],
    // Platform admins run the platform; they coordinate only if given the coordinator role.
    'overlap.review': [N, N],
    'registry.export': [N, N],
    'dashboard.view': [N, N],
    'standards.manage': [Y, Y],
    'platform.approve-organisation': [Y, Y],
    'platform.grant-role': [Y, Y],
  },
}

describe('permission matrix: role × action × (own | other organisation)', () => {
  for (const [role, row] of Object.entries(EXPECTED) as [keyof typeof EXPECTED, Row][]) {
    for (const action of ACTIONS) {
      const [own, other] = row[action]
      it(`${role} ${own ? 'may' : 'may not'} ${action} on its own organisation, ${other ? 'may' : 'may not'} on another`, () => {
        const actor = actorFor(role)
        // A platform admin has no organisation of its own: both columns are "another".
        expect(can(actor, action, OWN)).toBe(own)
        expect(can(actor, action, OTHER)).toBe(other)
      })
    }
  }

  it('covers every action the module defines', () => {
    for (const row of Object.values(EXPECTED)) expect(Object.keys(row).sort()).toEqual([...ACTIONS].sort())
  })

  it('a donor never edits anything, anywhere', () => {
    const donor = actorFor('donor')
    for (const action of ['organisation.edit', 'members.manage', 'campaign.edit'] as const) {
      expect(can(donor, action, OWN)).toBe(false)
      expect(can(donor, action, OTHER)).toBe(false)
    }
  })

  it('a platform admin who is also an org admin keeps both sets of rights', () => {
    const both: Actor = { userId: 1, isPlatformAdmin: true, membership: { organisationId: OWN, role: 'org_admin', organisationApproved: true } }
    expect(can(both, 'members.manage', OWN)).toBe(true)
    expect(can(both, 'members.manage', OTHER)).toBe(false)
    expect(can(both, 'platform.approve-organisation', OTHER)).toBe(true)
  })

  it('someone with no membership and no platform role may do nothing', () => {
    const nobody: Actor = { userId: 1, isPlatformAdmin: false, membership: null }
    for (const action of ACTIONS) expect(can(nobody, action, OTHER)).toBe(false)
  })

  it('platform-wide actions (no organisation) count as "other"', () => {
    expect(can(actorFor('org_admin'), 'organisation.edit', null)).toBe(false)
    expect(can(actorFor('platform_admin'), 'platform.grant-role', null)).toBe(true)
  })
})
