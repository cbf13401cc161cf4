import type { Reason } from '../app/features/overlap/scoring'
import { sql } from 'drizzle-orm'
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { MEMBERSHIP_ROLES, ORGANISATION_TYPES } from '../app/shared/permissions/roles'
import type { QuestionOption } from '../app/features/surveys/answers'
import type { QuestionTranslations } from '../app/features/surveys/translations'
import type { StoredAnalysis } from '../app/features/results/stored-analysis'
import type { CsvProblem } from '../app/shared/csv/csv-file'
import type { Change } from '../app/features/surveys/repeat-download'
import {
  DAC_SECTORS,
  AUDIENCES,
  CHANNELS,
  DIRECTIONS,
  EXPLOITATION_FORMS,
  INDICATOR_LEVELS,
  INDICATOR_UNITS,
  PILLARS,
  PURPOSES,
  REVIEW_VERDICTS,
  STATUSES,
  VISIBILITIES,
  QUESTION_TYPES,
  SEXES,
  WAVE_DESIGNS,
  SAMPLINGS,
  WAVE_GROUPS,
  WAVE_KINDS,
} from '../app/shared/taxonomy/taxonomy'

// Timestamps are stored as milliseconds since the epoch so that rate-limit
// windows and session expiry compare without rounding.
const createdAt = () =>
  integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`)

export const organisations = sqliteTable('organisations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  type: text('type', { enum: ORGANISATION_TYPES }).notNull(),
  country: text('country').notNull(),
  contactName: text('contact_name'),
  contactEmail: text('contact_email'),
  website: text('website'),
  /** The organisation's registered identifier (org-id.guide form, like GB-CHC-1234567): its IATI reporting-org ref. */
  iatiIdentifier: text('iati_identifier'),
  /** IANA zone ("Asia/Kathmandu"): "today", deadlines and past dates are the organisation's, not the server's. */
  timeZone: text('time_zone').notNull().default('UTC'),
  approvedAt: integer('approved_at', { mode: 'timestamp_ms' }),
  approvedBy: integer('approved_by'),
  createdAt: createdAt(),
})

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  // Stored lower-cased; uniqueness is case-insensitive by construction.
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  isPlatformAdmin: integer('is_platform_admin', { mode: 'boolean' }).notNull().default(false),
  /** The language the person chose for Lantern's pages; null follows the browser's. */
  locale: text('locale'),
  createdAt: createdAt(),
})

// A user belongs to at most one organisation.
export const memberships = sqliteTable(
  'memberships',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('memberships_user_unique').on(t.userId), index('memberships_org_idx').on(t.organisationId)],
)

export const sessions = sqliteTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** A log-in, or an account made by signing up or by an invite: each answer says whether an email has an account, so each is counted. */
    kind: text('kind', { enum: ['login', 'sign_up', 'join'] })
      .notNull()
      .default('login'),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('login_attempts_email_idx').on(t.email, t.createdAt), index('login_attempts_ip_idx').on(t.ip, t.createdAt)],
)

// Only a SHA-256 of the invite token is stored: a leaked database does not
// hand out working invite links.
export const invites = sqliteTable(
  'invites',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: MEMBERSHIP_ROLES }).notNull(),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    usedAt: integer('used_at', { mode: 'timestamp_ms' }),
    usedBy: integer('used_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('invites_org_idx').on(t.organisationId)],
)

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: createdAt(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    // The organisation whose data changed; null for platform-wide events.
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [index('audit_events_org_idx').on(t.organisationId, t.at)],
)

// ---- Campaign registry ----
// Dates are ISO strings (YYYY-MM-DD): they sort and compare as text, and
// campaign periods are whole days.

const RISK = ['yes', 'no'] as const

export const campaigns = sqliteTable(
  'campaigns',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    pillar: text('pillar', { enum: PILLARS.codes }).notNull(),
    status: text('status', { enum: STATUSES.codes }).notNull().default('draft'),
    visibility: text('visibility', { enum: VISIBILITIES.codes }).notNull().default('network'),
    audienceOther: text('audience_other').notNull().default(''),
    channelOther: text('channel_other').notNull().default(''),
    keyMessages: text('key_messages').notNull().default(''),
    country: text('country'),
    locality: text('locality').notNull().default(''),
    startDate: text('start_date'),
    endDate: text('end_date'),
    budget: integer('budget'),
    currency: text('currency'),
    riskRestraintImagery: text('risk_restraint_imagery', { enum: RISK }),
    riskAntiMigration: text('risk_anti_migration', { enum: RISK }),
    riskIdentifiesVictim: text('risk_identifies_victim', { enum: RISK }),
    riskMitigation: text('risk_mitigation').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    /** OECD DAC 5-digit sector for IATI; when none is chosen, the export uses the default from pillar, audiences and forms (defaultSector). */
    dacSector: text('dac_sector', { enum: DAC_SECTORS.codes }),
    /** The organisation's own code for the campaign, from its spreadsheet: the same code imported again is the same campaign. */
    importCode: text('import_code'),
  },
  (t) => [
    index('campaigns_org_idx').on(t.organisationId),
    uniqueIndex('campaigns_import_code_unique').on(t.organisationId, t.importCode),
    index('campaigns_country_dates_idx').on(t.country, t.startDate, t.endDate),
    index('campaigns_status_idx').on(t.status),
  ],
)

const campaignRef = (column = 'campaign_id') =>
  integer(column)
    .notNull()
    .references(() => campaigns.id, { onDelete: 'cascade' })

export const campaignAudiences = sqliteTable(
  'campaign_audiences',
  { campaignId: campaignRef(), audience: text('audience', { enum: AUDIENCES.codes }).notNull(), estimatedSize: integer('estimated_size') },
  (t) => [primaryKey({ columns: [t.campaignId, t.audience] }), index('campaign_audiences_code_idx').on(t.audience)],
)

export const campaignChannels = sqliteTable(
  'campaign_channels',
  { campaignId: campaignRef(), channel: text('channel', { enum: CHANNELS.codes }).notNull() },
  (t) => [primaryKey({ columns: [t.campaignId, t.channel] }), index('campaign_channels_code_idx').on(t.channel)],
)

export const campaignPurposes = sqliteTable(
  'campaign_purposes',
  { campaignId: campaignRef(), purpose: text('purpose', { enum: PURPOSES.codes }).notNull() },
  (t) => [primaryKey({ columns: [t.campaignId, t.purpose] })],
)

export const campaignExploitationForms = sqliteTable(
  'campaign_exploitation_forms',
  { campaignId: campaignRef(), form: text('form', { enum: EXPLOITATION_FORMS.codes }).notNull() },
  (t) => [primaryKey({ columns: [t.campaignId, t.form] }), index('campaign_forms_code_idx').on(t.form)],
)

export const campaignLanguages = sqliteTable(
  'campaign_languages',
  { campaignId: campaignRef(), language: text('language').notNull() },
  (t) => [primaryKey({ columns: [t.campaignId, t.language] })],
)

/** ISO 3166-2 codes; none means the whole of campaigns.country. */
export const campaignSubdivisions = sqliteTable(
  'campaign_subdivisions',
  { campaignId: campaignRef(), code: text('code').notNull() },
  (t) => [primaryKey({ columns: [t.campaignId, t.code] }), index('campaign_subdivisions_code_idx').on(t.code)],
)

export const campaignFunders = sqliteTable(
  'campaign_funders',
  {
    campaignId: campaignRef(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.organisationId] }), index('campaign_funders_org_idx').on(t.organisationId)],
)

export const objectives = sqliteTable(
  'objectives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: campaignRef(),
    position: integer('position').notNull(),
    statement: text('statement').notNull(),
  },
  (t) => [index('objectives_campaign_idx').on(t.campaignId, t.position)],
)

/**
 * The shared library of indicator definitions a coordinator maintains;
 * campaign indicators that adopt one roll up across organisations.
 */
export const standardIndicators = sqliteTable('standard_indicators', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Stable, snake_case: the URL and the exports' name for it. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  unit: text('unit', { enum: INDICATOR_UNITS.codes }).notNull(),
  direction: text('direction', { enum: DIRECTIONS.codes }).notNull(),
  guidance: text('guidance').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
})

export const indicators = sqliteTable(
  'indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    objectiveId: integer('objective_id')
      .notNull()
      .references(() => objectives.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: INDICATOR_LEVELS.codes }).notNull(),
    unit: text('unit', { enum: INDICATOR_UNITS.codes }).notNull(),
    direction: text('direction', { enum: DIRECTIONS.codes }).notNull(),
    baseline: real('baseline'),
    baselineAtSurvey: integer('baseline_at_survey', { mode: 'boolean' }).notNull().default(false),
    target: real('target'),
    meansOfVerification: text('means_of_verification').notNull().default(''),
    standardIndicatorId: integer('standard_indicator_id').references(() => standardIndicators.id, { onDelete: 'set null' }),
  },
  (t) => [index('indicators_objective_idx').on(t.objectiveId, t.position), index('indicators_standard_idx').on(t.standardIndicatorId)],
)

/**
 * Actual values of an indicator that no survey question measures (reach,
 * hotline calls), entered by date: counts add up, percentages and scores
 * take the latest.
 */
export const indicatorActuals = sqliteTable(
  'indicator_actuals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    indicatorId: integer('indicator_id')
      .notNull()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    onDate: text('on_date').notNull(),
    value: real('value').notNull(),
    note: text('note').notNull().default(''),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('indicator_actuals_idx').on(t.indicatorId, t.onDate)],
)

export const campaignStatusHistory = sqliteTable(
  'campaign_status_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: campaignRef(),
    fromStatus: text('from_status', { enum: STATUSES.codes }),
    toStatus: text('to_status', { enum: STATUSES.codes }).notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: createdAt(),
  },
  (t) => [index('campaign_status_history_idx').on(t.campaignId, t.at)],
)

export type Organisation = typeof organisations.$inferSelect
export type User = typeof users.$inferSelect
export type Membership = typeof memberships.$inferSelect
export type AuditEvent = typeof auditEvents.$inferSelect
export type CampaignRow = typeof campaigns.$inferSelect

// ---- Overlaps ----
// One row per overlapping pair of campaigns (campaign_a < campaign_b), kept
// current whenever either campaign changes, so the workspace reads pairs
// instead of recomputing them.

export const overlapPairs = sqliteTable(
  'overlap_pairs',
  {
    campaignA: campaignRef('campaign_a'),
    campaignB: campaignRef('campaign_b'),
    /** Both campaigns' country (pairs never cross borders): the workspace pages by country and score. */
    country: text('country').notNull().default(''),
    score: real('score').notNull(),
    level: text('level', { enum: ['high', 'medium', 'low'] }).notNull(),
    /** Why the pair overlaps, as data (overlap/scoring.ts Reason), worded for each reader; older rows hold English sentences. */
    reasons: text('reasons', { mode: 'json' }).$type<(Reason | string)[]>().notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    firstSeenAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignA, t.campaignB] }),
    index('overlap_pairs_b_idx').on(t.campaignB),
    index('overlap_pairs_level_idx').on(t.level, t.score),
    // The workspace walks pairs highest score first, and counts them, from the index alone.
    index('overlap_pairs_country_idx').on(t.country, sql`${t.score} desc`, t.campaignA, t.campaignB, t.periodStart, t.periodEnd),
    index('overlap_pairs_score_idx').on(sql`${t.score} desc`, t.campaignA, t.campaignB, t.periodStart, t.periodEnd),
  ],
)

/**
 * The overlap index: one row per region of each campaign that takes part in
 * overlap (planned, active, completed, evaluated) — a subdivision code, or the
 * country code for a whole-country campaign — holding the campaign's overlap
 * profile (app/features/overlap/scoring.ts): dates as day numbers, code sets as
 * bitmasks (app/shared/taxonomy/code-sets.ts). The live check is then one range scan
 * of the primary key that reads integers. The migration makes the table
 * WITHOUT ROWID (drizzle cannot say so), so rows live in the key's b-tree.
 * Derived data, kept in step with the campaign tables by db/overlap-index.ts.
 */
export const overlapIndex = sqliteTable(
  'overlap_index',
  {
    region: text('region').notNull(),
    startDay: integer('start_day').notNull(),
    endDay: integer('end_day').notNull(),
    campaignId: campaignRef(),
    country: text('country').notNull(),
    organisationId: integer('organisation_id').notNull(),
    /** Comma-joined subdivision codes; empty for the whole country. */
    subdivisions: text('subdivisions').notNull(),
    audiences: integer('audiences').notNull(),
    channels: integer('channels').notNull(),
    forms: integer('forms').notNull(),
    purposes: integer('purposes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.region, t.startDay, t.endDay, t.campaignId] }),
    index('overlap_index_span_idx').on(t.country, sql`${t.endDay} - ${t.startDay}`),
    index('overlap_index_campaign_idx').on(t.campaignId),
  ],
)

/** Which taxonomy code order the index's bitmasks were built with (CODE_SET_FINGERPRINT). */
export const overlapIndexState = sqliteTable('overlap_index_state', {
  id: integer('id').primaryKey(),
  fingerprint: text('fingerprint').notNull(),
})

/** A coordinator's buffer: periods this many days apart still overlap, per country. */
export const overlapSettings = sqliteTable('overlap_settings', {
  country: text('country').primaryKey(),
  bufferDays: integer('buffer_days').notNull().default(0),
  updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
})

/** Every review of a pair, newest last: the history is the table. */
export const overlapReviews = sqliteTable(
  'overlap_reviews',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignA: campaignRef('campaign_a'),
    campaignB: campaignRef('campaign_b'),
    verdict: text('verdict', { enum: REVIEW_VERDICTS }).notNull(),
    /** A planner's "we are coordinating with them" is a note with the verdict unchanged. */
    note: text('note').notNull().default(''),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorRole: text('actor_role').notNull(),
    at: createdAt(),
  },
  (t) => [index('overlap_reviews_pair_idx').on(t.campaignA, t.campaignB, t.at)],
)

/** In-app notifications for an organisation (there is no email). */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    campaignId: integer('campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    otherCampaignId: integer('other_campaign_id').references(() => campaigns.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['high_overlap'] }).notNull(),
    createdAt: createdAt(),
    readAt: integer('read_at', { mode: 'timestamp_ms' }),
    readBy: integer('read_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('notifications_org_idx').on(t.organisationId, t.readAt)],
)

// Surveys (DESIGN.md §4). A campaign's instrument is its list of
// questions; answers are stored as canonical text ('1', '4', '7.5', an option
// code, free text) and missing answers have no row.

export const surveyQuestions = sqliteTable(
  'survey_questions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: campaignRef(),
    position: integer('position').notNull(),
    /** Stable, snake_case: the CSV column and the analysis's name for the question. */
    code: text('code').notNull(),
    text: text('text').notNull(),
    type: text('type', { enum: QUESTION_TYPES.codes }).notNull(),
    /** binary: '1' or '0'; single choice: the correct option's code. */
    desired: text('desired'),
    /** Single-choice options, or the five Likert labels. */
    options: text('options', { mode: 'json' }).$type<QuestionOption[]>().notNull().default(sql`'[]'`),
    /** The question's words in other languages, by ISO 639-1 code: its text and its options' labels (codes never change). */
    translations: text('translations', { mode: 'json' }).$type<QuestionTranslations>().notNull().default(sql`'{}'`),
    min: real('min'),
    max: real('max'),
    indicatorId: integer('indicator_id').references(() => indicators.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('survey_questions_code_unique').on(t.campaignId, t.code), index('survey_questions_order_idx').on(t.campaignId, t.position)],
)

export const surveyWaves = sqliteTable(
  'survey_waves',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: campaignRef(),
    kind: text('kind', { enum: WAVE_KINDS.codes }).notNull(),
    group: text('group', { enum: WAVE_GROUPS.codes }).notNull(),
    design: text('design', { enum: WAVE_DESIGNS.codes }).notNull(),
    startDate: text('start_date'),
    endDate: text('end_date'),
    targetSize: integer('target_size'),
    samplingNotes: text('sampling_notes').notNull().default(''),
    /** How respondents were drawn; null until someone says, and then analysed as a simple random sample with a warning. */
    sampling: text('sampling', { enum: SAMPLINGS.codes }),
    /** What the clusters are, in words ("village"), for the results page. */
    clusterUnit: text('cluster_unit'),
    /** The design effect expected when planning the wave's size (1 for a simple random sample). */
    designEffect: real('design_effect'),
    /** A panel endline or follow-up and the baseline its respondents come from. */
    baselineWaveId: integer('baseline_wave_id').references((): AnySQLiteColumn => surveyWaves.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('survey_waves_unique').on(t.campaignId, t.kind, t.group)],
)

export const surveyResponses = sqliteTable(
  'survey_responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    waveId: integer('wave_id')
      .notNull()
      .references(() => surveyWaves.id, { onDelete: 'cascade' }),
    /** Pseudonymous, as given; never shown outside the owning organisation. */
    respondentCode: text('respondent_code').notNull(),
    sex: text('sex', { enum: SEXES.codes }),
    ageBand: text('age_band'),
    locality: text('locality'),
    /** Where the respondent was drawn from, for design-based estimates: the cluster (primary sampling unit), its stratum, the sampling weight. */
    cluster: text('cluster'),
    stratum: text('stratum'),
    weight: real('weight'),
    /** The collecting tool's own id of the submission (Kobo's _uuid, ODK's instanceID): how a later download of the same data finds this response. */
    submissionId: text('submission_id'),
    importId: integer('import_id').references(() => surveyImports.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('survey_responses_code_unique').on(t.waveId, t.respondentCode),
    uniqueIndex('survey_responses_submission_unique').on(t.waveId, t.submissionId).where(sql`submission_id is not null`),
    index('survey_responses_import_idx').on(t.importId),
  ],
)

export const surveyAnswers = sqliteTable(
  'survey_answers',
  {
    responseId: integer('response_id')
      .notNull()
      .references(() => surveyResponses.id, { onDelete: 'cascade' }),
    questionId: integer('question_id')
      .notNull()
      .references(() => surveyQuestions.id, { onDelete: 'cascade' }),
    value: text('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.questionId] }), index('survey_answers_question_idx').on(t.questionId)],
)

/** A file imported into a campaign's waves: its hash says when the same file comes again. */
export const surveyImports = sqliteTable(
  'survey_imports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    campaignId: campaignRef(),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    rows: integer('rows').notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    at: createdAt(),
    /**
     * Null while the rows are being written, a slice at a time: until then
     * nothing reads them, so the import stays all-or-nothing to everyone.
     */
    completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
    /** When the writer last stored a slice: an unfinished import that has not moved for a while was abandoned. */
    progressAt: integer('progress_at', { mode: 'timestamp_ms' }),
    /** Which heading each question and field was read from, so a later download whose columns were renamed can say which. */
    columns: text('columns', { mode: 'json' }).$type<ImportedColumn[]>().notNull().default(sql`'[]'`),
    /** For a later download of the same survey: the rows already stored as they were, those that said otherwise, and the changes accepted. */
    repeated: text('repeated', { mode: 'json' }).$type<RepeatedRows>(),
  },
  (t) => [
    index('survey_imports_hash_idx').on(t.campaignId, t.sha256),
    // One import at a time into a campaign: two would race for the same respondent codes.
    uniqueIndex('survey_imports_one_unfinished').on(t.campaignId).where(sql`completed_at is null`),
  ],
)

/**
 * An uploaded file between its upload and its import (the column mapping
 * happens in between), and the import's progress and outcome while and after
 * it runs. The file itself is kept beside the database (uploadsDir), never in
 * memory or in a row, and removed once imported or abandoned.
 */
export const surveyUploads = sqliteTable('survey_uploads', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  campaignId: campaignRef(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  sha256: text('sha256').notNull(),
  /** The file's name in the uploads directory; null once the file is removed. */
  path: text('path'),
  bytes: integer('bytes').notNull().default(0),
  status: text('status', { enum: ['mapping', 'importing', 'refused', 'imported'] }).notNull().default('mapping'),
  /** While importing: rows read and checked, rows written, and how far into the file (bytes) the reader is. */
  checkedRows: integer('checked_rows').notNull().default(0),
  writtenRows: integer('written_rows').notNull().default(0),
  readBytes: integer('read_bytes').notNull().default(0),
  /** What the last import of this upload found or did, for the page that shows it. */
  outcome: text('outcome', { mode: 'json' }).$type<UploadOutcome>(),
  /** Columns an org admin said are not personal data, though they look it: by whom, when and why (also in the audit log). */
  cleared: text('cleared', { mode: 'json' }).$type<ClearedColumn[]>().notNull().default(sql`'[]'`),
  createdAt: createdAt(),
})

export type ImportedColumn = { header: string; target: string }

/** A changed row of a later download, as the page lists it. */
export type UploadChange = Pick<Change, 'line' | 'wave' | 'respondentCode' | 'differences'>
/**
 * The outcome of an import run, kept with the upload: for a refused one, the
 * first problems (and how many) or the changed rows a person has to decide
 * on, for the mapping (`choice`, as its query string) it was run with.
 */
export type UploadOutcome =
  | { kind: 'refused'; choice: string; problems: CsvProblem[]; problemCount: number; identical: number; changes: UploadChange[]; changeCount: number; message?: string }
  | { kind: 'imported'; importId: number | null; message: string }
export type RepeatedRows = { identical: number; changed: number; accepted: number }

export type ClearedColumn = { column: number; header: string; reason: string; userId: number; userName: string; at: string }

/**
 * Where each campaign indicator stands, kept up to date whenever survey
 * answers, actuals or indicators change, so dashboards read results instead
 * of recomputing them from every response. Derived data: rebuilt
 * for any campaign that lacks its row in campaign_summaries.
 */
export const indicatorSummaries = sqliteTable(
  'indicator_summaries',
  {
    indicatorId: integer('indicator_id')
      .primaryKey()
      .references(() => indicators.id, { onDelete: 'cascade' }),
    campaignId: campaignRef(),
    standardIndicatorId: integer('standard_indicator_id'),
    name: text('name').notNull(),
    level: text('level', { enum: INDICATOR_LEVELS.codes }).notNull(),
    unit: text('unit', { enum: INDICATOR_UNITS.codes }).notNull(),
    direction: text('direction', { enum: DIRECTIONS.codes }).notNull(),
    baseline: real('baseline'),
    target: real('target'),
    actual: real('actual'),
    actualFrom: text('actual_from', { enum: ['survey', 'entered'] }),
    baselineFrom: text('baseline_from', { enum: ['survey', 'plan'] }),
    /** The last date an actual was entered for. */
    actualDate: text('actual_date'),
    /** The survey question that measures the indicator, if one does. */
    questionCode: text('question_code'),
    nBaseline: integer('n_baseline'),
    nActual: integer('n_actual'),
    change: real('change'),
    changeLow: real('change_low'),
    changeHigh: real('change_high'),
    pValue: real('p_value'),
    method: text('method'),
    met: integer('met', { mode: 'boolean' }),
  },
  (t) => [index('indicator_summaries_campaign_idx').on(t.campaignId), index('indicator_summaries_standard_idx').on(t.standardIndicatorId)],
)

/** A campaign's totals for dashboards; its presence says the campaign's summaries are built. */
export const campaignSummaries = sqliteTable('campaign_summaries', {
  campaignId: integer('campaign_id')
    .primaryKey()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  respondents: integer('respondents').notNull(),
  reached: real('reached'),
  /** The target audiences' estimated sizes added up, and the channels (comma-separated codes): what dashboards would otherwise join for every row. */
  targeted: integer('targeted').notNull().default(0),
  channels: text('channels').notNull().default(''),
  refreshedAt: integer('refreshed_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
})

/**
 * A campaign's analysis as the results page, its CSV and the IATI export show
 * it: every record and every breakdown cell, before small cells are withheld
 * (that is done as it is read, for the viewer). Derived from the answers by
 * the results flow, like the summaries.
 */
export const campaignAnalyses = sqliteTable('campaign_analyses', {
  campaignId: integer('campaign_id')
    .primaryKey()
    .references(() => campaigns.id, { onDelete: 'cascade' }),
  analysis: text('analysis', { mode: 'json' }).$type<StoredAnalysis>().notNull(),
  refreshedAt: integer('refreshed_at', { mode: 'timestamp_ms' })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
})
