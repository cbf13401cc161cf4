import { eq, inArray } from 'drizzle-orm'
import { insertCampaignTree } from '../../../db/campaign-writes'
import { campaigns, organisations } from '../../../db/schema'
import { CSV_COLUMNS, campaignRows, type CampaignRecord, type CsvRow } from './csv-layout'
import { parseCampaignCsv } from './csv-import'
import type { CsvProblem } from '../../shared/csv/csv-file'
import { subdivision } from '../../shared/taxonomy/countries'
import type { Actor } from '../../shared/permissions/permissions'
import type { CampaignFilters } from './filters'
import { recordAudit } from '../../shared/audit.server'
import { matchingCampaignIds } from './queries.server'
import { loadCodes } from './store.server'
import { refreshAllPairs } from '../overlap/index.server'
import { db } from '../../shared/db.server'
import { assertCan } from '../../shared/permissions/permissions.server'
import type { CsvTable } from '../../shared/csv/csv-response.server'

const CHUNK = 500

/** The export's records, read in a few queries per 500 campaigns rather than per campaign. */
function records(ids: number[]): CampaignRecord[] {
  const out: CampaignRecord[] = []
  const names = new Map(db.select({ id: organisations.id, name: organisations.name }).from(organisations).all().map((o) => [o.id, o.name]))
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK)
    const rows = db
      .select({ c: campaigns, organisationName: organisations.name })
      .from(campaigns)
      .innerJoin(organisations, eq(organisations.id, campaigns.organisationId))
      .where(inArray(campaigns.id, chunk))
      .all()
    const codes = loadCodes(chunk)
    const byId = new Map(rows.map((r) => [r.c.id, r]))
    for (const id of chunk) {
      const r = byId.get(id)
      if (!r) continue
      const c = codes.get(id)!
      out.push({
        id,
        organisationName: r.organisationName,
        funders: c.funderIds.map((f) => names.get(f) ?? String(f)),
        title: r.c.title,
        summary: r.c.summary,
        pillar: r.c.pillar,
        status: r.c.status,
        visibility: r.c.visibility,
        country: r.c.country,
        subdivisions: c.subdivisions,
        startDate: r.c.startDate,
        endDate: r.c.endDate,
        audiences: c.audiences.map((a) => a.code),
        audienceSizes: c.audiences.map((a) => a.estimatedSize),
        channels: c.channels,
        purposes: c.purposes,
        exploitationForms: c.exploitationForms,
        languages: c.languages,
      })
    }
  }
  return out
}

export function campaignsTable(rows: CsvRow[]): CsvTable {
  const headers = CSV_COLUMNS.map((c) => c.header)
  const hxl = Object.fromEntries(CSV_COLUMNS.map((c) => [c.header, c.hxl])) as CsvRow
  return { fields: headers, rows: [hxl, ...rows].map((r) => headers.map((h) => r[h])) }
}

/** The who-what-where-when CSV of the campaigns the viewer sees through the filters. */
export async function exportCampaignsCsv(viewer: Actor | null, filters: CampaignFilters): Promise<CsvTable> {
  const subdivisionName = (code: string) => subdivision(code)?.name ?? ''
  return campaignsTable(records(await matchingCampaignIds(viewer, filters)).flatMap((r) => campaignRows(r, subdivisionName)))
}

export const TEMPLATE_EXAMPLE: CsvRow = {
  organisation: 'Your organisation’s name exactly as on Lantern',
  funders: '',
  title: 'Check before you go: safe jobs abroad',
  code: 'C1',
  country: 'UA',
  subdivision: 'UA-46',
  subdivision_name: 'Lvivska oblast',
  start_date: '2026-04-01',
  end_date: '2026-06-30',
  status: 'draft',
  audiences: 'migrant_workers;youth_students',
  channels: 'radio;social_media',
  targeted: '55000',
  audience_sizes: '40000;15000',
  pillar: 'prevention',
  purposes: 'inform_at_risk',
  exploitation_forms: 'forced_labour',
  languages: 'uk',
  visibility: 'network',
  summary: 'Radio spots and pre-departure sessions.',
}

export type ImportOutcome = { ok: true; created: number } | { ok: false; problems: CsvProblem[] }

/** All rows valid, or nothing saved: one transaction for the whole file. */
export async function importCampaignsCsv(actor: Actor, text: string): Promise<ImportOutcome> {
  const organisationId = actor.membership?.organisationId ?? null
  assertCan(actor, 'campaign.edit', organisationId)
  const organisation = db.select().from(organisations).where(eq(organisations.id, organisationId!)).get()!
  const parsed = parseCampaignCsv(text, organisation.name)
  if (!parsed.ok) return parsed
  const donors = new Map(db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.type, 'donor')).all().map((d) => [d.name, d.id]))
  const problems: CsvProblem[] = []
  for (const c of parsed.campaigns) {
    for (const name of c.funders) {
      if (!donors.has(name)) problems.push({ line: c.line, column: 'funders', message: `“${name}” is not a donor organisation on Lantern` })
    }
  }
  if (problems.length) return { ok: false, problems }
  const ids = db.transaction((tx) => {
    const created = parsed.campaigns.map((c) =>
      insertCampaignTree(
        db.$client,
        organisation.id,
        actor.userId,
        { ...c, audiences: c.audiences.map((code, i) => ({ code, estimatedSize: c.audienceSizes[i] ?? null })), funderIds: c.funders.map((name) => donors.get(name)!) },
        [c.status],
      ),
    )
    // One event for the one import, naming every campaign it created.
    recordAudit(tx, { actorUserId: actor.userId, organisationId: organisation.id, action: 'campaigns.imported', entityType: 'campaign', entityId: `${created[0]}-${created[created.length - 1]}`, after: { created: created.length, ids: created } })
    return created
  })
  refreshAllPairs(ids.filter((_, i) => !['draft', 'archived'].includes(parsed.campaigns[i]!.status)))
  return { ok: true, created: parsed.campaigns.length }
}
