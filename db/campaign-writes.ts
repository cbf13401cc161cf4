import type { Campaign } from '../app/domain/campaign'
import type { Status } from '../app/domain/taxonomy'
import type { Db } from './connection'
import * as schema from './schema'

// Writing a whole campaign — its row and child tables — inside a caller's
// transaction. The seed, the CSV import and "duplicate as new draft" all
// create campaigns this way.

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

export type NewCampaign = Partial<Omit<Campaign, 'title' | 'pillar'>> & Pick<Campaign, 'title' | 'pillar'> & { status?: Status }

export function insertCampaignTree(
  tx: Tx,
  organisationId: number,
  actorUserId: number | null,
  c: NewCampaign,
  statusPath: Status[] = [c.status ?? 'draft'],
): number {
  const { id } = tx
    .insert(schema.campaigns)
    .values({
      organisationId,
      title: c.title,
      summary: c.summary ?? '',
      pillar: c.pillar,
      status: statusPath[statusPath.length - 1] ?? 'draft',
      visibility: c.visibility ?? 'network',
      audienceOther: c.audienceOther ?? '',
      channelOther: c.channelOther ?? '',
      keyMessages: c.keyMessages ?? '',
      country: c.country ?? null,
      locality: c.locality ?? '',
      startDate: c.startDate ?? null,
      endDate: c.endDate ?? null,
      budget: c.budget ?? null,
      currency: c.currency ?? null,
      riskRestraintImagery: c.risk?.restraintImagery ?? null,
      riskAntiMigration: c.risk?.antiMigration ?? null,
      riskIdentifiesVictim: c.risk?.identifiesVictim ?? null,
      riskMitigation: c.risk?.mitigation ?? '',
      createdBy: actorUserId,
    })
    .returning({ id: schema.campaigns.id })
    .get()
  const each = <T>(list: readonly T[] | undefined, table: Parameters<Tx['insert']>[0], row: (v: T) => Record<string, unknown>) => {
    if (list?.length) tx.insert(table).values(list.map((v) => ({ campaignId: id, ...row(v) })) as never).run()
  }
  each(c.audiences, schema.campaignAudiences, (a) => ({ audience: a.code, estimatedSize: a.estimatedSize }))
  each(c.channels, schema.campaignChannels, (channel) => ({ channel }))
  each(c.purposes, schema.campaignPurposes, (purpose) => ({ purpose }))
  each(c.exploitationForms, schema.campaignExploitationForms, (form) => ({ form }))
  each(c.languages, schema.campaignLanguages, (language) => ({ language }))
  each(c.subdivisions, schema.campaignSubdivisions, (code) => ({ code }))
  each(c.funderIds, schema.campaignFunders, (organisationId) => ({ organisationId }))
  c.objectives?.forEach((o, position) => {
    const objective = tx.insert(schema.objectives).values({ campaignId: id, position, statement: o.statement }).returning({ id: schema.objectives.id }).get()
    if (o.indicators.length) {
      tx.insert(schema.indicators)
        .values(
          o.indicators.map((i, n) => ({
            objectiveId: objective.id,
            position: n,
            name: i.name,
            level: i.level,
            unit: i.unit,
            direction: i.direction,
            baseline: i.baseline,
            baselineAtSurvey: i.baselineAtSurvey,
            target: i.target,
            meansOfVerification: i.meansOfVerification,
          })),
        )
        .run()
    }
  })
  statusPath.forEach((to, n) => {
    tx.insert(schema.campaignStatusHistory).values({ campaignId: id, fromStatus: n === 0 ? null : statusPath[n - 1]!, toStatus: to, actorUserId }).run()
  })
  return id
}
