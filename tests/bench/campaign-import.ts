// Importing a 10,000-line campaign spreadsheet (parse, validate every cell,
// write every campaign with its child rows in one transaction). Baseline: the
// same number of bare campaign rows written with one prepared statement —
// the floor for any import of that many campaigns.
import { measure, report } from './measure'
import { demoDatabase } from './demo-data'
import { record } from './summary'

export async function runImportBench() {
  const db = await demoDatabase()
  const { CSV_COLUMNS } = await import('../../app/features/campaigns/csv-layout')
  const { importCampaignsCsv } = await import('../../app/features/campaigns/csv.server')
  const q = <T>(sql: string) => db.$client.prepare(sql).pluck().get() as T
  const organisationId = q<number>("select id from organisations where name = 'Safe Passage Ukraine'")
  const userId = q<number>("select id from users where email = 'orgadmin@lantern.example'")
  const actor = { userId, isPlatformAdmin: false, membership: { organisationId, role: 'org_admin' as const, organisationApproved: true } }

  const ROWS = 10_000
  const header = CSV_COLUMNS.map((c) => c.header)
  const cells = (i: number): Record<string, string> => ({
    organisation: 'Safe Passage Ukraine', title: `Campaign ${i}`, code: `C${i}`, country: 'UA', subdivision: 'UA-46', start_date: '2026-01-01',
    end_date: '2026-02-01', status: 'draft', audiences: 'migrant_workers;youth_students', channels: 'radio;tv', purposes: 'inform_at_risk',
    exploitation_forms: 'forced_labour', languages: 'uk',
  })
  const text = [header.join(','), ...Array.from({ length: ROWS }, (_, i) => header.map((h) => cells(i)[h] ?? '').join(','))].join('\n')

  const bare = db.$client.prepare("insert into campaigns (organisation_id, title, pillar, country) values (?, ?, 'prevention', 'UA')")
  const baseline = await measure(() => db.$client.transaction(() => { for (let i = 0; i < ROWS; i++) bare.run(organisationId, `Bare ${i}`) })(), 5)
  const imported = await measure(async () => {
    const result = await importCampaignsCsv(actor, text)
    if (!result.ok) throw new Error('the benchmark file should import')
  }, 5)
  report(`Campaign import, ${ROWS.toLocaleString('en')} lines (times in µs for the whole file)`, [['baseline: bare campaign rows, one prepared statement', baseline], ['importCampaignsCsv (parse, validate, write all)', imported]], baseline)
  record({ bench: 'import', figure: `campaign import, ${ROWS.toLocaleString('en')} lines (baseline: bare rows)`, value: imported.median / 1000, baseline: baseline.median / 1000, unit: 'ms' })
}
