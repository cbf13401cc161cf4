import { asc, count, eq, sql } from 'drizzle-orm'
import { surveyAnswers, surveyQuestions, surveyWaves } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import { assertCan } from '../../shared/permissions/permissions.server'
import { db } from '../../shared/db.server'
import { campaignAccess } from '../campaigns/index.server'
import type { Question } from './answers'
import { SAMPLE_FIELDS } from './columns'
import type { Sampling } from '../../shared/taxonomy/taxonomy'
import type { WaveKey } from './import-plan'
import type { StoredResponse } from './repeat-download'
import type { QuestionTranslations } from './translations'
import { finished, storedMatchesIn } from './stored-matches'

// Reading a campaign's survey: its questions, waves and answers, for the
// survey pages, the import and the analysis. Only the owning organisation
// sees or changes a survey: answers and respondent codes never leave it
// (DESIGN.md §7).

/** A statement prepared on first use (the connection opens lazily). */
function lazyStatement(text: string) {
  let statement: ReturnType<typeof db.$client.prepare> | undefined
  return () => (statement ??= db.$client.prepare(text))
}

/** The same, for a query on survey_responses itself. */
export const finishedResponse = sql.raw(finished('"survey_responses"'))

/** The owning organisation's members may work on the survey; everyone else gets a 404 or 403. */
export function assertSurveyAccess(actor: Actor, campaignId: number) {
  const access = campaignAccess(actor, campaignId)
  assertCan(actor, 'campaign.edit', access.organisationId)
  return access
}

export type StoredQuestion = Question & { id: number; position: number; indicatorId: number | null; answers: number; translations: QuestionTranslations }

/** The instrument in order; with how many answers each question has unless `counted` is false (the analysis does not need them). */
export function questionsOf(campaignId: number, counted = true): StoredQuestion[] {
  const answered = counted
    ? db
        .select({ questionId: surveyAnswers.questionId, n: count() })
        .from(surveyAnswers)
        .innerJoin(surveyQuestions, eq(surveyQuestions.id, surveyAnswers.questionId))
        .where(eq(surveyQuestions.campaignId, campaignId))
        .groupBy(surveyAnswers.questionId)
        .all()
    : []
  const counts = new Map(answered.map((a) => [a.questionId, a.n]))
  return questionsQuery.all({ campaignId }).map((q) => ({ ...q, answers: counts.get(q.id) ?? 0 }))
}

// Read by every results page: prepared once.
const questionsQuery = db
  .select()
  .from(surveyQuestions)
  .where(eq(surveyQuestions.campaignId, sql.placeholder('campaignId')))
  .orderBy(asc(surveyQuestions.position), asc(surveyQuestions.id))
  .prepare()

const waveColumns = {
  id: surveyWaves.id,
  kind: surveyWaves.kind,
  group: surveyWaves.group,
  design: surveyWaves.design,
  startDate: surveyWaves.startDate,
  endDate: surveyWaves.endDate,
  targetSize: surveyWaves.targetSize,
  samplingNotes: surveyWaves.samplingNotes,
  sampling: surveyWaves.sampling,
  clusterUnit: surveyWaves.clusterUnit,
  designEffect: surveyWaves.designEffect,
  baselineWaveId: surveyWaves.baselineWaveId,
}
const waveOrder = sql`case ${surveyWaves.kind} when 'baseline' then 0 when 'endline' then 1 else 2 end`

/** The waves without their sizes, for work that does not show them (counting a large survey costs a pass over its responses). */
export function waveRows(campaignId: number) {
  return waveRowsQuery.all({ campaignId })
}
const waveRowsQuery = db.select(waveColumns).from(surveyWaves).where(eq(surveyWaves.campaignId, sql.placeholder('campaignId'))).orderBy(waveOrder, asc(surveyWaves.group)).prepare()

export type StoredWave = ReturnType<typeof waveRows>[number]

/** The waves in order, with how many responses each holds. */
export function wavesOf(campaignId: number) {
  return db
    .select({
      ...waveColumns,
      // Spelled out: drizzle leaves a column of the outer table unqualified here, which SQLite reads as the inner table's.
      // Every response counted from the index alone, less those of an unfinished import (found through their import).
      responses: sql<number>`(select count(*) from "survey_responses" r where r."wave_id" = "survey_waves"."id")
        - (select count(*) from "survey_imports" i join "survey_responses" r on r."import_id" = i."id" where i."completed_at" is null and r."wave_id" = "survey_waves"."id")`,
    })
    .from(surveyWaves)
    .where(eq(surveyWaves.campaignId, campaignId))
    .orderBy(waveOrder, asc(surveyWaves.group))
    .all()
}

/**
 * The stored responses of these waves that a file's rows may repeat (the same
 * respondent code or submission id), with their answers by question code.
 */
export const storedMatches = (waveIds: ReadonlyMap<WaveKey, number>, codes: ReadonlySet<string>, submissions: ReadonlySet<string>) => storedMatchesIn(db.$client, waveIds, codes, submissions)

// Prepared once: the analysis reads every response of a campaign whenever its results change.
const responsesQuery = lazyStatement(
  `select id, wave_id as waveId, respondent_code as respondentCode, submission_id as submissionId, sex, age_band as ageBand, locality, cluster, stratum, weight, import_id as importId
   from survey_responses r where wave_id in (select value from json_each(?)) and ${finished('r')} order by wave_id, id`,
)
const answersQuery = lazyStatement(
  `select a.response_id as responseId, a.question_id as questionId, a.value from survey_answers a
   join survey_responses r on r.id = a.response_id where r.wave_id in (select value from json_each(?)) and ${finished('r')}`,
)

export type StoredResponseRow = Omit<StoredResponse, 'answers'> & { waveId: number; importId: number | null }

/** The responses of these waves, in wave and entry order, with their answers (response id → question id → stored value). */
export function responsesWithAnswers(waveIds: number[]) {
  if (waveIds.length === 0) return { responses: [] as StoredResponseRow[], answers: new Map<number, Map<number, string>>() }
  const ids = JSON.stringify(waveIds)
  const responses = responsesQuery().all(ids) as StoredResponseRow[]
  const answers = new Map<number, Map<number, string>>()
  for (const a of answersQuery().all(ids) as { responseId: number; questionId: number; value: string }[]) {
    let row = answers.get(a.responseId)
    if (!row) answers.set(a.responseId, (row = new Map()))
    row.set(a.questionId, a.value)
  }
  return { responses, answers }
}

/** The first sample field a design needs that some of the wave's responses lack, and how many lack it; null when none do. */
export function missingSampleFields(waveId: number, sampling: Sampling): { field: 'cluster' | 'stratum' | 'sampling weight'; count: number } | null {
  for (const column of SAMPLE_FIELDS[sampling].needs) {
    const count = db.$client.prepare(`select count(*) as n from survey_responses r where wave_id = ? and ${column} is null and ${finished('r')}`).get(waveId) as { n: number }
    if (count.n > 0) return { field: column === 'weight' ? 'sampling weight' : column, count: count.n }
  }
  return null
}
