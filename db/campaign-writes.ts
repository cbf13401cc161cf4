import type Database from 'better-sqlite3'
import type { Campaign } from '../app/features/campaigns/campaign'
import type { Status } from '../app/shared/taxonomy/taxonomy'
import { syncOverlapIndex } from './overlap-index'

// Writing a whole campaign — its row and child tables — inside a caller's
// transaction. The seed, the CSV import and "duplicate as new draft" all
// create campaigns this way. Prepared statements, not drizzle's builder:
// an import of 10,000 campaigns is ~80,000 inserts (DESIGN.md §8).

export type NewCampaign = Partial<Omit<Campaign, 'title' | 'pillar'>> & Pick<Campaign, 'title' | 'pillar'> & { importCode?: string | null }

function statements(sqlite: Database.Database) {
  const p = (sql: string) => sqlite.prepare(sql)
  return {
    campaign: p(`insert into campaigns (organisation_id, title, summary, pillar, status, visibility, audience_other, channel_other, key_messages,
      country, locality, start_date, end_date, budget, currency, risk_restraint_imagery, risk_anti_migration, risk_identifies_victim,
      risk_mitigation, created_by, import_code) values (@organisationId, @title, @summary, @pillar, @status, @visibility, @audienceOther, @channelOther,
      @keyMessages, @country, @locality, @startDate, @endDate, @budget, @currency, @restraintImagery, @antiMigration, @identifiesVictim,
      @mitigation, @createdBy, @importCode)`),
    imported: p(`update campaigns set title = @title, summary = @summary, pillar = @pillar, visibility = @visibility, country = @country,
      locality = @locality, start_date = @startDate, end_date = @endDate, updated_at = unixepoch('subsec') * 1000 where id = @id`),
    status: p("update campaigns set status = ?, updated_at = unixepoch('subsec') * 1000 where id = ?"),
    audience: p('insert into campaign_audiences (campaign_id, audience, estimated_size) values (?, ?, ?)'),
    channel: p('insert into campaign_channels (campaign_id, channel) values (?, ?)'),
    purpose: p('insert into campaign_purposes (campaign_id, purpose) values (?, ?)'),
    form: p('insert into campaign_exploitation_forms (campaign_id, form) values (?, ?)'),
    language: p('insert into campaign_languages (campaign_id, language) values (?, ?)'),
    subdivision: p('insert into campaign_subdivisions (campaign_id, code) values (?, ?)'),
    funder: p('insert into campaign_funders (campaign_id, organisation_id) values (?, ?)'),
    objective: p('insert into objectives (campaign_id, position, statement) values (?, ?, ?)'),
    indicator: p(`insert into indicators (objective_id, position, name, level, unit, direction, baseline, baseline_at_survey, target,
      means_of_verification, standard_indicator_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    history: p('insert into campaign_status_history (campaign_id, from_status, to_status, actor_user_id) values (?, ?, ?, ?)'),
  }
}

/** The statuses a campaign passed through to reach its current one, for campaigns written whole (seed, tests). */
export const STATUS_PATH: Record<Status, Status[]> = {
  draft: ['draft'],
  planned: ['draft', 'planned'],
  active: ['draft', 'planned', 'active'],
  completed: ['draft', 'planned', 'active', 'completed'],
  evaluated: ['draft', 'planned', 'active', 'completed', 'evaluated'],
  archived: ['draft', 'planned', 'archived'],
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof statements>>()
const statementsOf = (sqlite: Database.Database) => {
  let s = prepared.get(sqlite)
  if (!s) prepared.set(sqlite, (s = statements(sqlite)))
  return s
}

type CodeFields = Pick<NewCampaign, 'audiences' | 'channels' | 'purposes' | 'exploitationForms' | 'languages' | 'subdivisions' | 'funderIds'>

function insertCodes(s: ReturnType<typeof statements>, id: number, c: CodeFields) {
  for (const a of c.audiences ?? []) s.audience.run(id, a.code, a.estimatedSize)
  for (const v of c.channels ?? []) s.channel.run(id, v)
  for (const v of c.purposes ?? []) s.purpose.run(id, v)
  for (const v of c.exploitationForms ?? []) s.form.run(id, v)
  for (const v of c.languages ?? []) s.language.run(id, v)
  for (const v of c.subdivisions ?? []) s.subdivision.run(id, v)
  for (const v of c.funderIds ?? []) s.funder.run(id, v)
}

const CODE_TABLES = ['campaign_audiences', 'campaign_channels', 'campaign_purposes', 'campaign_exploitation_forms', 'campaign_languages', 'campaign_subdivisions', 'campaign_funders']

/**
 * Call inside a transaction: a campaign imported again with changes takes the
 * file's fields (those the spreadsheet holds; objectives, budget and the
 * risk review stay as they are on Lantern) and, if the status differs, moves
 * to it with a history row. The caller has checked the move is allowed.
 */
export function updateImportedCampaign(
  sqlite: Database.Database,
  id: number,
  actorUserId: number | null,
  c: Pick<Campaign, 'title' | 'summary' | 'pillar' | 'visibility' | 'country' | 'locality' | 'startDate' | 'endDate'> & CodeFields,
  status: { from: Status; to: Status },
) {
  const s = statementsOf(sqlite)
  s.imported.run({ id, title: c.title, summary: c.summary, pillar: c.pillar, visibility: c.visibility, country: c.country, locality: c.locality, startDate: c.startDate, endDate: c.endDate })
  for (const table of CODE_TABLES) sqlite.prepare(`delete from ${table} where campaign_id = ?`).run(id)
  insertCodes(s, id, c)
  if (status.from !== status.to) {
    s.status.run(status.to, id)
    s.history.run(id, status.from, status.to, actorUserId)
  }
  syncOverlapIndex(sqlite, [id])
}

/** Call inside a transaction; returns the new campaign's id. */
export function insertCampaignTree(
  sqlite: Database.Database,
  organisationId: number,
  actorUserId: number | null,
  c: NewCampaign,
  statusPath: Status[] = ['draft'],
): number {
  const s = statementsOf(sqlite)
  const id = Number(
    s.campaign.run({
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
      restraintImagery: c.risk?.restraintImagery ?? null,
      antiMigration: c.risk?.antiMigration ?? null,
      identifiesVictim: c.risk?.identifiesVictim ?? null,
      mitigation: c.risk?.mitigation ?? '',
      createdBy: actorUserId,
      importCode: c.importCode ?? null,
    }).lastInsertRowid,
  )
  insertCodes(s, id, c)
  c.objectives?.forEach((o, position) => {
    const objectiveId = Number(s.objective.run(id, position, o.statement).lastInsertRowid)
    o.indicators.forEach((i, n) =>
      s.indicator.run(objectiveId, n, i.name, i.level, i.unit, i.direction, i.baseline, i.baselineAtSurvey ? 1 : 0, i.target, i.meansOfVerification, i.standardIndicatorId ?? null),
    )
  })
  statusPath.forEach((to, n) => s.history.run(id, n === 0 ? null : statusPath[n - 1]!, to, actorUserId))
  syncOverlapIndex(sqlite, [id])
  return id
}
