import type { MembershipRole } from '../permissions/roles'

export type NavUser = { isPlatformAdmin: boolean; role: MembershipRole | null; organisationId: number | null } | null
export type NavItem = { to: string; label: string }

/** The shell's navigation for a visitor: entries follow the roles of DESIGN.md §2. */
export function navigationFor(user: NavUser): NavItem[] {
  const items: NavItem[] = [{ to: '/campaigns', label: 'Campaigns' }]
  if (!user) return items
  if (user.role === 'coordinator' || user.isPlatformAdmin) items.push({ to: '/coordination', label: 'Coordination' })
  if (user.role !== null) items.push({ to: '/dashboards', label: 'Dashboards' })
  if (user.organisationId !== null) items.push({ to: `/organisations/${user.organisationId}`, label: 'Organisation' })
  if (user.isPlatformAdmin) items.push({ to: '/admin', label: 'Admin' })
  items.push({ to: '/account', label: 'Account' })
  return items
}
