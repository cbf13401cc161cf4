import { z } from 'zod'
import { SUBDIVISION_CODE } from '../../shared/taxonomy/countries'
import { isCurrencyCode, isLanguageCode } from '../../shared/taxonomy/languages'
import {
  AUDIENCES,
  CHANNELS,
  DAC_SECTORS,
  DIRECTIONS,
  EXPLOITATION_FORMS,
  INDICATOR_LEVELS,
  INDICATOR_UNITS,
  PILLARS,
  PURPOSES,
  VISIBILITIES,
} from '../../shared/taxonomy/taxonomy'
import { countryField, idField } from '../../shared/ui/fields'
import { targetOnDesiredSide } from './campaign'
import { defineMessages, lazy, tr, type Message } from '../../shared/i18n'

// One zod schema per section of the campaign form, shared by the browser
// (conform) and the actions. Every text has a limit, so a 5 MB paste is a
// field error, not a stored page of nonsense.

const text = (label: Message, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: () => tr(m.tooLong, { label: tr(label), max }) })
    .default('')

const codes = <T extends readonly [string, ...string[]]>(values: T, message: Message) => z.array(z.enum(values, { error: lazy(message) })).default([])

const m = defineMessages({
  tooLong: { id: 'campaigns.fields.too_long', defaultMessage: '{label} must be {max, number} characters or fewer' },
  enterTitle: { id: 'campaigns.fields.title.required', defaultMessage: 'Enter a title' },
  titleShort: { id: 'campaigns.fields.title.too_short', defaultMessage: 'Title must be at least {min, number} characters' },
  titleLong: { id: 'campaigns.fields.title.too_long', defaultMessage: 'Title must be {max, number} characters or fewer' },
  choosePillar: { id: 'campaigns.fields.pillar.required', defaultMessage: 'Choose a pillar' },
  summary: { id: 'campaigns.fields.summary', defaultMessage: 'Summary' },
  chooseSector: { id: 'campaigns.fields.sector.unknown', defaultMessage: 'Choose a sector from the list' },
  choosePurposes: { id: 'campaigns.fields.purposes.unknown', defaultMessage: 'Choose purposes from the list' },
  chooseForms: { id: 'campaigns.fields.exploitation_forms.unknown', defaultMessage: 'Choose forms of exploitation from the list' },
  languages: { id: 'campaigns.fields.languages.format', defaultMessage: 'Enter languages as two-letter ISO 639-1 codes separated by commas, like uk, ru, ne' },
  sizeWhole: { id: 'campaigns.fields.size.whole', defaultMessage: 'Enter the size as a whole number' },
  sizeMin: { id: 'campaigns.fields.size.min', defaultMessage: 'The size must be at least 1' },
  sizeMax: { id: 'campaigns.fields.size.max', defaultMessage: 'That size is too large' },
  chooseAudiences: { id: 'campaigns.fields.audiences.unknown', defaultMessage: 'Choose audiences from the list' },
  otherAudience: { id: 'campaigns.fields.audience_other', defaultMessage: 'The other audience' },
  describeAudience: { id: 'campaigns.fields.audience_other.required', defaultMessage: 'Describe the other audience' },
  chooseChannels: { id: 'campaigns.fields.channels.unknown', defaultMessage: 'Choose channels from the list' },
  otherChannel: { id: 'campaigns.fields.channel_other', defaultMessage: 'The other channel' },
  keyMessages: { id: 'campaigns.fields.key_messages', defaultMessage: 'Key messages' },
  describeChannel: { id: 'campaigns.fields.channel_other.required', defaultMessage: 'Describe the other channel' },
  startDate: { id: 'campaigns.fields.start_date.format', defaultMessage: 'Enter the start date as a real date, like 2026-04-01' },
  endDate: { id: 'campaigns.fields.end_date.format', defaultMessage: 'Enter the end date as a real date, like 2026-04-01' },
  locality: { id: 'campaigns.fields.locality', defaultMessage: 'Locality' },
  notSubdivision: { id: 'campaigns.fields.subdivisions.not_a_code', defaultMessage: '{code} is not an ISO 3166-2 subdivision code' },
  notInCountry: { id: 'campaigns.fields.subdivisions.other_country', defaultMessage: '{code} is not in the chosen country ({country})' },
  endBeforeStart: { id: 'campaigns.fields.end_date.before_start', defaultMessage: 'The end date must be the same as or after the start date' },
  budgetWhole: { id: 'campaigns.fields.budget.whole', defaultMessage: 'Enter the budget as a whole number' },
  budgetDecimals: { id: 'campaigns.fields.budget.decimals', defaultMessage: 'Enter the budget as a whole number, without decimals' },
  budgetNegative: { id: 'campaigns.fields.budget.negative', defaultMessage: 'The budget cannot be negative' },
  budgetMax: { id: 'campaigns.fields.budget.max', defaultMessage: 'That budget is too large' },
  chooseCurrency: { id: 'campaigns.fields.currency.unknown', defaultMessage: 'Choose a currency from the list' },
  chooseVisibility: { id: 'campaigns.fields.visibility.required', defaultMessage: 'Choose who can see the campaign' },
  budgetCurrency: { id: 'campaigns.fields.currency.required', defaultMessage: 'Choose the budget’s currency' },
  yesOrNo: { id: 'campaigns.fields.risk.yes_or_no', defaultMessage: 'Answer yes or no' },
  mitigationNote: { id: 'campaigns.fields.mitigation', defaultMessage: 'The mitigation note' },
  mitigationRequired: { id: 'campaigns.fields.mitigation.required', defaultMessage: 'Say how you will change the material for each “yes”, or change it and answer “no”' },
  enterObjective: { id: 'campaigns.fields.objective.required', defaultMessage: 'Enter the objective' },
  objectiveShort: { id: 'campaigns.fields.objective.too_short', defaultMessage: 'The objective must be at least {min, number} characters' },
  objectiveLong: { id: 'campaigns.fields.objective.too_long', defaultMessage: 'The objective must be {max, number} characters or fewer' },
  baselineNumber: { id: 'campaigns.fields.baseline.number', defaultMessage: 'Enter the baseline as a number' },
  targetNumber: { id: 'campaigns.fields.target.number', defaultMessage: 'Enter the target as a number' },
  enterName: { id: 'campaigns.fields.indicator_name.required', defaultMessage: 'Enter the indicator’s name' },
  nameShort: { id: 'campaigns.fields.indicator_name.too_short', defaultMessage: 'The name must be at least {min, number} characters' },
  nameLong: { id: 'campaigns.fields.indicator_name.too_long', defaultMessage: 'The name must be {max, number} characters or fewer' },
  chooseLevel: { id: 'campaigns.fields.level.required', defaultMessage: 'Choose output or outcome' },
  chooseUnit: { id: 'campaigns.fields.unit.required', defaultMessage: 'Choose the unit' },
  chooseDirection: { id: 'campaigns.fields.direction.required', defaultMessage: 'Choose whether higher or lower is better' },
  meansOfVerification: { id: 'campaigns.fields.means_of_verification', defaultMessage: 'Means of verification' },
  negative: { id: 'campaigns.fields.value.negative', defaultMessage: '{which, select, baseline {The baseline} other {The target}} cannot be negative' },
  percentAbove: { id: 'campaigns.fields.value.percent_above_100', defaultMessage: '{which, select, baseline {A percentage baseline} other {A percentage target}} cannot be above 100' },
  countWhole: { id: 'campaigns.fields.value.count_whole', defaultMessage: '{which, select, baseline {A count baseline} other {A count target}} must be a whole number' },
  baselineBoth: { id: 'campaigns.fields.baseline.both', defaultMessage: 'Give a baseline value or tick “to be measured at baseline”, not both' },
  targetSide: {
    id: 'campaigns.fields.target.wrong_side',
    defaultMessage:
      '{direction, select, increase {The target must be higher than the baseline ({baseline, number}) for an indicator that should increase} other {The target must be lower than the baseline ({baseline, number}) for an indicator that should decrease}}',
  },
  chooseStatus: { id: 'campaigns.fields.status.required', defaultMessage: 'Choose a status' },
  noteLong: { id: 'campaigns.fields.note.too_long', defaultMessage: 'The note must be {max, number} characters or fewer' },
})

export const createCampaignSchema = z.object({
  title: z
    .string({ error: lazy(m.enterTitle) })
    .trim()
    .min(3, { error: lazy(m.titleShort, { min: 3 }) })
    .max(200, { error: lazy(m.titleLong, { max: 200 }) }),
  pillar: z.enum(PILLARS.codes, { error: lazy(m.choosePillar) }),
})

export const basicsSchema = createCampaignSchema.extend({
  summary: text(m.summary, 2000),
  // Left out, the sector stays as it was (or the suggested one, until someone chooses).
  dacSector: z.enum(DAC_SECTORS.codes, { error: lazy(m.chooseSector) }).optional(),
  purposes: codes(PURPOSES.codes, m.choosePurposes),
  exploitationForms: codes(EXPLOITATION_FORMS.codes, m.chooseForms),
  languages: z
    .string()
    .default('')
    .transform((v) => [...new Set(v.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))])
    .refine((list) => list.every(isLanguageCode), { error: lazy(m.languages) }),
})

const size = z.coerce
  .number({ error: lazy(m.sizeWhole) })
  .int({ error: lazy(m.sizeWhole) })
  .min(1, { error: lazy(m.sizeMin) })
  .max(2_000_000_000, { error: lazy(m.sizeMax) })
  .optional()

export const audiencesSchema = z
  .object({
    audiences: codes(AUDIENCES.codes, m.chooseAudiences),
    sizes: z.object(Object.fromEntries(AUDIENCES.codes.map((c) => [c, size])) as Record<(typeof AUDIENCES.codes)[number], typeof size>).partial().default({}),
    audienceOther: text(m.otherAudience, 200),
  })
  .superRefine((v, ctx) => {
    if (v.audiences.includes('other') && !v.audienceOther) {
      ctx.addIssue({ code: 'custom', path: ['audienceOther'], message: tr(m.describeAudience) })
    }
  })

export const channelsSchema = z
  .object({
    channels: codes(CHANNELS.codes, m.chooseChannels),
    channelOther: text(m.otherChannel, 200),
    keyMessages: text(m.keyMessages, 5000),
  })
  .superRefine((v, ctx) => {
    if (v.channels.includes('other') && !v.channelOther) {
      ctx.addIssue({ code: 'custom', path: ['channelOther'], message: tr(m.describeChannel) })
    }
  })

const isoDate = (message: Message) => z.iso.date({ error: lazy(message) }).optional()

export const whereWhenSchema = z
  .object({
    country: countryField,
    subdivisions: z.array(z.string().trim().toUpperCase()).default([]),
    locality: text(m.locality, 200),
    startDate: isoDate(m.startDate),
    endDate: isoDate(m.endDate),
  })
  .superRefine((v, ctx) => {
    // The form's own check, in the browser too: whether each code names a real subdivision is checked by the action (where-when.server.ts).
    for (const code of v.subdivisions) {
      if (!SUBDIVISION_CODE.test(code)) ctx.addIssue({ code: 'custom', path: ['subdivisions'], message: tr(m.notSubdivision, { code }) })
      else if (!code.startsWith(`${v.country}-`)) ctx.addIssue({ code: 'custom', path: ['subdivisions'], message: tr(m.notInCountry, { code, country: v.country }) })
    }
    if (v.startDate && v.endDate && v.endDate < v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: tr(m.endBeforeStart) })
    }
  })

export const budgetSchema = z
  .object({
    budget: z.coerce
      .number({ error: lazy(m.budgetWhole) })
      .int({ error: lazy(m.budgetDecimals) })
      .min(0, { error: lazy(m.budgetNegative) })
      .max(1e12, { error: lazy(m.budgetMax) })
      .optional(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCurrencyCode, { error: lazy(m.chooseCurrency) })
      .optional(),
    funderIds: z.array(idField).default([]),
    visibility: z.enum(VISIBILITIES.codes, { error: lazy(m.chooseVisibility) }),
  })
  .superRefine((v, ctx) => {
    if (v.budget !== undefined && !v.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: tr(m.budgetCurrency) })
  })

const answer = z.enum(['yes', 'no'], { error: lazy(m.yesOrNo) }).optional()
export const riskSchema = z
  .object({
    restraintImagery: answer,
    antiMigration: answer,
    identifiesVictim: answer,
    mitigation: text(m.mitigationNote, 2000),
  })
  .superRefine((v, ctx) => {
    if ([v.restraintImagery, v.antiMigration, v.identifiesVictim].includes('yes') && !v.mitigation?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['mitigation'], message: tr(m.mitigationRequired) })
    }
  })

export const objectiveSchema = z.object({
  statement: z
    .string({ error: lazy(m.enterObjective) })
    .trim()
    .min(5, { error: lazy(m.objectiveShort, { min: 5 }) })
    .max(500, { error: lazy(m.objectiveLong, { max: 500 }) }),
})

const value = (message: Message) => z.coerce.number({ error: lazy(message) }).refine(Number.isFinite, { error: lazy(message) }).optional()

export const indicatorSchema = z
  .object({
    name: z
      .string({ error: lazy(m.enterName) })
      .trim()
      .min(3, { error: lazy(m.nameShort, { min: 3 }) })
      .max(300, { error: lazy(m.nameLong, { max: 300 }) }),
    level: z.enum(INDICATOR_LEVELS.codes, { error: lazy(m.chooseLevel) }),
    unit: z.enum(INDICATOR_UNITS.codes, { error: lazy(m.chooseUnit) }),
    direction: z.enum(DIRECTIONS.codes, { error: lazy(m.chooseDirection) }),
    baseline: value(m.baselineNumber),
    baselineAtSurvey: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
    target: value(m.targetNumber),
    meansOfVerification: text(m.meansOfVerification, 1000),
    standardIndicatorId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().positive().optional()),
  })
  .superRefine((v, ctx) => {
    for (const which of ['baseline', 'target'] as const) {
      const n = v[which]
      if (n === undefined) continue
      if (n < 0) ctx.addIssue({ code: 'custom', path: [which], message: tr(m.negative, { which }) })
      if (v.unit === 'percent' && n > 100) ctx.addIssue({ code: 'custom', path: [which], message: tr(m.percentAbove, { which }) })
      if (v.unit === 'count' && !Number.isInteger(n)) ctx.addIssue({ code: 'custom', path: [which], message: tr(m.countWhole, { which }) })
    }
    if (v.baseline !== undefined && v.baselineAtSurvey) {
      ctx.addIssue({ code: 'custom', path: ['baselineAtSurvey'], message: tr(m.baselineBoth) })
    }
    if (v.baseline !== undefined && v.target !== undefined) {
      if (!targetOnDesiredSide(v.direction, v.baseline, v.target)) {
        ctx.addIssue({ code: 'custom', path: ['target'], message: tr(m.targetSide, { direction: v.direction, baseline: v.baseline }) })
      }
    }
  })

export const transitionSchema = z.object({
  intent: z.literal('transition'),
  to: z.enum(['planned', 'active', 'completed', 'evaluated', 'archived', 'draft'], { error: lazy(m.chooseStatus) }),
})

/** The buttons of the campaign page and the task list: change the status, copy as a new draft, tell the coordinator of talks with an overlapping campaign. */
export const campaignPageActionSchema = z.discriminatedUnion('intent', [
  transitionSchema,
  z.object({ intent: z.literal('duplicate') }),
  z.object({
    intent: z.literal('coordinate'),
    otherId: z.coerce.number().int().positive(),
    note: z.string().trim().max(1000, { error: lazy(m.noteLong, { max: 1000 }) }).default(''),
  }),
])

export type BasicsInput = z.infer<typeof basicsSchema>
export type AudiencesInput = z.infer<typeof audiencesSchema>
export type ChannelsInput = z.infer<typeof channelsSchema>
export type WhereWhenInput = z.infer<typeof whereWhenSchema>
export type BudgetInput = z.infer<typeof budgetSchema>
export type RiskInput = z.infer<typeof riskSchema>
export type IndicatorInput = z.infer<typeof indicatorSchema>
