import { and, eq, inArray, or } from 'drizzle-orm'
import { campaignSummaries, campaigns, organisations } from '../../../db/schema'
import { CSV_COLUMNS, campaignCode, campaignRows, lanternCode, lanternId, SECTOR, SUBSECTOR, type CampaignRecord, type CsvRow } from './csv-layout'
import { importSteps, type KnownCampaign } from './csv-sync'
import { insertCampaignTree, updateImportedCampaign } from '../../../db/campaign-writes'
import { parseCampaignCsv } from './csv-import'
import type { CsvProblem } from '../../shared/csv/csv-file'
import { countryAlpha3 } from '../../shared/taxonomy/countries'
import { subdivision } from '../../shared/taxonomy/subdivisions'
import type { Actor } from '../../shared/permissions/permissions'
import type { CampaignFilters } from './filters'
import { recordAudit } from '../../shared/audit.server'
import { matchingCampaignIds } from './queries.server'
import { loadCampaign, loadCodes } from './store.server'
import { refreshAllPairs } from '../overlap/index.server'
import { db } from '../../shared/db.server'
import { assertCan } from '../../shared/permissions/permissions.server'
import type { CsvTable } from '../../shared/csv/csv-response.server'
import { defineMessages, tr } from '../../shared/i18n'

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
    const reached = new Map(db.select({ id: campaignSummaries.campaignId, reached: campaignSummaries.reached }).from(campaignSummaries).where(inArray(campaignSummaries.campaignId, chunk)).all().map((s) => [s.id, s.reached]))
    const byId = new Map(rows.map((r) => [r.c.id, r]))
    for (const id of chunk) {
      const r = byId.get(id)
      if (!r) continue
      const c = codes.get(id)!
      out.push({
        id,
        code: campaignCode(r.c),
        organisationName: r.organisationName,
        funders: c.funderIds.map((f) => names.get(f) ?? String(f)),
        title: r.c.title,
        summary: r.c.summary,
        pillar: r.c.pillar,
        status: r.c.status,
        visibility: r.c.visibility,
        country: r.c.country,
        subdivisions: c.subdivisions,
        locality: r.c.locality,
        startDate: r.c.startDate,
        endDate: r.c.endDate,
        audiences: c.audiences.map((a) => a.code),
        audienceSizes: c.audiences.map((a) => a.estimatedSize),
        channels: c.channels,
        purposes: c.purposes,
        exploitationForms: c.exploitationForms,
        languages: c.languages,
        reached: reached.get(id) ?? null,
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
  const places = { subdivisionName: (code: string) => subdivision(code)?.name ?? '', alpha3: countryAlpha3 }
  return campaignsTable(records(await matchingCampaignIds(viewer, filters)).flatMap((r) => campaignRows(r, places)))
}

export const TEMPLATE_EXAMPLE: CsvRow = {
  organisation: 'Your organisation’s name exactly as on Lantern',
  funders: '',
  title: 'Check before you go: safe jobs abroad',
  code: 'C1',
  sector: SECTOR,
  subsector: SUBSECTOR,
  country_iso3: 'UKR',
  country: 'UA',
  subdivision: 'UA-46',
  subdivision_name: 'Lvivska oblast',
  locality: 'Lviv',
  start_date: '2026-04-01',
  end_date: '2026-06-30',
  status: 'draft',
  audiences: 'migrant_workers;youth_students',
  channels: 'radio;social_media',
  targeted: '55000',
  reached: '',
  audience_sizes: '40000;15000',
  pillar: 'prevention',
  purposes: 'inform_at_risk',
  exploitation_forms: 'forced_labour',
  languages: 'uk',
  visibility: 'network',
  summary: 'Radio spots and pre-departure sessions.',
}

export type ImportOutcome = { ok: true; created: number; updated: number; unchanged: number; message: string } | { ok: false; problems: CsvProblem[] }

/** The organisation's campaigns that the file names by their codes. */
function knownCampaigns(organisationId: number, codes: readonly string[]): Map<string, KnownCampaign> {
  const ids = codes.map(lanternId).filter((id): id is number => id !== null)
  const rows = db
    .select({ id: campaigns.id, importCode: campaigns.importCode })
    .from(campaigns)
    .where(and(eq(campaigns.organisationId, organisationId), or(inArray(campaigns.importCode, [...codes]), inArray(campaigns.id, ids))))
    .all()
  const known = new Map<string, KnownCampaign>()
  for (const record of records(rows.map((r) => r.id))) {
    const { id, organisationName: _organisation, reached: _reached, ...asInFile } = record
    // As the file names it; the stored campaign (objectives and all) is read only if a move to planned needs it.
    const under = (code: string): KnownCampaign => ({ id, asInFile: { ...asInFile, code }, campaign: () => loadCampaign(id)!.campaign, status: record.status })
    known.set(record.code, under(record.code))
    // A campaign with a code of its own is also found under LANTERN-<id>, the code it had before it was given one.
    if (!known.has(lanternCode(id))) known.set(lanternCode(id), under(lanternCode(id)))
  }
  return known
}


/**
 * All rows valid, or nothing saved: one transaction for the whole file. A
 * code the organisation has used before names the same campaign, so the same
 * file twice changes nothing, and an edited file changes what it edits.
 */
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
      if (!donors.has(name)) problems.push({ line: c.line, column: 'funders', message: tr(said.notDonor, { name }) })
    }
  }
  if (problems.length) return { ok: false, problems }
  const { steps, problems: refused } = importSteps(parsed.campaigns, knownCampaigns(organisation.id, parsed.campaigns.map((c) => c.code)))
  if (refused.length) return { ok: false, problems: refused }
  const fields = (c: (typeof parsed.campaigns)[number]) => ({
    ...c,
    audiences: c.audiences.map((code, i) => ({ code, estimatedSize: c.audienceSizes[i] ?? null })),
    funderIds: c.funders.map((name) => donors.get(name)!),
  })
  const changed = db.transaction((tx) => {
    const ids: { created: number[]; updated: number[] } = { created: [], updated: [] }
    for (const step of steps) {
      if (step.kind === 'create') {
        const c = step.campaign
        const path = c.status === 'draft' ? ['draft' as const] : ['draft' as const, c.status]
        ids.created.push(insertCampaignTree(db.$client, organisation.id, actor.userId, { ...fields(c), importCode: lanternId(c.code) === null ? c.code : null }, path))
      } else if (step.kind === 'update') {
        updateImportedCampaign(db.$client, step.id, actor.userId, fields(step.campaign), { from: step.from, to: step.campaign.status })
        ids.updated.push(step.id)
      }
    }
    if (ids.created.length || ids.updated.length) {
      // One event for the one import, naming every campaign it created or changed.
      recordAudit(tx, { actorUserId: actor.userId, organisationId: organisation.id, action: 'campaigns.imported', entityType: 'campaign', entityId: String([...ids.created, ...ids.updated][0]), after: { created: ids.created, updated: ids.updated } })
    }
    return ids
  })
  const touched = [...changed.created, ...changed.updated]
  if (touched.length) refreshAllPairs(touched)
  const unchanged = steps.filter((s) => s.kind === 'unchanged').length
  const message = touched.length
    ? tr(said.imported, { created: changed.created.length, updated: changed.updated.length, unchanged, both: changed.created.length && changed.updated.length ? 'yes' : 'no' })
    : tr(said.nothingChanged, { count: unchanged })
  return { ok: true, created: changed.created.length, updated: changed.updated.length, unchanged, message }
}

const said = defineMessages({
  notDonor: { id: 'campaigns.csv.not_donor', defaultMessage: '“{name}” is not a donor organisation on Lantern' },
  imported: {
    id: 'campaigns.csv.imported',
    defaultMessage:
      '{created, plural, =0 {} one {# campaign was imported} other {# campaigns were imported}}{both, select, yes {; } other {}}{updated, plural, =0 {} one {# campaign was updated} other {# campaigns were updated}}{unchanged, plural, =0 {} one {; # was already as in the file} other {; # were already as in the file}}.',
  },
  nothingChanged: {
    id: 'campaigns.csv.nothing_changed',
    defaultMessage: 'Nothing has changed: {count, plural, one {the # campaign in the file is already on Lantern as the file describes it} other {the # campaigns in the file are already on Lantern as the file describes them}}.',
  },
})
