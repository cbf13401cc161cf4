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
import { defineMessages, tr } from '../../shared/i18n'
import { waveRows, wavesOf } from './store.server'

// The waves of a survey: baseline, endline and follow-up, for the campaign
// group and a comparison group. A wave with answers is kept.

export async function addWave(actor: Actor, campaignId: number, input: WaveInput): Promise<Outcome<number>> {
  const access = assertEditable(actor, campaignId)
  const existing = waveRows(campaignId)
  if (existing.some((w) => w.kind === input.kind && w.group === input.group)) {
    return { ok: false, fieldErrors: { kind: [tr(said.exists)] } }
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
  if (wave.responses > 0) return { ok: false, formErrors: [tr(said.holds, { count: wave.responses })] }
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
    const design = tr(SAMPLINGS.message(input.sampling!)).toLocaleLowerCase()
    return { ok: false, fieldErrors: { sampling: [tr(said.missing, { count: missing.count, field: missing.field, design })] } }
  }
  const after = samplingValues(input)
  db.transaction((tx) => {
    tx.update(surveyWaves).set(after).where(eq(surveyWaves.id, waveId)).run()
    recordAudit(tx, { actorUserId: actor.userId, organisationId: access.organisationId, action: 'survey.wave-sampling', entityType: 'campaign', entityId: campaignId, before: { wave: waveId, sampling: wave.sampling, clusterUnit: wave.clusterUnit, designEffect: wave.designEffect }, after: { wave: waveId, ...after } })
  })
  return { ok: true, value: null }
}

const said = defineMessages({
  exists: { id: 'surveys.waves.exists', defaultMessage: 'This campaign already has that wave for that group' },
  holds: { id: 'surveys.waves.holds', defaultMessage: 'This wave holds {count, plural, one {# response} other {# responses}}; it cannot be removed.' },
  missing: {
    id: 'surveys.waves.missing_sample_field',
    defaultMessage:
      '{count, plural, one {# of this wave’s responses has} other {# of this wave’s responses have}} no {field, select, cluster {cluster} stratum {stratum} other {sampling weight}} recorded, so it cannot be analysed as a {design}. The {field, select, cluster {cluster} stratum {stratum} other {sampling weight}} comes with the import: map the file’s {field, select, cluster {cluster} stratum {stratum} other {sampling weight}} column.',
  },
})
