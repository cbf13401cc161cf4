import { count } from 'drizzle-orm'
import { hashPassword } from '../app/features/accounts/password.server'
import type { MembershipRole, OrganisationType } from '../app/shared/permissions/roles'
import type { Db } from './connection'
import { seedDemoSurveys } from './demo-surveys'
import { seedStandardIndicators } from './demo-standards'
import * as schema from './schema'
import { DEMO_CAMPAIGNS, type DemoCampaign } from './demo-campaigns'
import type { Indicator } from '../app/features/campaigns/campaign'
import { insertCampaignTree, STATUS_PATH } from './campaign-writes'

// Demo data: invented organisations in countries where awareness work on
// trafficking is common, and one log-in per role. Later issues add campaigns
// and surveys here.

export const DEMO_PASSWORD = 'lantern-demo-2026'

type DemoOrganisation = {
  key: string
  name: string
  type: OrganisationType
  country: string
  contactName: string
  contactEmail: string
  website: string
  /** Fictional identifiers of the right form, under agencies IATI approves; one organisation has none yet, as many do. */
  iatiIdentifier?: string
  approved: boolean
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: 'safe-passage', name: 'Safe Passage Ukraine', type: 'ngo', country: 'UA', contactName: 'Olena Kovalenko', contactEmail: 'info@safepassage.example', website: 'https://safepassage.example', iatiIdentifier: 'UA-EDR-40123456', approved: true },
  { key: 'casa-sperantei', name: 'Casa Speranței', type: 'ngo', country: 'MD', contactName: 'Ion Rusu', contactEmail: 'contact@casasperantei.example', website: 'https://casasperantei.example', iatiIdentifier: 'MD-IDNO-1012600012345', approved: true },
  { key: 'himal-safe-migration', name: 'Himal Safe Migration Forum', type: 'ngo', country: 'NP', contactName: 'Sita Gurung', contactEmail: 'hello@himalforum.example', website: 'https://himalforum.example', iatiIdentifier: 'NP-SWC-12345', approved: true },
  { key: 'bayanihan', name: 'Bayanihan Against Trafficking', type: 'faith_based', country: 'PH', contactName: 'Maria Santos', contactEmail: 'office@bayanihan.example', website: 'https://bayanihan.example', approved: true },
  { key: 'labour-migration-office', name: 'Overseas Labour Protection Office', type: 'government_agency', country: 'PH', contactName: 'Jose Reyes', contactEmail: 'olpo@gov.example', website: 'https://olpo.gov.example', iatiIdentifier: 'PH-SEC-CN201512345', approved: true },
  { key: 'migration-partnership', name: 'International Migration Partnership', type: 'international_organisation', country: 'MD', contactName: 'Anna Lindqvist', contactEmail: 'chisinau@imp.example', website: 'https://imp.example', iatiIdentifier: 'XI-IATI-IMP', approved: true },
  { key: 'national-coordination', name: 'National Anti-Trafficking Coordination Council', type: 'coordinating_body', country: 'UA', contactName: 'Taras Melnyk', contactEmail: 'council@coordination.example', website: 'https://coordination.example', iatiIdentifier: 'UA-EDR-00012345', approved: true },
  { key: 'northlight', name: 'Northlight Foundation', type: 'donor', country: 'NL', contactName: 'Eva de Vries', contactEmail: 'grants@northlight.example', website: 'https://northlight.example', iatiIdentifier: 'NL-KVK-41234567', approved: true },
  { key: 'youth-voices', name: 'Kathmandu Youth Voices', type: 'ngo', country: 'NP', contactName: 'Aarav Shrestha', contactEmail: 'team@youthvoices.example', website: 'https://youthvoices.example', iatiIdentifier: 'NP-SWC-67890', approved: false },
]

type DemoUser = { email: string; name: string; organisation: string | null; role: MembershipRole | null; platformAdmin?: boolean; label: string }

export const DEMO_USERS: DemoUser[] = [
  { email: 'member@lantern.example', name: 'Mykola Bondar', organisation: 'safe-passage', role: 'member', label: 'member (Safe Passage Ukraine)' },
  { email: 'orgadmin@lantern.example', name: 'Olena Kovalenko', organisation: 'safe-passage', role: 'org_admin', label: 'org admin (Safe Passage Ukraine)' },
  { email: 'coordinator@lantern.example', name: 'Taras Melnyk', organisation: 'national-coordination', role: 'coordinator', label: 'coordinator (National Anti-Trafficking Coordination Council)' },
  { email: 'donor@lantern.example', name: 'Eva de Vries', organisation: 'northlight', role: 'donor', label: 'donor (Northlight Foundation)' },
  { email: 'admin@lantern.example', name: 'Platform Admin', organisation: null, role: null, platformAdmin: true, label: 'platform admin' },
  { email: 'casa@lantern.example', name: 'Ion Rusu', organisation: 'casa-sperantei', role: 'org_admin', label: 'org admin (Casa Speranței)' },
  { email: 'himal@lantern.example', name: 'Sita Gurung', organisation: 'himal-safe-migration', role: 'org_admin', label: 'org admin (Himal Safe Migration Forum)' },
  { email: 'bayanihan@lantern.example', name: 'Maria Santos', organisation: 'bayanihan', role: 'org_admin', label: 'org admin (Bayanihan Against Trafficking)' },
  { email: 'youth@lantern.example', name: 'Aarav Shrestha', organisation: 'youth-voices', role: 'org_admin', label: 'org admin (Kathmandu Youth Voices, awaiting approval)' },
]

export function isEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(schema.organisations).get()?.n ?? 0) === 0 &&
    (db.select({ n: count() }).from(schema.users).get()?.n ?? 0) === 0
}

/** Deletes every row, children first. The schema stays. */
export function clearDatabase(db: Db): void {
  db.transaction((tx) => {
    for (const table of [
      schema.campaignStatusHistory,
      schema.indicators,
      schema.objectives,
      schema.campaignAudiences,
      schema.campaignChannels,
      schema.campaignPurposes,
      schema.campaignExploitationForms,
      schema.campaignLanguages,
      schema.campaignSubdivisions,
      schema.campaignFunders,
      schema.campaigns,
      schema.auditEvents,
      schema.invites,
      schema.loginAttempts,
      schema.sessions,
      schema.memberships,
      schema.users,
      schema.organisations,
    ]) {
      tx.delete(table).run()
    }
  })
}

export async function seedDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  db.transaction((tx) => {
    const orgIds = new Map<string, number>()
    for (const { key, approved, ...org } of DEMO_ORGANISATIONS) {
      const row = tx
        .insert(schema.organisations)
        .values({ ...org, approvedAt: approved ? new Date() : null })
        .returning({ id: schema.organisations.id })
        .get()
      orgIds.set(key, row.id)
    }
    const userIds = new Map<string, number>()
    for (const u of DEMO_USERS) {
      const user = tx
        .insert(schema.users)
        .values({ email: u.email, name: u.name, passwordHash, isPlatformAdmin: u.platformAdmin ?? false })
        .returning({ id: schema.users.id })
        .get()
      if (u.organisation && u.role && !userIds.has(u.organisation)) userIds.set(u.organisation, user.id)
      if (u.organisation && u.role) {
        tx.insert(schema.memberships)
          .values({ userId: user.id, organisationId: orgIds.get(u.organisation)!, role: u.role })
          .run()
      }
    }
    for (const campaign of DEMO_CAMPAIGNS) insertDemoCampaign(db.$client, campaign, orgIds, userIds)
    seedDemoSurveys(db.$client)
    seedStandardIndicators(db.$client)
  })
}


function insertDemoCampaign(sqlite: Db['$client'], d: DemoCampaign, orgIds: Map<string, number>, userIds: Map<string, number>) {
  const risk = d.risk ?? 'clear'
  const answer = risk === 'unanswered' ? null : 'no'
  const plan = d.plan ?? 'measured'
  const reach = d.audiences.reduce((n, [, size]) => n + (size ?? 0), 0) || 1000
  const indicator: Indicator =
    plan === 'measured'
      ? { name: '% of the audience who know the national hotline number', level: 'outcome', unit: 'percent', direction: 'increase', baseline: null, baselineAtSurvey: true, target: d.hotlineTarget ?? 60, meansOfVerification: 'Baseline and endline survey' }
      : { name: 'People reached', level: 'output', unit: 'count', direction: 'increase', baseline: 0, baselineAtSurvey: false, target: reach, meansOfVerification: '' }
  insertCampaignTree(
    sqlite,
    orgIds.get(d.org)!,
    userIds.get(d.org) ?? null,
    {
      title: d.title,
      summary: d.summary,
      pillar: d.purposes.includes('train_professionals') ? 'protection' : 'prevention',
      visibility: d.visibility ?? 'network',
      country: d.country,
      subdivisions: d.subdivisions,
      startDate: d.start,
      endDate: d.end,
      budget: d.budget?.[0] ?? null,
      currency: d.budget?.[1] ?? null,
      keyMessages: 'Check the recruiter before you pay or sign.\nKeep your passport.\nCall the hotline if something feels wrong.',
      risk: { restraintImagery: risk === 'unmitigated' ? 'yes' : answer, antiMigration: answer, identifiesVictim: answer, mitigation: '' },
      audiences: d.audiences.map(([code, estimatedSize]) => ({ code, estimatedSize })),
      channels: d.channels,
      exploitationForms: d.forms,
      purposes: d.purposes,
      languages: d.languages,
      funderIds: d.funded ? [orgIds.get('northlight')!] : [],
      objectives: plan === 'none' ? [] : [{ statement: `By ${d.end}, the people reached know how to recognise and report recruitment fraud`, indicators: [indicator] }],
    },
    STATUS_PATH[d.status],
  )
}
export function demoLoginsText(): string {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length))
  return [
    `Demo log-ins (password for all: ${DEMO_PASSWORD}):`,
    ...DEMO_USERS.map((u) => `  ${u.email.padEnd(width)}  ${u.label}`),
  ].join('\n')
}
