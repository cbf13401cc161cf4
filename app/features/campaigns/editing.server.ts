import { and, eq, inArray, max } from 'drizzle-orm'
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
} from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import { INDICATOR_UNITS } from '../../shared/taxonomy/taxonomy'
import { defineMessages, tr } from '../../shared/i18n'
import type {
  AudiencesInput,
  BasicsInput,
  BudgetInput,
  ChannelsInput,
  IndicatorInput,
  RiskInput,
  WhereWhenInput,
} from './schemas'
import { insertCampaignTree } from '../../../db/campaign-writes'
import { recordAudit } from '../../shared/audit.server'
import type { Outcome } from '../../shared/outcome'
import type { ResultsChange } from '../../shared/results-change'
import { refreshPairsFor } from '../overlap/index.server'
import { getCampaign, getCampaignForEdit } from './access.server'
import type { StoredCampaign } from './store.server'
import { db, type Tx } from '../../shared/db.server'
import { notFound } from '../../shared/http.server'
import { standardIndicatorById } from '../standards/index.server'
import { assertCan } from '../../shared/permissions/permissions.server'

// Writing a campaign, one section at a time. Sections that feed its results
// (audiences and channels counted by its summary, objectives' indicators)
// take a ResultsChange: the results flow runs them and then refreshes.

export async function createCampaign(actor: Actor, input: { title: string; pillar: BasicsInput['pillar'] }): Promise<number> {
  const organisationId = actor.membership?.organisationId ?? null
  assertCan(actor, 'campaign.edit', organisationId)
  return db.transaction((tx) => {
    const row = tx
      .insert(campaigns)
      .values({ organisationId: organisationId!, title: input.title, pillar: input.pillar, createdBy: actor.userId })
      .returning({ id: campaigns.id })
      .get()
    tx.insert(campaignStatusHistory).values({ campaignId: row.id, fromStatus: null, toStatus: 'draft', actorUserId: actor.userId }).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId, action: 'campaign.created', entityType: 'campaign', entityId: row.id, after: input })
    return row.id
  })
}

function touch(tx: Tx, id: number, values: Partial<typeof campaigns.$inferInsert> = {}) {
  tx.update(campaigns).set({ ...values, updatedAt: new Date() }).where(eq(campaigns.id, id)).run()
}

/** Replaces a campaign's rows in a child table of codes. */
function replaceCodes<T extends typeof campaignPurposes | typeof campaignChannels | typeof campaignExploitationForms | typeof campaignLanguages | typeof campaignSubdivisions>(
  tx: Tx,
  table: T,
  campaignId: number,
  rows: Omit<T['$inferInsert'], 'campaignId'>[],
) {
  tx.delete(table).where(eq(table.campaignId, campaignId)).run()
  if (rows.length) tx.insert(table).values(rows.map((r) => ({ ...r, campaignId })) as T['$inferInsert'][]).run()
}

async function editSection(actor: Actor, id: number, action: string, write: (tx: Tx, stored: StoredCampaign) => unknown, after: unknown) {
  const stored = await getCampaignForEdit(actor, id)
  db.transaction((tx) => {
    const before = write(tx, stored)
    recordAudit(tx, { actorUserId: actor.userId, organisationId: stored.row.organisationId, action, entityType: 'campaign', entityId: id, before, after })
  })
  refreshPairsFor(id)
}

export function updateBasics(actor: Actor, id: number, input: BasicsInput) {
  return editSection(actor, id, 'campaign.basics-updated', (tx, { campaign: c }) => {
    touch(tx, id, { title: input.title, summary: input.summary, pillar: input.pillar, ...(input.dacSector ? { dacSector: input.dacSector } : {}) })
    replaceCodes(tx, campaignPurposes, id, input.purposes.map((purpose) => ({ purpose })))
    replaceCodes(tx, campaignExploitationForms, id, input.exploitationForms.map((form) => ({ form })))
    replaceCodes(tx, campaignLanguages, id, input.languages.map((language) => ({ language })))
    return { title: c.title, summary: c.summary, pillar: c.pillar, purposes: c.purposes, exploitationForms: c.exploitationForms, languages: c.languages }
  }, input)
}

/** The audiences' estimated sizes are the campaign's people targeted in its summary. */
export function updateAudiences({ actor, campaignId: id }: ResultsChange, input: AudiencesInput) {
  const rows = input.audiences.map((audience) => ({ audience, estimatedSize: input.sizes[audience] ?? null }))
  return editSection(actor, id, 'campaign.audiences-updated', (tx, { campaign: c }) => {
    touch(tx, id, { audienceOther: input.audiences.includes('other') ? input.audienceOther : '' })
    tx.delete(campaignAudiences).where(eq(campaignAudiences.campaignId, id)).run()
    if (rows.length) tx.insert(campaignAudiences).values(rows.map((r) => ({ ...r, campaignId: id }))).run()
    return { audiences: c.audiences, audienceOther: c.audienceOther }
  }, { audiences: rows, audienceOther: input.audienceOther })
}

/** The channels are counted in the campaign's summary (reach by channel). */
export function updateChannels({ actor, campaignId: id }: ResultsChange, input: ChannelsInput) {
  return editSection(actor, id, 'campaign.channels-updated', (tx, { campaign: c }) => {
    touch(tx, id, { channelOther: input.channels.includes('other') ? input.channelOther : '', keyMessages: input.keyMessages })
    replaceCodes(tx, campaignChannels, id, input.channels.map((channel) => ({ channel })))
    return { channels: c.channels, channelOther: c.channelOther, keyMessages: c.keyMessages }
  }, input)
}

export function updateWhereWhen(actor: Actor, id: number, input: WhereWhenInput) {
  return editSection(actor, id, 'campaign.where-when-updated', (tx, { campaign: c }) => {
    touch(tx, id, { country: input.country, locality: input.locality, startDate: input.startDate ?? null, endDate: input.endDate ?? null })
    replaceCodes(tx, campaignSubdivisions, id, input.subdivisions.map((code) => ({ code })))
    return { country: c.country, subdivisions: c.subdivisions, locality: c.locality, startDate: c.startDate, endDate: c.endDate }
  }, input)
}

export async function updateBudget(actor: Actor, id: number, input: BudgetInput): Promise<Outcome<null>> {
  // Funders must be donor organisations.
  const funderIds = [...new Set(input.funderIds)]
  const donors = funderIds.length
    ? db.select({ id: organisations.id }).from(organisations).where(and(inArray(organisations.id, funderIds), eq(organisations.type, 'donor'))).all()
    : []
  if (donors.length !== funderIds.length) return { ok: false, fieldErrors: { funderIds: [tr(said.chooseFunders)] } }
  await editSection(actor, id, 'campaign.budget-updated', (tx, { campaign: c }) => {
    touch(tx, id, { budget: input.budget ?? null, currency: input.currency ?? null, visibility: input.visibility })
    tx.delete(campaignFunders).where(eq(campaignFunders.campaignId, id)).run()
    if (funderIds.length) tx.insert(campaignFunders).values(funderIds.map((organisationId) => ({ campaignId: id, organisationId }))).run()
    return { budget: c.budget, currency: c.currency, funderIds: c.funderIds, visibility: c.visibility }
  }, { ...input, funderIds })
  return { ok: true, value: null }
}

export function updateRisk(actor: Actor, id: number, input: RiskInput) {
  return editSection(actor, id, 'campaign.risk-updated', (tx, { campaign: c }) => {
    touch(tx, id, {
      riskRestraintImagery: input.restraintImagery ?? null,
      riskAntiMigration: input.antiMigration ?? null,
      riskIdentifiesVictim: input.identifiesVictim ?? null,
      riskMitigation: input.mitigation,
    })
    return c.risk
  }, input)
}

export async function addObjective(actor: Actor, id: number, statement: string): Promise<number> {
  let objectiveId = 0
  await editSection(actor, id, 'campaign.objective-added', (tx) => {
    const next = (tx.select({ p: max(objectives.position) }).from(objectives).where(eq(objectives.campaignId, id)).get()?.p ?? -1) + 1
    objectiveId = tx.insert(objectives).values({ campaignId: id, position: next, statement }).returning({ id: objectives.id }).get().id
    touch(tx, id)
    return null
  }, { statement })
  return objectiveId
}

function objectiveOf(stored: StoredCampaign, objectiveId: number) {
  const objective = stored.objectives.find((o) => o.id === objectiveId)
  if (!objective) notFound({ id: 'errors.no_such_objective', defaultMessage: 'There is no such objective in this campaign.' })
  return objective
}

export async function updateObjective(actor: Actor, id: number, objectiveId: number, statement: string) {
  await editSection(actor, id, 'campaign.objective-updated', (tx, stored) => {
    const before = objectiveOf(stored, objectiveId)
    tx.update(objectives).set({ statement }).where(eq(objectives.id, objectiveId)).run()
    touch(tx, id)
    return { statement: before.statement }
  }, { objectiveId, statement })
}

/** Removes an objective and, with it, its indicators. */
export async function removeObjective({ actor, campaignId: id }: ResultsChange, objectiveId: number) {
  await editSection(actor, id, 'campaign.objective-removed', (tx, stored) => {
    const before = objectiveOf(stored, objectiveId)
    tx.delete(objectives).where(eq(objectives.id, objectiveId)).run()
    touch(tx, id)
    return before
  }, null)
}

function indicatorValues(input: IndicatorInput) {
  return {
    name: input.name,
    level: input.level,
    unit: input.unit,
    direction: input.direction,
    baseline: input.baseline ?? null,
    baselineAtSurvey: input.baselineAtSurvey,
    target: input.target ?? null,
    meansOfVerification: input.meansOfVerification,
    standardIndicatorId: input.standardIndicatorId ?? null,
  }
}

/** An adopted standard indicator must be measured the same way, or its roll-up would add unlike things. */
function standardMismatch(input: IndicatorInput): Outcome<null> | null {
  if (!input.standardIndicatorId) return null
  const standard = standardIndicatorById(input.standardIndicatorId)
  if (!standard) return { ok: false, fieldErrors: { standardIndicatorId: [tr(said.chooseStandard)] } }
  if (standard.unit === input.unit && standard.direction === input.direction) return null
  const unit = tr(INDICATOR_UNITS.message(standard.unit)).toLocaleLowerCase()
  return { ok: false, fieldErrors: { standardIndicatorId: [tr(said.measuredAs, { name: standard.name, unit, direction: standard.direction })] } }
}

export async function addIndicator({ actor, campaignId: id }: ResultsChange, objectiveId: number, input: IndicatorInput): Promise<Outcome<null>> {
  const mismatch = standardMismatch(input)
  if (mismatch) return mismatch
  await editSection(actor, id, 'campaign.indicator-added', (tx, stored) => {
    const objective = objectiveOf(stored, objectiveId)
    tx.insert(indicators).values({ objectiveId, position: objective.indicators.length, ...indicatorValues(input) }).run()
    touch(tx, id)
    return null
  }, { objectiveId, ...indicatorValues(input) })
  return { ok: true, value: null }
}

function indicatorOf(stored: StoredCampaign, indicatorId: number) {
  const indicator = stored.objectives.flatMap((o) => o.indicators).find((i) => i.id === indicatorId)
  if (!indicator) notFound({ id: 'errors.no_such_indicator', defaultMessage: 'There is no such indicator in this campaign.' })
  return indicator
}

export async function updateIndicator({ actor, campaignId: id }: ResultsChange, indicatorId: number, input: IndicatorInput): Promise<Outcome<null>> {
  const mismatch = standardMismatch(input)
  if (mismatch) return mismatch
  await editSection(actor, id, 'campaign.indicator-updated', (tx, stored) => {
    const before = indicatorOf(stored, indicatorId)
    tx.update(indicators).set(indicatorValues(input)).where(eq(indicators.id, indicatorId)).run()
    touch(tx, id)
    return before
  }, indicatorValues(input))
  return { ok: true, value: null }
}

export async function removeIndicator({ actor, campaignId: id }: ResultsChange, indicatorId: number) {
  await editSection(actor, id, 'campaign.indicator-removed', (tx, stored) => {
    const before = indicatorOf(stored, indicatorId)
    tx.delete(indicators).where(eq(indicators.id, indicatorId)).run()
    touch(tx, id)
    return before
  }, null)
}

/** A new draft with everything of an earlier campaign but its dates, status and history. */
export async function duplicateCampaign(actor: Actor, id: number): Promise<number> {
  const { row, campaign } = await getCampaign(actor, id)
  assertCan(actor, 'campaign.edit', row.organisationId)
  return db.transaction((tx) => {
    const copyId = insertCampaignTree(db.$client, row.organisationId, actor.userId, {
      ...campaign,
      title: `${campaign.title} (copy)`.slice(0, 200),
      startDate: null,
      endDate: null,
    })
    recordAudit(tx, { actorUserId: actor.userId, organisationId: row.organisationId, action: 'campaign.duplicated', entityType: 'campaign', entityId: copyId, after: { from: id } })
    return copyId
  })
}

const said = defineMessages({
  chooseFunders: { id: 'campaigns.editing.choose_funders', defaultMessage: 'Choose funders from the list of donor organisations' },
  chooseStandard: { id: 'campaigns.editing.choose_standard', defaultMessage: 'Choose a standard indicator from the list' },
  measuredAs: {
    id: 'campaigns.editing.measured_as',
    defaultMessage: '“{name}” is measured as {unit}, {direction, select, increase {higher is better} other {lower is better}}: choose the same unit and direction, or no standard indicator',
  },
})
