import { defineMessage } from '../../shared/i18n'
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import { campaignStatusHistory, indicatorSummaries, organisations, surveyQuestions, surveyWaves } from '../../../db/schema'
import { disclose, ensureSummariesOf, storedAnalysis, thresholdFor } from '../results/index.server'
import { iatiActivitiesXml, type IatiActivity, type IatiOrganisation } from './iati'
import type { Actor } from '../../shared/permissions/permissions'
import { loadAccess, loadCampaign, visibleCampaignIds } from '../campaigns/index.server'
import { defaultSector } from '../campaigns'
import { db } from '../../shared/db.server'
import { badRequest, notFound } from '../../shared/http.server'

// The IATI export of campaigns the viewer may see and publish: drafts are
// plans and private campaigns are not for publishing, so neither is
// exported. One file, one reporting organisation, as IATI requires. Small
// cells are suppressed as on the results page.

const DIMENSIONS = ['sex', 'age_band'] as const

function organisationsById(ids: number[]): Map<number, IatiOrganisation> {
  if (ids.length === 0) return new Map()
  return new Map(db.select({ id: organisations.id, name: organisations.name, type: organisations.type, iatiIdentifier: organisations.iatiIdentifier }).from(organisations).where(inArray(organisations.id, ids)).all().map((o) => [o.id, o]))
}

/** When the campaign first became active and first completed, by its status history: IATI's actual start and end. */
function actualDates(campaignId: number) {
  const history = db.select({ to: campaignStatusHistory.toStatus, at: campaignStatusHistory.at }).from(campaignStatusHistory).where(eq(campaignStatusHistory.campaignId, campaignId)).orderBy(asc(campaignStatusHistory.at)).all()
  const first = (status: string) => history.find((h) => h.to === status)?.at.toISOString().slice(0, 10) ?? null
  return { actualStart: first('active'), actualEnd: first('completed') }
}

/** The campaign group's baseline and endline survey dates: a survey-measured baseline is dated by its survey, and an actual belongs to the endline's period. */
function surveyDates(campaignId: number) {
  const waves = db.select().from(surveyWaves).where(and(eq(surveyWaves.campaignId, campaignId), eq(surveyWaves.group, 'campaign'))).all()
  const baseline = waves.find((w) => w.kind === 'baseline')
  const endline = waves.find((w) => w.kind === 'endline')
  return {
    baselineDate: baseline?.startDate ?? baseline?.endDate ?? null,
    endlinePeriod: endline?.startDate && endline.endDate ? { start: endline.startDate, end: endline.endDate } : null,
  }
}

/**
 * One campaign as an activity. Baselines and actuals come from the summaries
 * the dashboard reads; the disaggregated actuals from the stored analysis,
 * through the same disclosure control as the results page, for a single
 * campaign's export (a whole filtered set stays a summary).
 */
async function activityOf(viewer: Actor | null, campaignId: number, disaggregate: boolean): Promise<IatiActivity | null> {
  const access = loadAccess(campaignId)
  if (!access || access.status === 'draft' || access.visibility === 'private' || !visibleCampaignIds(viewer, [campaignId]).has(campaignId)) return null
  const stored = loadCampaign(campaignId)!
  const orgs = organisationsById([stored.row.organisationId, ...stored.campaign.funderIds])
  const summaries = new Map(db.select().from(indicatorSummaries).where(eq(indicatorSummaries.campaignId, campaignId)).all().map((s) => [s.indicatorId, s]))
  const linked = new Map(
    db
      .select({ indicatorId: surveyQuestions.indicatorId, code: surveyQuestions.code })
      .from(surveyQuestions)
      .where(and(eq(surveyQuestions.campaignId, campaignId), isNotNull(surveyQuestions.indicatorId)))
      .all()
      .map((q) => [q.indicatorId!, q.code]),
  )
  const dates = surveyDates(campaignId)
  const cells = disaggregate && linked.size ? disclose((await storedAnalysis(campaignId)).breakdowns, thresholdFor(viewer, stored.row.organisationId)) : []
  return {
    id: campaignId,
    title: stored.campaign.title,
    summary: stored.campaign.summary,
    status: stored.row.status as IatiActivity['status'],
    organisation: orgs.get(stored.row.organisationId)!,
    funders: stored.campaign.funderIds.flatMap((id) => (orgs.has(id) ? [orgs.get(id)!] : [])),
    country: stored.campaign.country,
    startDate: stored.campaign.startDate,
    endDate: stored.campaign.endDate,
    ...actualDates(campaignId),
    budget: stored.campaign.budget,
    currency: stored.campaign.currency,
    sector: stored.row.dacSector ?? defaultSector(stored.campaign),
    updatedAt: stored.row.updatedAt.toISOString(),
    objectives: stored.objectives.map((o) => ({
      statement: o.statement,
      indicators: o.indicators.map((i) => {
        const s = summaries.get(i.id)
        const question = linked.get(i.id)
        const scale = i.unit === 'percent' ? 100 : 1
        const dimensions = cells
          .filter((b) => question && b.question === question && (DIMENSIONS as readonly string[]).includes(b.dimension))
          .flatMap((b) => b.cells.flatMap((c) => (c.record && c.value && c.record.post !== null ? [{ name: b.dimension, value: c.value, actual: c.record.post * scale }] : [])))
        return {
          name: i.name,
          level: i.level,
          unit: i.unit,
          direction: i.direction,
          meansOfVerification: i.meansOfVerification,
          baseline: s?.baseline === null || s?.baseline === undefined ? null : { value: s.baseline, date: s.baselineFrom === 'survey' ? dates.baselineDate : null },
          target: i.target,
          actual: s?.actual ?? null,
          actualPeriod: s?.actualFrom === 'survey' ? dates.endlinePeriod : null,
          dimensions,
        }
      }),
    })),
  }
}

/** One campaign as an IATI activities file; a 404 where the viewer may not see it, or it is a draft. */
export async function campaignIatiXml(viewer: Actor | null, campaignId: number): Promise<string> {
  // This campaign's summaries only: building every campaign's that lacks them held the server for minutes at scale.
  await ensureSummariesOf(campaignId)
  const activity = (await activityOf(viewer, campaignId, true)) ?? notFound({ id: 'errors.no_campaign_to_export', defaultMessage: 'There is no such campaign to export, or you cannot see it. Drafts and private campaigns are not exported: IATI files are for publishing.' })
  return iatiActivitiesXml([activity], new Date())
}

/**
 * Several campaigns of one organisation (a dashboard's filtered set, whose
 * summaries campaignIdsInView has ensured) as one IATI activities file,
 * without the per-cell actuals. A set of several organisations, or none that
 * may be published, is refused with what to do instead: the schema does not
 * allow an empty file.
 */
export async function campaignsIatiXml(viewer: Actor, campaignIds: readonly number[]): Promise<string> {
  const activities: IatiActivity[] = []
  for (const id of campaignIds) {
    const activity = await activityOf(viewer, id, false)
    if (activity) activities.push(activity)
  }
  if (activities.length === 0) notFound({ id: 'errors.nothing_to_publish', defaultMessage: 'No campaign of this selection may be published to IATI (drafts and private campaigns are not), so there is no file to make. Change the filters.' })
  const reporting = new Map(activities.map((a) => [a.organisation.id, a.organisation.name]))
  if (reporting.size > 1) {
    badRequest({
      message: defineMessage({
        id: 'errors.iati_many_reporters',
        defaultMessage: 'An IATI file has one reporting organisation, and this selection has {count, number} ({names}). Choose one organisation in the filters; the dashboard lists a file for each.',
      }),
      values: { count: reporting.size, names: [...reporting.values()].sort().join(', ') },
    })
  }
  return iatiActivitiesXml(activities, new Date())
}
