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

// Asked on every campaign page and live check: prepared once per shape of
// viewer, because building the statement cost several times running it.
const visibleIdsStatements = new Map<string, ReturnType<typeof prepareVisibleIds>>()
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
  const key = JSON.stringify(shape)
  let statement = visibleIdsStatements.get(key)
  if (!statement) visibleIdsStatements.set(key, (statement = prepareVisibleIds(shape)))
  const rows = statement.all({ ids: JSON.stringify(ids), ownOrg: viewer?.membership?.organisationId ?? null })
  return new Set(rows.map((r) => r.id))
}

function filterConditions(f: CampaignFilters): SQL[] {
  const where: SQL[] = []
  const child = (table: typeof campaignAudiences | typeof campaignChannels | typeof campaignExploitationForms | typeof campaignSubdivisions, condition: SQL) =>
    exists(db.select({ one: sql`1` }).from(table).where(and(eq(table.campaignId, campaigns.id), condition)))
  if (f.q) {
    const pattern = `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    where.push(or(sql`${campaigns.title} like ${pattern} escape '\\'`, sql`${campaigns.summary} like ${pattern} escape '\\'`)!)
  }
  if (f.country) where.push(eq(campaigns.country, f.country))
  // A country-level campaign covers every subdivision of its country.
  if (f.subdivision) {
    const country = f.subdivision.split('-')[0]!
    where.push(
      or(
        child(campaignSubdivisions, eq(campaignSubdivisions.code, f.subdivision)),
        and(eq(campaigns.country, country), sql`not exists (select 1 from ${campaignSubdivisions} where ${campaignSubdivisions.campaignId} = ${campaigns.id})`),
      )!,
    )
  }
  if (f.audience) where.push(child(campaignAudiences, eq(campaignAudiences.audience, f.audience)))
  if (f.channel) where.push(child(campaignChannels, eq(campaignChannels.channel, f.channel)))
  if (f.form) where.push(child(campaignExploitationForms, eq(campaignExploitationForms.form, f.form)))
  if (f.status) where.push(eq(campaigns.status, f.status))
  if (f.organisation) where.push(eq(campaigns.organisationId, f.organisation))
  if (f.year) {
    // Campaigns running at any time during the year.
    where.push(and(sql`${campaigns.startDate} <= ${`${f.year}-12-31`}`, sql`${campaigns.endDate} >= ${`${f.year}-01-01`}`)!)
  }
  if (f.from) where.push(sql`${campaigns.endDate} >= ${f.from}`)
  if (f.to) where.push(sql`${campaigns.startDate} <= ${f.to}`)
  if (f.month) where.push(and(sql`substr(${campaigns.startDate}, 1, 7) <= ${f.month}`, sql`substr(${campaigns.endDate}, 1, 7) >= ${f.month}`)!)
  return where
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

/** Every campaign the viewer may see that matches the filters, in list order, unpaged (for exports). */
export async function matchingCampaignIds(viewer: Actor | null, f: CampaignFilters): Promise<number[]> {
  return db
    .select({ id: campaigns.id })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(and(visibleTo(viewer), ...filterConditions(f)))
    .orderBy(...orderOf(f), asc(campaigns.id))
    .all()
    .map((r) => r.id)
}

function orderOf(f: CampaignFilters) {
  return f.sort === 'title' ? [asc(campaigns.title)] : f.sort === 'updated' ? [desc(campaigns.updatedAt)] : [desc(campaigns.startDate), asc(campaigns.title)]
}

export async function listCampaigns(viewer: Actor | null, f: CampaignFilters) {
  const where = and(visibleTo(viewer), ...filterConditions(f))
  const total = db.select({ n: count() }).from(campaigns).innerJoin(organisations, eq(organisations.id, campaigns.organisationId)).where(where).get()?.n ?? 0
  const rows = db
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
    .orderBy(...orderOf(f), asc(campaigns.id))
    .limit(PAGE_SIZE)
    .offset((f.page - 1) * PAGE_SIZE)
    .all()
  // The page's codes in one query per table, not per row.
  const codes = loadCodes(rows.map((r) => r.id))
  const items: CampaignListItem[] = rows.map((r) => {
    const c = codes.get(r.id)!
    return { ...r, audiences: c.audiences.map((a) => a.code), channels: c.channels, subdivisions: c.subdivisions }
  })
  return { items, total, page: f.page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) }
}

/** Organisations that have a campaign the viewer can see, for the filter. */
export async function organisationsWithCampaigns(viewer: Actor | null) {
  return db
    .selectDistinct({ id: organisations.id, name: organisations.name })
    .from(campaigns)
    .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
    .where(visibleTo(viewer))
    .orderBy(asc(organisations.name))
    .all()
}

export async function donorOrganisations() {
  return db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(and(eq(organisations.type, 'donor'), isNotNull(organisations.approvedAt))).orderBy(asc(organisations.name)).all()
}
