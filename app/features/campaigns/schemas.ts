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

// One zod schema per section of the campaign form, shared by the browser
// (conform) and the actions. Every text has a limit, so a 5 MB paste is a
// field error, not a stored page of nonsense.

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be ${max.toLocaleString('en')} characters or fewer`)
    .default('')

const codes = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.array(z.enum(values, { error: message })).default([])

export const createCampaignSchema = z.object({
  title: z.string({ error: 'Enter a title' }).trim().min(3, 'Title must be at least 3 characters').max(200, 'Title must be 200 characters or fewer'),
  pillar: z.enum(PILLARS.codes, { error: 'Choose a pillar' }),
})

export const basicsSchema = createCampaignSchema.extend({
  summary: text('Summary', 2000),
  // Left out, the sector stays as it was (or the suggested one, until someone chooses).
  dacSector: z.enum(DAC_SECTORS.codes, { error: 'Choose a sector from the list' }).optional(),
  purposes: codes(PURPOSES.codes, 'Choose purposes from the list'),
  exploitationForms: codes(EXPLOITATION_FORMS.codes, 'Choose forms of exploitation from the list'),
  languages: z
    .string()
    .default('')
    .transform((v) => [...new Set(v.split(/[\s,;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean))])
    .refine((list) => list.every(isLanguageCode), {
      message: 'Enter languages as two-letter ISO 639-1 codes separated by commas, like uk, ru, ne',
    }),
})

const size = z.coerce
  .number({ error: 'Enter the size as a whole number' })
  .int('Enter the size as a whole number')
  .min(1, 'The size must be at least 1')
  .max(2_000_000_000, 'That size is too large')
  .optional()

export const audiencesSchema = z
  .object({
    audiences: codes(AUDIENCES.codes, 'Choose audiences from the list'),
    sizes: z.object(Object.fromEntries(AUDIENCES.codes.map((c) => [c, size])) as Record<(typeof AUDIENCES.codes)[number], typeof size>).partial().default({}),
    audienceOther: text('The other audience', 200),
  })
  .superRefine((v, ctx) => {
    if (v.audiences.includes('other') && !v.audienceOther) {
      ctx.addIssue({ code: 'custom', path: ['audienceOther'], message: 'Describe the other audience' })
    }
  })

export const channelsSchema = z
  .object({
    channels: codes(CHANNELS.codes, 'Choose channels from the list'),
    channelOther: text('The other channel', 200),
    keyMessages: text('Key messages', 5000),
  })
  .superRefine((v, ctx) => {
    if (v.channels.includes('other') && !v.channelOther) {
      ctx.addIssue({ code: 'custom', path: ['channelOther'], message: 'Describe the other channel' })
    }
  })

const isoDate = (label: string) => z.iso.date({ error: `Enter the ${label} as a real date, like 2026-04-01` }).optional()

export const whereWhenSchema = z
  .object({
    country: countryField,
    subdivisions: z.array(z.string().trim().toUpperCase()).default([]),
    locality: text('Locality', 200),
    startDate: isoDate('start date'),
    endDate: isoDate('end date'),
  })
  .superRefine((v, ctx) => {
    // The form's own check, in the browser too: whether each code names a real subdivision is checked by the action (where-when.server.ts).
    for (const code of v.subdivisions) {
      if (!SUBDIVISION_CODE.test(code)) ctx.addIssue({ code: 'custom', path: ['subdivisions'], message: `${code} is not an ISO 3166-2 subdivision code` })
      else if (!code.startsWith(`${v.country}-`))
        ctx.addIssue({ code: 'custom', path: ['subdivisions'], message: `${code} is not in the chosen country (${v.country})` })
    }
    if (v.startDate && v.endDate && v.endDate < v.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'The end date must be the same as or after the start date' })
    }
  })

export const budgetSchema = z
  .object({
    budget: z.coerce
      .number({ error: 'Enter the budget as a whole number' })
      .int('Enter the budget as a whole number, without decimals')
      .min(0, 'The budget cannot be negative')
      .max(1e12, 'That budget is too large')
      .optional(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isCurrencyCode, 'Choose a currency from the list')
      .optional(),
    funderIds: z.array(idField).default([]),
    visibility: z.enum(VISIBILITIES.codes, { error: 'Choose who can see the campaign' }),
  })
  .superRefine((v, ctx) => {
    if (v.budget !== undefined && !v.currency) ctx.addIssue({ code: 'custom', path: ['currency'], message: 'Choose the budget’s currency' })
  })

const answer = z.enum(['yes', 'no'], { error: 'Answer yes or no' }).optional()
export const riskSchema = z
  .object({
    restraintImagery: answer,
    antiMigration: answer,
    identifiesVictim: answer,
    mitigation: text('The mitigation note', 2000),
  })
  .superRefine((v, ctx) => {
    if ([v.restraintImagery, v.antiMigration, v.identifiesVictim].includes('yes') && !v.mitigation?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['mitigation'], message: 'Say how you will change the material for each “yes”, or change it and answer “no”' })
    }
  })

export const objectiveSchema = z.object({
  statement: z
    .string({ error: 'Enter the objective' })
    .trim()
    .min(5, 'The objective must be at least 5 characters')
    .max(500, 'The objective must be 500 characters or fewer'),
})

const value = (label: string) =>
  z.coerce.number({ error: `Enter the ${label} as a number` }).refine(Number.isFinite, `Enter the ${label} as a number`).optional()

export const indicatorSchema = z
  .object({
    name: z.string({ error: 'Enter the indicator’s name' }).trim().min(3, 'The name must be at least 3 characters').max(300, 'The name must be 300 characters or fewer'),
    level: z.enum(INDICATOR_LEVELS.codes, { error: 'Choose output or outcome' }),
    unit: z.enum(INDICATOR_UNITS.codes, { error: 'Choose the unit' }),
    direction: z.enum(DIRECTIONS.codes, { error: 'Choose whether higher or lower is better' }),
    baseline: value('baseline'),
    baselineAtSurvey: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()).default(false),
    target: value('target'),
    meansOfVerification: text('Means of verification', 1000),
    standardIndicatorId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().positive().optional()),
  })
  .superRefine((v, ctx) => {
    for (const key of ['baseline', 'target'] as const) {
      const n = v[key]
      if (n === undefined) continue
      if (n < 0) ctx.addIssue({ code: 'custom', path: [key], message: `The ${key} cannot be negative` })
      if (v.unit === 'percent' && n > 100) ctx.addIssue({ code: 'custom', path: [key], message: `A percentage ${key} cannot be above 100` })
      if (v.unit === 'count' && !Number.isInteger(n)) ctx.addIssue({ code: 'custom', path: [key], message: `A count ${key} must be a whole number` })
    }
    if (v.baseline !== undefined && v.baselineAtSurvey) {
      ctx.addIssue({ code: 'custom', path: ['baselineAtSurvey'], message: 'Give a baseline value or tick “to be measured at baseline”, not both' })
    }
    if (v.baseline !== undefined && v.target !== undefined) {
      if (!targetOnDesiredSide(v.direction, v.baseline, v.target)) {
        ctx.addIssue({
          code: 'custom',
          path: ['target'],
          message: `The target must be ${v.direction === 'increase' ? 'higher' : 'lower'} than the baseline (${v.baseline}) for an indicator that should ${v.direction}`,
        })
      }
    }
  })

export const transitionSchema = z.object({
  intent: z.literal('transition'),
  to: z.enum(['planned', 'active', 'completed', 'evaluated', 'archived', 'draft'], { error: 'Choose a status' }),
})

/** The buttons of the campaign page and the task list: change the status, copy as a new draft, tell the coordinator of talks with an overlapping campaign. */
export const campaignPageActionSchema = z.discriminatedUnion('intent', [
  transitionSchema,
  z.object({ intent: z.literal('duplicate') }),
  z.object({ intent: z.literal('coordinate'), otherId: z.coerce.number().int().positive(), note: z.string().trim().max(1000, 'The note must be 1,000 characters or fewer').default('') }),
])

export type BasicsInput = z.infer<typeof basicsSchema>
export type AudiencesInput = z.infer<typeof audiencesSchema>
export type ChannelsInput = z.infer<typeof channelsSchema>
export type WhereWhenInput = z.infer<typeof whereWhenSchema>
export type BudgetInput = z.infer<typeof budgetSchema>
export type RiskInput = z.infer<typeof riskSchema>
export type IndicatorInput = z.infer<typeof indicatorSchema>
