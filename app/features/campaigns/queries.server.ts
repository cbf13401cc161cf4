import { and, asc, count, desc, eq, exists, isNotNull, ne, or, sql, type Placeholder, type SQL, type SQLWrapper } from 'drizzle-orm'
import {
  campaignAudiences,
  campaignChannels,
  campaignExploitationForms,
  campaignFunders,
  campaigns,
  campaignSubdivisions,
  organisations,
} from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import type { CampaignFilters } from './filters'
import { loadCodes } from './store.server'
import { db } from '../../shared/db.server'
import { preparedPerShape } from '../../shared/prepared.server'

export const PAGE_SIZE = 25

/**
 * Who may read a campaign (DESIGN.md §3), as a condition on `campaigns`
 * joined with its `organisations`: the one rule, used by the campaign page
 * (campaignAccess), lists, exports, roll-ups, notifications and the overlap
 * findings. Its own organisation reads everything; nobody else reads a draft
 * or anything of an organisation awaiting approval; a published campaign is
 * read by anyone; coordinators and funders read the rest; members of
 * approved organisations (and platform admins) read `network` ones.
 */
export function visibleTo(viewer: Actor | null): SQL {
  return visibleToShape(shapeOf(viewer), viewer?.membership?.organisationId)
}

/**
 * What of the viewer the rule above depends on. The condition is built from
 * this alone (and the viewer's organisation), so one prepared statement
 * serves every viewer of the same shape.
 */
function shapeOf(viewer: Actor | null) {
  return {
    member: viewer?.membership?.organisationId !== undefined,
    coordinator: viewer?.membership?.role === 'coordinator',
    network: Boolean(viewer && (viewer.isPlatformAdmin || viewer.membership?.organisationApproved)),
  }
}

/** Names everything the rule above depends on: viewers with the same key may read the same campaigns. */
export function readerKey(viewer: Actor | null): string {
  return JSON.stringify({ ...shapeOf(viewer), organisation: viewer?.membership?.organisationId ?? null })
}

function visibleToShape(shape: ReturnType<typeof shapeOf>, ownOrg: number | Placeholder | undefined): SQL {
  const open = and(ne(campaigns.status, 'draft'), isNotNull(organisations.approvedAt))!
  const reasons: SQL[] = [eq(campaigns.visibility, 'published')]
  if (shape.coordinator) reasons.push(sql`1 = 1`)
  if (shape.network) reasons.push(eq(campaigns.visibility, 'network'))
  if (shape.member && ownOrg !== undefined) {
    reasons.push(
      exists(
        db.select({ one: sql`1` }).from(campaignFunders).where(and(eq(campaignFunders.campaignId, campaigns.id), eq(campaignFunders.organisationId, ownOrg))),
      ),
    )
  }
  const others = and(open, or(...reasons))!
  return shape.member && ownOrg !== undefined ? or(eq(campaigns.organisationId, ownOrg), others)! : others
}

/**
 * Whether the viewer may read the campaign whose id is in `id` (a column of
 * another table, as each side of an overlapping pair): checked row by row, so
 * its cost follows the rows read, not the size of the registry.
 */
export function visibleCampaign(viewer: Actor | null, id: SQLWrapper) {
  return exists(
    db
      .select({ one: sql`1` })
      .from(campaigns)
      .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
      .where(and(eq(campaigns.id, id), visibleTo(viewer))),
  )
}

// Asked on every campaign page and live check: prepared once per shape of viewer.
const visibleIdsStatements = preparedPerShape<ReturnType<typeof prepareVisibleIds>>()
function prepareVisibleIds(shape: ReturnType<typeof shapeOf>) {
  return db
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(and(sql`${campaigns.id} in (select value from json_each(${sql.placeholder('ids')}))`, visibleToShape(shape, sql.placeholder('ownOrg'))))
    .prepare()
}

/** Which of these campaigns the viewer may read, by the rule above. */
export function visibleCampaignIds(viewer: Actor | null, ids: readonly number[]): Set<number> {
  if (ids.length === 0) return new Set()
  const shape = shapeOf(viewer)
  const statement = visibleIdsStatements(JSON.stringify(shape), () => prepareVisibleIds(shape))
  const rows = statement.all({ ids: JSON.stringify(ids), ownOrg: ownOrgOf(viewer) })
  return new Set(rows.map((r) => r.id))
}

const ownOrgOf = (viewer: Actor | null) => viewer?.membership?.organisationId ?? null

/**
 * The list's filters as conditions with placeholders, the values to bind to
 * them, and the shape (which filters are set) that names the statement.
 */
function filterConditions(f: CampaignFilters): { shape: string; where: SQL[]; values: Record<string, unknown> } {
  const where: SQL[] = []
  const values: Record<string, unknown> = {}
  const set: string[] = []
  const bind = (name: string, value: unknown) => {
    values[name] = value
    return sql.placeholder(name)
  }
  const add = (filter: string, condition: SQL) => {
    set.push(filter)
    where.push(condition)
  }
  const child = (table: typeof campaignAudiences | typeof campaignChannels | typeof campaignExploitationForms | typeof campaignSubdivisions, condition: SQL) =>
    exists(db.select({ one: sql`1` }).from(table).where(and(eq(table.campaignId, campaigns.id), condition)))
  if (f.q) {
    const pattern = bind('q', `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)
    add('q', or(sql`${campaigns.title} like ${pattern} escape '\\'`, sql`${campaigns.summary} like ${pattern} escape '\\'`)!)
  }
  if (f.country) add('country', eq(campaigns.country, bind('country', f.country)))
  // A country-level campaign covers every subdivision of its country.
  if (f.subdivision) {
    add(
      'subdivision',
      or(
        child(campaignSubdivisions, eq(campaignSubdivisions.code, bind('subdivision', f.subdivision))),
        and(
          eq(campaigns.country, bind('subdivisionCountry', f.subdivision.split('-')[0]!)),
          sql`not exists (select 1 from ${campaignSubdivisions} where ${campaignSubdivisions.campaignId} = ${campaigns.id})`,
        ),
      )!,
    )
  }
  if (f.audience) add('audience', child(campaignAudiences, eq(campaignAudiences.audience, bind('audience', f.audience))))
  if (f.channel) add('channel', child(campaignChannels, eq(campaignChannels.channel, bind('channel', f.channel))))
  if (f.form) add('form', child(campaignExploitationForms, eq(campaignExploitationForms.form, bind('form', f.form))))
  if (f.status) add('status', eq(campaigns.status, bind('status', f.status)))
  if (f.organisation) add('organisation', eq(campaigns.organisationId, bind('organisation', f.organisation)))
  // Campaigns running at any time during the year.
  if (f.year) add('year', and(sql`${campaigns.startDate} <= ${bind('yearEnd', `${f.year}-12-31`)}`, sql`${campaigns.endDate} >= ${bind('yearStart', `${f.year}-01-01`)}`)!)
  if (f.from) add('from', sql`${campaigns.endDate} >= ${bind('from', f.from)}`)
  if (f.to) add('to', sql`${campaigns.startDate} <= ${bind('to', f.to)}`)
  if (f.month) add('month', and(sql`substr(${campaigns.startDate}, 1, 7) <= ${bind('month', f.month)}`, sql`substr(${campaigns.endDate}, 1, 7) >= ${sql.placeholder('month')}`)!)
  return { shape: set.join(','), where, values }
}

export type CampaignListItem = {
  id: number
  title: string
  organisationId: number
  organisationName: string
  status: (typeof campaigns.$inferSelect)['status']
  visibility: (typeof campaigns.$inferSelect)['visibility']
  country: string | null
  startDate: string | null
  endDate: string | null
  audiences: string[]
  channels: string[]
  subdivisions: string[]
}

function orderOf(sort: CampaignFilters['sort']) {
  return sort === 'title' ? [asc(campaigns.title)] : sort === 'updated' ? [desc(campaigns.updatedAt)] : [desc(campaigns.startDate), asc(campaigns.title)]
}

/** The list's statements for one shape of viewer, filters and order. */
function prepareList(shape: ReturnType<typeof shapeOf>, filters: SQL[], sort: CampaignFilters['sort']) {
  const where = and(visibleToShape(shape, sql.placeholder('ownOrg')), ...filters)
  return {
    count: db.select({ n: count() }).from(campaigns).innerJoin(organisations, eq(organisations.id, campaigns.organisationId)).where(where).prepare(),
    ids: db.select({ id: campaigns.id }).from(campaigns).innerJoin(organisations, eq(organisations.id, campaigns.organisationId)).where(where).orderBy(...orderOf(sort), asc(campaigns.id)).prepare(),
    page: db
      .select({
        id: campaigns.id,
        title: campaigns.title,
        organisationId: campaigns.organisationId,
        organisationName: organisations.name,
        status: campaigns.status,
        visibility: campaigns.visibility,
        country: campaigns.country,
        startDate: campaigns.startDate,
        endDate: campaigns.endDate,
      })
      .from(campaigns)
      .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
      .where(where)
      .orderBy(...orderOf(sort), asc(campaigns.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(),
  }
}

const listStatements = preparedPerShape<ReturnType<typeof prepareList>>()

/** The statements and values for the viewer and the filters. */
function listQuery(viewer: Actor | null, f: CampaignFilters) {
  const shape = shapeOf(viewer)
  const filters = filterConditions(f)
  const statements = listStatements(`${JSON.stringify(shape)} ${filters.shape} ${f.sort}`, () => prepareList(shape, filters.where, f.sort))
  return { statements, values: { ...filters.values, ownOrg: ownOrgOf(viewer) } }
}

/** Every campaign the viewer may see that matches the filters, in list order, unpaged (for exports). */
export async function matchingCampaignIds(viewer: Actor | null, f: CampaignFilters): Promise<number[]> {
  const { statements, values } = listQuery(viewer, f)
  return statements.ids.all(values).map((r) => r.id)
}

export async function listCampaigns(viewer: Actor | null, f: CampaignFilters) {
  const { statements, values } = listQuery(viewer, f)
  const total = statements.count.get(values)?.n ?? 0
  const rows = statements.page.all({ ...values, limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE })
  // The page's codes in one query per table, not per row.
  const codes = loadCodes(rows.map((r) => r.id))
  const items: CampaignListItem[] = rows.map((r) => {
    const c = codes.get(r.id)!
    return { ...r, audiences: c.audiences.map((a) => a.code), channels: c.channels, subdivisions: c.subdivisions }
  })
  return { items, total, page: f.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

// Each organisation stops at its first campaign the viewer may read: the
// campaigns index by organisation makes that a short search, not a pass over
// every campaign.
const organisationStatements = preparedPerShape<ReturnType<typeof prepareOrganisations>>()
function prepareOrganisations(shape: ReturnType<typeof shapeOf>) {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(exists(db.select({ one: sql`1` }).from(campaigns).where(and(eq(campaigns.organisationId, organisations.id), visibleToShape(shape, sql.placeholder('ownOrg'))))))
    .orderBy(asc(organisations.name))
    .prepare()
}

/** Organisations that have a campaign the viewer can see, for the filter. */
export async function organisationsWithCampaigns(viewer: Actor | null) {
  const shape = shapeOf(viewer)
  return organisationStatements(JSON.stringify(shape), () => prepareOrganisations(shape)).all({ ownOrg: ownOrgOf(viewer) })
}

export async function donorOrganisations() {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.type, 'donor'), isNotNull(organisations.approvedAt))).orderBy(asc(organisations.name)).all()
}
