import { eq } from 'drizzle-orm'
import { surveyWaves } from '../../../db/schema'
import type { Actor } from '../../shared/permissions/permissions'
import type { Outcome } from '../../shared/outcome'
import { recordAudit } from '../../shared/audit.server'
import { db } from '../../shared/db.server'
import { notFound } from '../../shared/http.server'
import { assertEditable } from '../campaigns/index.server'
import type { SamplingInput, WaveInput } from './schemas'
import type { ResultsChange } from '../../shared/results-change'
import { SAMPLINGS } from '../../shared/taxonomy/taxonomy'
import { missingSampleFields } from './store.server'
import { waveRows, wavesOf } from './store.server'

// The waves of a survey: baseline, endline and follow-up, for the campaign
// group and a comparison group. A wave with answers is kept.

export async function addWave(actor: Actor, campaignId: number, input: WaveInput): Promise<Outcome<number>> {
  const access = assertEditable(actor, campaignId)
  const existing = waveRows(campaignId)
  if (existing.some((w) => w.kind === input.kind && w.group === input.group)) {
    return { ok: false, fieldErrors: { kind: ['This campaign already has that wave for that group'] } }
  }
  // A panel endline or follow-up follows the respondents of the same group's baseline.
  const baseline = input.kind !== 'baseline' && input.design === 'panel' ? existing.find((w) => w.kind === 'baseline' && w.group === input.group) : undefined
  const id = db.transaction((tx) => {
    const row = tx
      .insert(surveyWaves)
      .values({ ...input, ...samplingValues(input), campaignId, startDate: input.startDate ?? null, endDate: input.endDate ?? null, targetSize: input.targetSize ?? null, baselineWaveId: baseline?.id ?? null })
      .returning({ id: surveyWaves.id })
      .get()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.wave-added', entityType: 'campaign', entityId: campaignId, after: input })
    return row.id
  })
  return { ok: true, value: id }
}

export async function removeWave(actor: Actor, campaignId: number, waveId: number): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const wave = wavesOf(campaignId).find((w) => w.id === waveId) ?? notFound({ id: 'errors.no_such_wave', defaultMessage: 'There is no such wave in this campaign.' })
  if (wave.responses > 0) return { ok: false, formErrors: [`This wave holds ${wave.responses} responses; it cannot be removed.`] }
  db.transaction((tx) => {
    tx.delete(surveyWaves).where(eq(surveyWaves.id, waveId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.wave-removed', entityType: 'campaign', entityId: campaignId, before: { kind: wave.kind, group: wave.group } })
  })
  return { ok: true, value: null }
}

const samplingValues = (input: SamplingInput) => ({ sampling: input.sampling ?? null, clusterUnit: input.clusterUnit || null, designEffect: input.designEffect ?? null })

/**
 * Declares how a wave's respondents were drawn. Through the results flow:
 * the analysis follows the design. Refused when the wave's stored responses
 * lack what the design needs (their cluster, stratum or weight).
 */
export async function setWaveSampling({ actor, campaignId }: ResultsChange, waveId: number, input: SamplingInput): Promise<Outcome<null>> {
  const access = assertEditable(actor, campaignId)
  const wave = waveRows(campaignId).find((w) => w.id === waveId) ?? notFound({ id: 'errors.no_such_wave', defaultMessage: 'There is no such wave in this campaign.' })
  const missing = input.sampling ? missingSampleFields(waveId, input.sampling) : null
  if (missing) {
    const label = SAMPLINGS.label(input.sampling!).toLowerCase()
    return { ok: false, fieldErrors: { sampling: [`${missing.count.toLocaleString('en')} of this wave’s responses have no ${missing.field} recorded, so it cannot be analysed as a ${label}. The ${missing.field} comes with the import: map the file’s ${missing.field} column.`] } }
  }
  const after = samplingValues(input)
  db.transaction((tx) => {
    tx.update(surveyWaves).set(after).where(eq(surveyWaves.id, waveId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.wave-sampling', entityType: 'campaign', entityId: campaignId, before: { wave: waveId, sampling: wave.sampling, clusterUnit: wave.clusterUnit, designEffect: wave.designEffect }, after: { wave: waveId, ...after } })
  })
  return { ok: true, value: null }
}
