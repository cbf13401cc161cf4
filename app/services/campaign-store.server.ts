import { asc, eq, inArray } from 'drizzle-orm'
import {
  campaignAudiences,
  campaignChannels,
  campaignExploitationForms,
  campaignFunders,
  campaignLanguages,
  campaignPurposes,
  campaigns,
  campaignStatusHistory,
  campaignSubdivisions,
  indicators,
  objectives,
  organisations,
  users,
  type CampaignRow,
} from '../../db/schema'
import type { Campaign } from '../domain/campaign'
import type { CampaignAccess } from '../domain/visibility'
import { db } from './db.server'

// Reading a whole campaign (the row and its child tables) into the domain
// shape. Permission checks happen in the callers, campaigns.server.ts.

export type StoredIndicator = Campaign['objectives'][number]['indicators'][number] & { id: number }
export type StoredObjective = { id: number; statement: string; indicators: StoredIndicator[] }
export type StoredCampaign = {
  row: CampaignRow
  organisation: { id: number; name: string; approved: boolean }
  campaign: Campaign
  objectives: StoredObjective[]
  access: CampaignAccess
}

export function loadCampaign(id: number): StoredCampaign | null {
  const row = db.select().from(campaigns).where(eq(campaigns.id, id)).get()
  if (!row) return null
  const organisation = db
    .select({ id: organisations.id, name: organisations.name, approvedAt: organisations.approvedAt })
    .from(organisations)
    .where(eq(organisations.id, row.organisationId))
    .get()!
  const codes = <T>(rows: { v: T }[]) => rows.map((r) => r.v)
  const audiences = db
    .select({ code: campaignAudiences.audience, estimatedSize: campaignAudiences.estimatedSize })
    .from(campaignAudiences)
    .where(eq(campaignAudiences.campaignId, id))
    .all()
  const objectiveRows = db.select().from(objectives).where(eq(objectives.campaignId, id)).orderBy(asc(objectives.position)).all()
  const indicatorRows = objectiveRows.length
    ? db
        .select()
        .from(indicators)
        .where(inArray(indicators.objectiveId, objectiveRows.map((o) => o.id)))
        .orderBy(asc(indicators.position))
        .all()
    : []
  const storedObjectives: StoredObjective[] = objectiveRows.map((o) => ({
    id: o.id,
    statement: o.statement,
    indicators: indicatorRows
      .filter((i) => i.objectiveId === o.id)
      .map((i) => ({
        id: i.id,
        name: i.name,
        level: i.level,
        unit: i.unit,
        direction: i.direction,
        baseline: i.baseline,
        baselineAtSurvey: i.baselineAtSurvey,
        target: i.target,
        meansOfVerification: i.meansOfVerification,
      })),
  }))
  const funderIds = codes(db.select({ v: campaignFunders.organisationId }).from(campaignFunders).where(eq(campaignFunders.campaignId, id)).all())
  const campaign: Campaign = {
    title: row.title,
    summary: row.summary,
    pillar: row.pillar,
    purposes: codes(db.select({ v: campaignPurposes.purpose }).from(campaignPurposes).where(eq(campaignPurposes.campaignId, id)).all()),
    exploitationForms: codes(
      db.select({ v: campaignExploitationForms.form }).from(campaignExploitationForms).where(eq(campaignExploitationForms.campaignId, id)).all(),
    ),
    languages: codes(db.select({ v: campaignLanguages.language }).from(campaignLanguages).where(eq(campaignLanguages.campaignId, id)).all()),
    audiences,
    audienceOther: row.audienceOther,
    channels: codes(db.select({ v: campaignChannels.channel }).from(campaignChannels).where(eq(campaignChannels.campaignId, id)).all()),
    channelOther: row.channelOther,
    keyMessages: row.keyMessages,
    country: row.country,
    subdivisions: codes(db.select({ v: campaignSubdivisions.code }).from(campaignSubdivisions).where(eq(campaignSubdivisions.campaignId, id)).all()),
    locality: row.locality,
    startDate: row.startDate,
    endDate: row.endDate,
    objectives: storedObjectives,
    budget: row.budget,
    currency: row.currency,
    funderIds,
    visibility: row.visibility,
    risk: {
      restraintImagery: row.riskRestraintImagery,
      antiMigration: row.riskAntiMigration,
      identifiesVictim: row.riskIdentifiesVictim,
      mitigation: row.riskMitigation,
    },
  }
  const approved = organisation.approvedAt !== null
  return {
    row,
    organisation: { id: organisation.id, name: organisation.name, approved },
    campaign,
    objectives: storedObjectives,
    access: { organisationId: row.organisationId, organisationApproved: approved, status: row.status, visibility: row.visibility, funderIds },
  }
}

export function statusHistory(campaignId: number) {
  return db
    .select({ from: campaignStatusHistory.fromStatus, to: campaignStatusHistory.toStatus, at: campaignStatusHistory.at, actorName: users.name })
    .from(campaignStatusHistory)
    .leftJoin(users, eq(users.id, campaignStatusHistory.actorUserId))
    .where(eq(campaignStatusHistory.campaignId, campaignId))
    .orderBy(asc(campaignStatusHistory.at), asc(campaignStatusHistory.id))
    .all()
}

export function organisationNames(ids: number[]) {
  return ids.length ? db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)).all() : []
}
