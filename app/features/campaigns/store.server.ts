import { asc, eq, sql } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'
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
} from '../../../db/schema'
import type { Campaign } from './campaign'
import type { CampaignAccess } from './visibility'
import { db } from '../../shared/db.server'

// Reading a whole campaign (the row and its child tables) into the domain
// shape. Permission checks happen in the callers, campaigns.server.ts.

export type StoredIndicator = Campaign['objectives'][number]['indicators'][number] & { id: number }
export type StoredObjective = { id: number; statement: string; indicators: StoredIndicator[] }
export type StoredCampaign = {
  row: CampaignRow
  /** The campaign's organisation; its time zone decides the campaign's "today". */
  organisation: { id: number; name: string; approved: boolean; timeZone: string }
  campaign: Campaign
  objectives: StoredObjective[]
  access: CampaignAccess
}

export type CampaignCodes = {
  audiences: { code: Campaign['audiences'][number]['code']; estimatedSize: number | null }[]
  channels: Campaign['channels']
  purposes: Campaign['purposes']
  exploitationForms: Campaign['exploitationForms']
  languages: string[]
  subdivisions: string[]
  funderIds: number[]
}

// The statements below run for every campaign page and list: prepared once,
// because building a statement with drizzle cost more than running it. Lists
// of ids are bound as one JSON array.
const inIds = (column: SQLiteColumn) => sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`
const codeQueries = {
  audiences: db.select().from(campaignAudiences).where(inIds(campaignAudiences.campaignId)).orderBy(asc(campaignAudiences.audience)).prepare(),
  channels: db.select().from(campaignChannels).where(inIds(campaignChannels.campaignId)).orderBy(asc(campaignChannels.channel)).prepare(),
  purposes: db.select().from(campaignPurposes).where(inIds(campaignPurposes.campaignId)).orderBy(asc(campaignPurposes.purpose)).prepare(),
  forms: db.select().from(campaignExploitationForms).where(inIds(campaignExploitationForms.campaignId)).orderBy(asc(campaignExploitationForms.form)).prepare(),
  languages: db.select().from(campaignLanguages).where(inIds(campaignLanguages.campaignId)).orderBy(asc(campaignLanguages.language)).prepare(),
  subdivisions: db.select().from(campaignSubdivisions).where(inIds(campaignSubdivisions.campaignId)).orderBy(asc(campaignSubdivisions.code)).prepare(),
  funders: db.select().from(campaignFunders).where(inIds(campaignFunders.campaignId)).orderBy(asc(campaignFunders.organisationId)).prepare(),
}

/** The child-table codes of many campaigns in one query per table, in code order. */
export function loadCodes(ids: number[]): Map<number, CampaignCodes> {
  const result = new Map<number, CampaignCodes>(
    ids.map((id) => [id, { audiences: [], channels: [], purposes: [], exploitationForms: [], languages: [], subdivisions: [], funderIds: [] }]),
  )
  if (ids.length === 0) return result
  const at = (id: number) => result.get(id)!
  const bound = { ids: JSON.stringify(ids) }
  for (const r of codeQueries.audiences.all(bound)) at(r.campaignId).audiences.push({ code: r.audience, estimatedSize: r.estimatedSize })
  for (const r of codeQueries.channels.all(bound)) at(r.campaignId).channels.push(r.channel)
  for (const r of codeQueries.purposes.all(bound)) at(r.campaignId).purposes.push(r.purpose)
  for (const r of codeQueries.forms.all(bound)) at(r.campaignId).exploitationForms.push(r.form)
  for (const r of codeQueries.languages.all(bound)) at(r.campaignId).languages.push(r.language)
  for (const r of codeQueries.subdivisions.all(bound)) at(r.campaignId).subdivisions.push(r.code)
  for (const r of codeQueries.funders.all(bound)) at(r.campaignId).funderIds.push(r.organisationId)
  return result
}

// Who may see a campaign, in one prepared query: the overlap check asks on every change of the form.
const accessQuery = db
  .select({
    organisationId: campaigns.organisationId,
    approvedAt: organisations.approvedAt,
    status: campaigns.status,
    visibility: campaigns.visibility,
    funders: sql<string | null>`(select group_concat(${campaignFunders.organisationId}) from ${campaignFunders} where ${campaignFunders.campaignId} = ${campaigns.id})`,
  })
  .from(campaigns)
  .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
  .where(eq(campaigns.id, sql.placeholder('id')))
  .prepare()

/** What decides who may see a campaign, without loading the campaign. */
export function loadAccess(id: number): CampaignAccess | null {
  const row = accessQuery.get({ id })
  if (!row) return null
  const funderIds = row.funders ? row.funders.split(',').map(Number) : []
  return { organisationId: row.organisationId, organisationApproved: row.approvedAt !== null, status: row.status, visibility: row.visibility, funderIds }
}

const campaignQuery = db.select().from(campaigns).where(eq(campaigns.id, sql.placeholder('id'))).prepare()
const organisationQuery = db
  .select({ id: organisations.id, name: organisations.name, approvedAt: organisations.approvedAt, timeZone: organisations.timeZone })
  .from(organisations)
  .where(eq(organisations.id, sql.placeholder('id')))
  .prepare()
const objectivesQuery = db.select().from(objectives).where(eq(objectives.campaignId, sql.placeholder('id'))).orderBy(asc(objectives.position)).prepare()
const indicatorsQuery = db.select().from(indicators).where(inIds(indicators.objectiveId)).orderBy(asc(indicators.position)).prepare()

export function loadCampaign(id: number): StoredCampaign | null {
  const row = campaignQuery.get({ id })
  if (!row) return null
  const organisation = organisationQuery.get({ id: row.organisationId })!
  const codes = loadCodes([id]).get(id)!
  const objectiveRows = objectivesQuery.all({ id })
  const indicatorRows = objectiveRows.length ? indicatorsQuery.all({ ids: JSON.stringify(objectiveRows.map((o) => o.id)) }) : []
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
        standardIndicatorId: i.standardIndicatorId,
      })),
  }))
  const campaign: Campaign = {
    title: row.title,
    summary: row.summary,
    pillar: row.pillar,
    purposes: codes.purposes,
    exploitationForms: codes.exploitationForms,
    languages: codes.languages,
    audiences: codes.audiences,
    audienceOther: row.audienceOther,
    channels: codes.channels,
    channelOther: row.channelOther,
    keyMessages: row.keyMessages,
    country: row.country,
    subdivisions: codes.subdivisions,
    locality: row.locality,
    startDate: row.startDate,
    endDate: row.endDate,
    objectives: storedObjectives,
    budget: row.budget,
    currency: row.currency,
    funderIds: codes.funderIds,
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
    organisation: { id: organisation.id, name: organisation.name, approved, timeZone: organisation.timeZone },
    campaign,
    objectives: storedObjectives,
    access: { organisationId: row.organisationId, organisationApproved: approved, status: row.status, visibility: row.visibility, funderIds: codes.funderIds },
  }
}

const historyQuery = db
  .select({ from: campaignStatusHistory.fromStatus, to: campaignStatusHistory.toStatus, at: campaignStatusHistory.at, actorName: users.name })
  .from(campaignStatusHistory)
  .leftJoin(users, eq(users.id, campaignStatusHistory.actorUserId))
  .where(eq(campaignStatusHistory.campaignId, sql.placeholder('id')))
  .orderBy(asc(campaignStatusHistory.at), asc(campaignStatusHistory.id))
  .prepare()

export function statusHistory(campaignId: number) {
  return historyQuery.all({ id: campaignId })
}

const namesQuery = db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inIds(organisations.id)).prepare()

export function organisationNames(ids: number[]) {
  return ids.length ? namesQuery.all({ ids: JSON.stringify(ids) }) : []
}
