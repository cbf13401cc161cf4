import type { MembershipRole } from '../permissions/roles'
import { defineMessages, type Message } from '../i18n'

export type NavUser = { isPlatformAdmin: boolean; role: MembershipRole | null; organisationId: number | null } | null
export type NavItem = { to: string; label: Message }

const labels = defineMessages({
  campaigns: { id: 'nav.campaigns', defaultMessage: 'Campaigns' },
  coordination: { id: 'nav.coordination', defaultMessage: 'Coordination' },
  dashboards: { id: 'nav.dashboards', defaultMessage: 'Dashboards' },
  organisation: { id: 'nav.organisation', defaultMessage: 'Organisation' },
  admin: { id: 'nav.admin', defaultMessage: 'Admin' },
  account: { id: 'nav.account', defaultMessage: 'Account' },
})

/** The shell's navigation for a visitor: entries follow the roles of DESIGN.md §2. */
export function navigationFor(user: NavUser): NavItem[] {
  const items: NavItem[] = [{ to: '/campaigns', label: labels.campaigns }]
  if (!user) return items
  if (user.role === 'coordinator' || user.isPlatformAdmin) items.push({ to: '/coordination', label: labels.coordination })
  if (user.role !== null) items.push({ to: '/dashboards', label: labels.dashboards })
  if (user.organisationId !== null) items.push({ to: `/organisations/${user.organisationId}`, label: labels.organisation })
  if (user.isPlatformAdmin) items.push({ to: '/admin', label: labels.admin })
  items.push({ to: '/account', label: labels.account })
  return items
}
