import type { DashboardFilters } from './schemas'

/** The filters back as a query string, for links and CSV downloads. */
export const filterQuery = (f: DashboardFilters) =>
  new URLSearchParams(Object.entries(f).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString()
