import type { Message } from '../i18n/messages'

// The reference lists of DESIGN.md §3: stable codes (stored in the database,
// used in URLs, CSV files and tests), labels and one-line descriptions. Forms,
// filters, exports, the seed and the overlap engine all read from here.

export type Term<Code extends string = string> = { code: Code; label: string; description: string }

/** Every list by the name its messages carry (taxonomy.<name>.<code>): the catalogues translate labels and descriptions, never codes. */
export const TAXONOMY_LISTS: Record<string, readonly Term[]> = {}

function list<const T extends readonly Term[]>(name: string, terms: T) {
  TAXONOMY_LISTS[name] = terms
  const byCode = new Map<string, Term>(terms.map((t) => [t.code, t]))
  const codes = terms.map((t) => t.code) as unknown as readonly [T[number]['code'], ...T[number]['code'][]]
  return {
    terms,
    codes,
    has: (code: string): code is T[number]['code'] => byCode.has(code),
    /** The English label, as files and exports carry it. */
    label: (code: string) => byCode.get(code)?.label ?? code,
    /** The label as a reader sees it, translated. */
    message: (code: string): Message => ({ id: `taxonomy.${name}.${code}`, defaultMessage: byCode.get(code)?.label ?? code }),
    hint: (code: string): Message => ({ id: `taxonomy.${name}.${code}.description`, defaultMessage: byCode.get(code)?.description ?? '' }),
  }
}

export const PILLARS = list('pillars', [
  { code: 'prevention', label: 'Prevention', description: 'Stop trafficking before it happens; most awareness campaigns.' },
  { code: 'protection', label: 'Protection', description: 'Identify and assist victims, for example by training frontline professionals.' },
  { code: 'prosecution', label: 'Prosecution', description: 'Help bring traffickers to justice.' },
  { code: 'partnership', label: 'Partnership', description: 'Work across organisations, sectors and borders.' },
] as const)

export const PURPOSES = list('purposes', [
  { code: 'inform_at_risk', label: 'Inform at-risk groups', description: 'Recruitment risks and safe migration.' },
  { code: 'teach_signs', label: 'Teach the signs and how to report', description: 'Recognise trafficking and know where to report it.' },
  { code: 'promote_hotline', label: 'Promote a hotline or service', description: 'Make a hotline or support service known.' },
  { code: 'reduce_demand', label: 'Reduce demand', description: 'Employers, recruiters and buyers of goods or sex.' },
  { code: 'train_professionals', label: 'Train professionals', description: 'People who can spot and refer victims.' },
  { code: 'challenge_norms', label: 'Challenge social norms', description: 'Gender discrimination, tolerance of exploitation.' },
  { code: 'advocate_policy', label: 'Advocate policy change', description: 'Change laws, rules or their enforcement.' },
] as const)

export const AUDIENCES = list('audiences', [
  { code: 'migrant_workers', label: 'Prospective and current migrant workers', description: 'People planning to work abroad or already working away from home.' },
  { code: 'returnees', label: 'Returnees', description: 'People who have come back from working or living abroad.' },
  { code: 'youth_students', label: 'Youth and students', description: 'Young people in or leaving education.' },
  { code: 'children', label: 'Children', description: 'Under 18.' },
  { code: 'women_girls', label: 'Women and girls', description: 'Women and girls at risk.' },
  { code: 'single_parents', label: 'Single parents', description: 'Parents raising children alone.' },
  { code: 'children_in_care', label: 'Children in care and orphans', description: 'Children in institutions or foster care.' },
  { code: 'domestic_violence_survivors', label: 'Survivors of domestic violence', description: 'People who have experienced domestic violence.' },
  { code: 'people_who_use_drugs', label: 'People who use drugs', description: 'People who use drugs.' },
  { code: 'minorities', label: 'Ethnic and religious minorities', description: 'Minority communities at higher risk.' },
  { code: 'displaced_refugees', label: 'Internally displaced people and refugees', description: 'People forced from their homes.' },
  { code: 'crisis_affected', label: 'People in crisis-affected areas', description: 'Areas hit by war, disaster or economic collapse.' },
  { code: 'parents_caregivers', label: 'Parents and caregivers', description: 'Those who decide for and influence children.' },
  { code: 'employers_recruiters', label: 'Employers and recruitment agencies', description: 'Those who create demand for labour.' },
  { code: 'buyers_travellers', label: 'Buyers of commercial sex, travellers and tourists', description: 'Those who create demand for sexual services.' },
  { code: 'supply_chain_staff', label: 'Private-sector supply-chain staff', description: 'Procurement and compliance staff.' },
  { code: 'law_enforcement', label: 'Law enforcement', description: 'Police and investigators.' },
  { code: 'border_officials', label: 'Border and immigration officials', description: 'Officials at borders and in immigration services.' },
  { code: 'labour_inspectors', label: 'Labour inspectors', description: 'Inspectors of workplaces and recruitment.' },
  { code: 'health_workers', label: 'Health workers', description: 'Doctors, nurses and other health staff.' },
  { code: 'teachers', label: 'Teachers and school staff', description: 'People who work in schools.' },
  { code: 'social_workers', label: 'Social workers', description: 'Social and case workers.' },
  { code: 'consular_staff', label: 'Diplomatic and consular staff', description: 'Embassy and consulate staff.' },
  { code: 'journalists', label: 'Journalists and media', description: 'People who report on trafficking.' },
  { code: 'community_leaders', label: 'Community and religious leaders', description: 'People others listen to.' },
  { code: 'general_public', label: 'General public', description: 'Everyone; allowed, but a campaign for everyone reaches no one in particular.' },
  { code: 'other', label: 'Other', description: 'Describe the group in the field provided.' },
] as const)

export const CHANNELS = list('channels', [
  { code: 'tv', label: 'TV', description: 'Television spots or programmes.' },
  { code: 'radio', label: 'Radio', description: 'Radio spots or programmes.' },
  { code: 'film_video', label: 'Film and video', description: 'Films, online video.' },
  { code: 'print_press', label: 'Print press', description: 'Newspapers and magazines.' },
  { code: 'posters_billboards', label: 'Posters and billboards', description: 'Outdoor and indoor posters.' },
  { code: 'leaflets', label: 'Leaflets', description: 'Leaflets, brochures, cards.' },
  { code: 'social_media', label: 'Social media', description: 'Facebook, Instagram, TikTok and similar.' },
  { code: 'messaging_apps', label: 'Messaging apps', description: 'Viber, WhatsApp, Telegram and similar.' },
  { code: 'website', label: 'Website', description: 'A website or web pages.' },
  { code: 'sms', label: 'SMS', description: 'Text messages.' },
  { code: 'hotline', label: 'Hotline or helpline', description: 'A phone line people can call.' },
  { code: 'school_sessions', label: 'School sessions', description: 'Lessons and talks in schools.' },
  { code: 'community_events', label: 'Community events and theatre', description: 'Events, street theatre, fairs.' },
  { code: 'training_workshops', label: 'Training workshops', description: 'Workshops for professionals or groups.' },
  { code: 'religious_gatherings', label: 'Religious gatherings', description: 'Talks at places of worship.' },
  { code: 'outreach', label: 'Door-to-door and one-to-one outreach', description: 'Personal contact.' },
  { code: 'pre_departure', label: 'Pre-departure orientation', description: 'Sessions for people about to migrate.' },
  { code: 'transport_hubs', label: 'Transport hubs', description: 'Airports, bus and rail stations.' },
  { code: 'workplace_sessions', label: 'Workplace sessions', description: 'Sessions at workplaces.' },
  { code: 'mobile_exhibition', label: 'Mobile exhibition', description: 'A travelling exhibition.' },
  { code: 'other', label: 'Other', description: 'Describe the channel in the field provided.' },
] as const)

export const EXPLOITATION_FORMS = list('exploitation_forms', [
  { code: 'sexual_exploitation', label: 'Sexual exploitation', description: 'Forced prostitution and other sexual exploitation.' },
  { code: 'forced_labour', label: 'Forced labour', description: 'Work under threat or deception.' },
  { code: 'domestic_servitude', label: 'Domestic servitude', description: 'Exploitation in private households.' },
  { code: 'forced_marriage', label: 'Forced marriage', description: 'Marriage without free consent.' },
  { code: 'child_trafficking', label: 'Child trafficking', description: 'Trafficking of children for any purpose.' },
  { code: 'forced_criminality', label: 'Forced criminality and begging', description: 'Forced to commit crimes or beg.' },
  { code: 'organ_removal', label: 'Organ removal', description: 'Trafficking for the removal of organs.' },
] as const)

export const STATUSES = list('statuses', [
  { code: 'draft', label: 'Draft', description: 'Being prepared; visible to its organisation only.' },
  { code: 'planned', label: 'Planned', description: 'Registered: has audience, region, dates and a measurable outcome.' },
  { code: 'active', label: 'Active', description: 'Running now.' },
  { code: 'completed', label: 'Completed', description: 'Finished; results may follow.' },
  { code: 'evaluated', label: 'Evaluated', description: 'Finished and its results are recorded.' },
  { code: 'archived', label: 'Archived', description: 'Withdrawn or kept for the record; never counted as overlapping.' },
] as const)

export const VISIBILITIES = list('visibilities', [
  { code: 'private', label: 'Private', description: 'Your organisation, coordinators and the campaign’s funders.' },
  { code: 'network', label: 'Network', description: 'Also every member of every approved organisation on this Lantern.' },
  { code: 'published', label: 'Published', description: 'Also anyone on the internet, without logging in.' },
] as const)

export const INDICATOR_LEVELS = list('indicator_levels', [
  { code: 'output', label: 'Output', description: 'What the campaign delivers: people reached, sessions held.' },
  { code: 'outcome', label: 'Outcome', description: 'What changes for people: knowledge, attitudes, practice.' },
] as const)

export const INDICATOR_UNITS = list('indicator_units', [
  { code: 'percent', label: 'Percent', description: 'A share of people, 0–100.' },
  { code: 'count', label: 'Count', description: 'A number of people or things.' },
  { code: 'mean_score', label: 'Mean score', description: 'An average score on a scale.' },
] as const)

/**
 * OECD DAC 5-digit sectors (IATI vocabulary 1) that anti-trafficking campaigns
 * fall under: the four the codelist's own guidance names for trafficking work,
 * and the legal and women's-rights sectors prosecution and protection work
 * belongs to. Codes and names as in IATI's Sector codelist, which the tests
 * check them against.
 */
export const DAC_SECTORS = list('dac_sectors', [
  { code: '15190', label: 'Facilitation of orderly, safe, regular and responsible migration and mobility', description: 'Safe and regular migration, and countering trafficking in persons along the way.' },
  { code: '15180', label: 'Ending violence against women and girls', description: 'Sexual exploitation and trafficking of women and girls among other forms of violence.' },
  { code: '15160', label: 'Human rights', description: 'Protection of the rights of survivors and people at risk.' },
  { code: '16070', label: 'Labour rights', description: 'Forced labour, child labour and rights at work.' },
  { code: '15130', label: 'Legal and judicial development', description: 'Law enforcement, prosecution and the justice sector.' },
  { code: '15170', label: "Women's rights organisations and movements, and government institutions", description: 'Organisations and institutions that defend women’s rights.' },
] as const)

export const DIRECTIONS = list('directions', [
  { code: 'increase', label: 'Increase', description: 'Higher is better.' },
  { code: 'decrease', label: 'Decrease', description: 'Lower is better.' },
] as const)

// Surveys (DESIGN.md §4): question types, waves, groups, designs.
export const QUESTION_TYPES = list('question_types', [
  { code: 'binary', label: 'Yes or no', description: 'Answered 1 or 0; one of them is the desired answer.' },
  { code: 'single_choice', label: 'Single choice', description: 'One of several options; one of them is correct.' },
  { code: 'multiple_choice', label: 'Multiple choice', description: 'Any of several options (“select all that apply”); each option is analysed as a yes/no item.' },
  { code: 'likert', label: 'Agreement, 1 to 5', description: 'From 1 (strongly disagree) to 5 (strongly agree).' },
  { code: 'score', label: 'Numeric score', description: 'A number within a range, such as a knowledge score from 0 to 10.' },
  { code: 'free_text', label: 'Free text', description: 'Stored as written, never analysed.' },
] as const)

export const WAVE_KINDS = list('wave_kinds', [
  { code: 'baseline', label: 'Baseline', description: 'Before the campaign starts (“pre”).' },
  { code: 'endline', label: 'Endline', description: 'After the campaign ends (“post”).' },
  { code: 'follow_up', label: 'Follow-up', description: 'Some time later, to see whether the change lasted.' },
] as const)

export const WAVE_GROUPS = list('wave_groups', [
  { code: 'campaign', label: 'Campaign group', description: 'People the campaign set out to reach.' },
  { code: 'comparison', label: 'Comparison group', description: 'Similar people the campaign did not reach.' },
] as const)

export const WAVE_DESIGNS = list('wave_designs', [
  { code: 'panel', label: 'Panel', description: 'The same respondents in each wave, matched by respondent code.' },
  { code: 'cross_section', label: 'Cross-section', description: 'Different respondents in each wave.' },
] as const)

/**
 * How a wave's respondents were drawn. A design other than a simple random
 * sample is analysed design-based (DESIGN.md §6): clusters, strata and
 * weights are columns of the import.
 */
export const SAMPLINGS = list('samplings', [
  { code: 'simple_random', label: 'Simple random sample', description: 'Every respondent drawn on their own, with the same chance.' },
  { code: 'cluster', label: 'Cluster sample', description: 'Places first (villages, schools), then people within them.' },
  { code: 'stratified_cluster', label: 'Stratified cluster sample', description: 'Places drawn within strata (urban and rural, say), then people within them.' },
  { code: 'weighted', label: 'Weighted sample', description: 'Respondents drawn with unequal chances, each with a sampling weight.' },
] as const)

export const SEXES = list('sexes', [
  { code: 'female', label: 'Female', description: 'As the respondent answered.' },
  { code: 'male', label: 'Male', description: 'As the respondent answered.' },
  { code: 'other', label: 'Another answer', description: 'Neither female nor male, as the respondent answered.' },
] as const)

/** A coordinator's verdict on an overlapping pair. */
export const REVIEW_VERDICTS = ['unreviewed', 'complementary', 'duplicate', 'resolved'] as const

export type QuestionType = (typeof QUESTION_TYPES.codes)[number]
export type WaveKind = (typeof WAVE_KINDS.codes)[number]
export type WaveGroup = (typeof WAVE_GROUPS.codes)[number]
export type WaveDesign = (typeof WAVE_DESIGNS.codes)[number]
export type Sex = (typeof SEXES.codes)[number]
export type Sampling = (typeof SAMPLINGS.codes)[number]

export type Pillar = (typeof PILLARS.codes)[number]
export type Purpose = (typeof PURPOSES.codes)[number]
export type Audience = (typeof AUDIENCES.codes)[number]
export type Channel = (typeof CHANNELS.codes)[number]
export type ExploitationForm = (typeof EXPLOITATION_FORMS.codes)[number]
export type Status = (typeof STATUSES.codes)[number]
export type Visibility = (typeof VISIBILITIES.codes)[number]
export type IndicatorLevel = (typeof INDICATOR_LEVELS.codes)[number]
export type IndicatorUnit = (typeof INDICATOR_UNITS.codes)[number]
export type Direction = (typeof DIRECTIONS.codes)[number]
export type DacSector = (typeof DAC_SECTORS.codes)[number]
