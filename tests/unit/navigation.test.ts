import { describe, expect, it } from 'vitest'
import { navigationFor } from '../../app/shared/ui/navigation'
import { tr } from '../../app/shared/i18n'

const labels = (user: Parameters<typeof navigationFor>[0]) => navigationFor(user).map((i) => tr(i.label))

describe('navigationFor', () => {
  it('shows only campaigns to anonymous visitors', () => expect(labels(null)).toEqual(['Campaigns']))
  it('gives members dashboards, their organisation and account, but not coordination', () =>
    expect(labels({ isPlatformAdmin: false, role: 'member', organisationId: 4 })).toEqual([
      'Campaigns',
      'Dashboards',
      'Organisation',
      'Account',
    ]))
  it('gives coordinators the coordination workspace', () =>
    expect(labels({ isPlatformAdmin: false, role: 'coordinator', organisationId: 2 })).toContain('Coordination'))
  it('gives platform admins coordination and admin, without an organisation', () =>
    expect(labels({ isPlatformAdmin: true, role: null, organisationId: null })).toEqual([
      'Campaigns',
      'Coordination',
      'Admin',
      'Account',
    ]))
  it('links the organisation entry to the user’s own organisation', () =>
    expect(navigationFor({ isPlatformAdmin: false, role: 'donor', organisationId: 7 }).map((i) => ({ to: i.to, label: tr(i.label) }))).toContainEqual({
      to: '/organisations/7',
      label: 'Organisation',
    }))
})
