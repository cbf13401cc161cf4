import type { Statement } from 'better-sqlite3'
import { levelOf, overlapScoreOf, reasonsFor, scoreProfiles, toProfile, type Overlap, type OverlapCampaign, type OverlapLevel, type OverlapProfile } from '../overlap'
import type { Actor } from '../../shared/permissions/permissions'
import type { Status } from '../../shared/taxonomy/taxonomy'
import { campaignAccess, visibleCampaignIds } from '../campaigns/index.server'
import { recordCoordination, reviewsOfCampaign } from './coordination.server'
import { db } from '../../shared/db.server'
import { notFound } from '../../shared/http.server'
import { bufferDaysFor, candidatesOf, savedOverlapCampaign } from '../overlap/index.server'

export type OverlapEntry =
  | {
      visible: true
      overlap: Overlap
      campaign: { id: number; title: string; startDate: string; endDate: string; status: string }
      organisation: { id: number; name: string; contactName: string | null; contactEmail: string | null }
      /** The coordinators' reviews of this pair and planners' notes, oldest first. */
      reviews: { verdict: string; note: string; by: string | null; role: string; at: string }[]
    }
  | { visible: false; overlap: Pick<Overlap, 'level'> }

/** How many overlaps the campaign page and the live check describe in full; the rest are counted by level. */
export const OVERLAPS_SHOWN = 20

export type OverlapSummary = {
  /** The closest overlaps, highest score first, at most OVERLAPS_SHOWN. */
  entries: OverlapEntry[]
  total: number
  levels: Record<OverlapLevel, number>
}

/**
 * What overlaps a campaign, as the viewer may know it: campaigns the viewer
 * cannot see are reported only by their level, never by title or organisation.
 * Every candidate is scored; only the closest are put into words and named.
 */
export async function overlapsOf(
  viewer: Actor | null,
  campaignId: number,
  { unsaved = {}, only }: { unsaved?: Partial<OverlapCampaign>; only?: number } = {},
): Promise<OverlapSummary> {
  const access = campaignAccess(viewer, campaignId)
  // The planner's live check uses what is on the form, not yet saved.
  const target = toProfile({ ...savedOverlapCampaign(campaignId)!, ...unsaved }, { draftsOf: access.organisationId })
  const levels = { high: 0, medium: 0, low: 0 }
  if (!target) return { entries: [], total: 0, levels }
  const bufferDays = bufferDaysFor(target.country)
  const found: { other: OverlapProfile; score: number }[] = []
  for (const other of candidatesOf(target, bufferDays)) {
    if (only !== undefined && other.id !== only) continue
    const score = overlapScoreOf(target, other, bufferDays)
    if (score === null) continue
    levels[levelOf(score)] += 1
    found.push({ other, score })
  }
  const closest = found
    .sort((x, y) => y.score - x.score || x.other.id - y.other.id)
    .slice(0, OVERLAPS_SHOWN)
    .map(({ other }) => ({ id: other.id, overlap: scoreProfiles(target, other, bufferDays)! }))
  // Titles, organisations and access only for what is shown.
  const details = overlappingDetails(closest.map((f) => f.id))
  const visible = visibleCampaignIds(viewer, closest.map((f) => f.id))
  const reviews = reviewsOfCampaign(campaignId)
  const pairKey = (x: number, y: number) => (x < y ? `${x}:${y}` : `${y}:${x}`)
  const entries = closest.map(({ id, overlap }): OverlapEntry => {
    const d = details.get(id)!
    if (!visible.has(id)) return { visible: false, overlap: { level: overlap.level } }
    return {
      visible: true,
      overlap: { ...overlap, reasons: reasonsFor(overlap, target.country) },
      campaign: { id: d.id, title: d.title, startDate: d.startDate, endDate: d.endDate, status: d.status },
      organisation: { id: d.organisationId, name: d.organisationName, contactName: d.contactName, contactEmail: d.contactEmail },
      reviews: reviews.get(pairKey(campaignId, d.id)) ?? [],
    }
  })
  return { entries, total: found.length, levels }
}

// The campaigns to name, with their organisations and funders (for the
// visibility rule): one prepared query for the whole list, driven by the
// list of ids so each is a primary-key lookup.
type Details = {
  id: number
  title: string
  startDate: string
  endDate: string
  status: Status
  organisationId: number
  organisationName: string
  contactName: string | null
  contactEmail: string | null
}
let detailsQuery: Statement<[string], Details> | null = null

function overlappingDetails(ids: number[]) {
  detailsQuery ??= db.$client.prepare(`
    select c.id, c.title, c.start_date as startDate, c.end_date as endDate, c.status,
      o.id as organisationId, o.name as organisationName, o.contact_name as contactName, o.contact_email as contactEmail
    from json_each(?) ids join campaigns c on c.id = ids.value join organisations o on o.id = c.organisation_id`)
  const rows = ids.length ? detailsQuery.all(JSON.stringify(ids)) : []
  return new Map(rows.map((r) => [r.id, r]))
}

/** "We are coordinating with them" on a visible overlap of the planner's own campaign. */
export async function noteCoordination(actor: Actor, campaignId: number, otherId: number, note: string) {
  const { organisationId } = campaignAccess(actor, campaignId)
  const [entry] = (await overlapsOf(actor, campaignId, { only: otherId })).entries
  if (!entry || !entry.visible) notFound({ id: 'errors.no_such_overlap', defaultMessage: 'That campaign does not overlap this one.' })
  await recordCoordination(actor, campaignId, otherId, note, organisationId, entry.organisation.id)
}
