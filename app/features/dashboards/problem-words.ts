import { defineMessage, tr } from '../../shared/i18n'

// Worded apart from the filters' schema: the page words the problems, and must not load zod to do it.

/** A filter the dashboard could not read: the value, and which filter it was given for. */
export type DashboardProblem = { field: 'funder' | 'organisation' | 'country' | 'year' | 'pillar' | 'audience' | 'status' | 'standard'; value: string }

const unknown = defineMessage({
  id: 'dashboards.unknown_filter',
  defaultMessage:
    '“{value}” is not {field, select, funder {a funder} organisation {an organisation} country {a country code} year {a year} pillar {a pillar} audience {an audience code} status {a status} other {a standard indicator}} Lantern knows',
})

export const problemWords = (p: DashboardProblem) => tr(unknown, { value: p.value, field: p.field })
