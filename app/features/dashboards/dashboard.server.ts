import { asc, eq, isNotNull, sql, type SQL } from 'drizzle-orm'
import { campaignFunders, organisations, standardIndicators } from '../../../db/schema'
import { campaignsByCountryYear, forest, headline, iatiFiles, reachByChannel, targetVersusActual, type DashCampaign, type DashIndicator } from './dashboard'
import type { Actor } from '../../shared/permissions/permissions'
import { parseDashboardFilters, type DashboardFilters } from './schemas'
import type { DashboardProblem } from './problem-words'
import { db } from '../../shared/db.server'
import { assertCan } from '../../shared/permissions/permissions.server'
import { ensureSummaries } from '../results/index.server'
import { untilChange } from '../../shared/until-change.server'

// The donor dashboard: the campaigns in the viewer's view — donors
// those they fund and every published one, coordinators every one past
// draft, organisations their own and the published — filtered by the URL,
// read from the summaries, never from the responses.

/** Which campaigns the viewer's dashboard covers, before filters; `key` names that set for every viewer who has it. */
function scopeOf(actor: Actor): { key: string; where: SQL } {
  const base = sql`c.status <> 'draft' and o.approved_at is not null`
  const org = actor.membership?.organisationId ?? -1
  if (actor.membership?.role === 'coordinator') return { key: 'coordinator', where: base }
  if (actor.membership?.role === 'donor') {
    return { key: `funder ${org}`, where: sql`${base} and (c.visibility = 'published' or exists (select 1 from campaign_funders f where f.campaign_id = c.id and f.organisation_id = ${org}))` }
  }
  return { key: `organisation ${org}`, where: sql`${base} and (c.visibility = 'published' or c.organisation_id = ${org})` }
}

function filterSql(f: DashboardFilters): SQL[] {
  const where: SQL[] = []
  if (f.funder !== undefined) where.push(sql`exists (select 1 from campaign_funders f where f.campaign_id = c.id and f.organisation_id = ${f.funder})`)
  if (f.organisation !== undefined) where.push(sql`c.organisation_id = ${f.organisation}`)
  if (f.country !== undefined) where.push(sql`c.country = ${f.country}`)
  if (f.year !== undefined) where.push(sql`c.start_date <= ${`${f.year}-12-31`} and c.end_date >= ${`${f.year}-01-01`}`)
  if (f.pillar !== undefined) where.push(sql`c.pillar = ${f.pillar}`)
  if (f.audience !== undefined) where.push(sql`exists (select 1 from campaign_audiences a where a.campaign_id = c.id and a.audience = ${f.audience})`)
  if (f.status !== undefined) where.push(sql`c.status = ${f.status}`)
  return where
}

type CampaignRow = Omit<DashCampaign, 'channels'> & { channels: string | null }

/** The campaigns in view and their indicator summaries: two queries over the same conditions, no list of ids in between. */
function campaignsInView(actor: Actor, f: DashboardFilters): { campaigns: DashCampaign[]; indicators: DashIndicator[] } {
  const where = sql.join([scopeOf(actor).where, ...filterSql(f)], sql` and `)
  const rows = db.all<CampaignRow>(sql`
    select c.id, c.title, c.organisation_id as organisationId, o.name as organisation, c.country, c.start_date as startDate, c.visibility,
      c.budget, c.currency, s.targeted, s.channels, s.respondents, s.reached
    from campaigns c
    join organisations o on o.id = c.organisation_id
    join campaign_summaries s on s.campaign_id = c.id
    where ${where}
    order by c.start_date desc, c.id`)
  const indicators = db.all<Omit<DashIndicator, 'met'> & { met: number | null }>(sql`
    select i.campaign_id as campaignId, i.indicator_id as indicatorId, i.name, i.level, i.unit, i.direction, i.standard_indicator_id as standardIndicatorId,
      i.baseline, i.target, i.actual, i.n_actual as nActual, i.n_baseline as nBaseline, i.change, i.change_low as changeLow,
      i.change_high as changeHigh, i.p_value as pValue, i.met
    from indicator_summaries i
    join campaigns c on c.id = i.campaign_id
    join organisations o on o.id = c.organisation_id
    where ${where}`)
  return {
    campaigns: rows.map((r) => ({ ...r, channels: r.channels ? r.channels.split(',') : [] })),
    indicators: indicators.map((i) => ({ ...i, met: i.met === null ? null : i.met === 1 })),
  }
}

/** What the filter menus offer: funders, organisations and standard indicators. */
function choices() {
  const funders = db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(campaignFunders)
    .innerJoin(organisations, eq(organisations.id, campaignFunders.organisationId))
    .orderBy(asc(organisations.name))
    .all()
  const owners = db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(isNotNull(organisations.approvedAt)).orderBy(asc(organisations.name)).all()
  const standards = db.select({ id: standardIndicators.id, code: standardIndicators.code, name: standardIndicators.name, unit: standardIndicators.unit }).from(standardIndicators).orderBy(asc(standardIndicators.name)).all()
  const countries = db.all<{ country: string }>(sql`select distinct country from campaigns where country is not null and status <> 'draft' order by country`).map((r) => r.country)
  const years = db.all<{ year: string }>(sql`select distinct substr(start_date, 1, 4) as year from campaigns where start_date is not null and status <> 'draft' order by year desc`).map((r) => r.year)
  return { funders, organisations: owners, standards, countries, years }
}

/** The standard indicator the forest plot shows: the one asked for, else the percentage standard with the most results. */
function chosenStandard(standards: ReturnType<typeof choices>['standards'], indicators: readonly DashIndicator[], code?: string) {
  if (code) return standards.find((s) => s.code === code) ?? null
  const withResults = (id: number) => indicators.filter((i) => i.standardIndicatorId === id && i.change !== null).length
  return [...standards].filter((s) => s.unit === 'percent').sort((a, b) => withResults(b.id) - withResults(a.id))[0] ?? null
}

// Donors and coordinators open the same views again and again between writes.
const dashboards = untilChange<Dashboard>(100)

export async function dashboardOf(actor: Actor, search: URLSearchParams): Promise<Dashboard> {
  assertCan(actor, 'dashboard.view', actor.membership?.organisationId ?? null)
  const { filters, problems } = parseDashboardFilters(search)
  return dashboards(`${scopeOf(actor).key} ${JSON.stringify(filters)} ${JSON.stringify(problems)}`, () => computeDashboard(actor, filters, problems))
}

async function computeDashboard(actor: Actor, filters: DashboardFilters, problems: DashboardProblem[]) {
  const menus = choices()
  if (filters.standard && !menus.standards.some((s) => s.code === filters.standard)) problems.push({ field: 'standard', value: filters.standard })
  await ensureSummaries()
  const { campaigns, indicators } = problems.length ? { campaigns: [], indicators: [] } : campaignsInView(actor, filters)
  const standard = chosenStandard(menus.standards, indicators, filters.standard)
  return {
    filters,
    problems,
    menus,
    headline: headline(campaigns, indicators),
    targetActual: targetVersusActual(campaigns, indicators),
    standard,
    forest: standard ? forest(campaigns, indicators, standard.id, standard.unit) : null,
    reach: reachByChannel(campaigns),
    countries: campaignsByCountryYear(campaigns),
    iatiFiles: iatiFiles(campaigns),
  }
}

/** The ids of the campaigns the dashboard shows for these filters (none when a filter is unknown), for exports of the same set. */
export async function campaignIdsInView(actor: Actor, search: URLSearchParams): Promise<number[]> {
  assertCan(actor, 'dashboard.view', actor.membership?.organisationId ?? null)
  const { filters, problems } = parseDashboardFilters(search)
  if (problems.length) return []
  await ensureSummaries()
  return campaignsInView(actor, filters).campaigns.map((c) => c.id)
}

export type Dashboard = Awaited<ReturnType<typeof computeDashboard>>
