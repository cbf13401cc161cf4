import type { ReactNode } from 'react'
import { SAMPLINGS, WAVE_DESIGNS, WAVE_GROUPS, WAVE_KINDS, type Sampling, type WaveDesign, type WaveGroup, type WaveKind } from '../../shared/taxonomy/taxonomy'
import { tr, useT } from '../../shared/i18n'

export type WaveRow = {
  id: number
  kind: WaveKind
  group: WaveGroup
  design: WaveDesign
  startDate: string | null
  endDate: string | null
  targetSize: number | null
  sampling: Sampling | null
  clusterUnit: string | null
  responses: number
}

/** "Cluster sample (village)", or "Not stated" while nobody has said. */
export const samplingWords = (w: Pick<WaveRow, 'sampling' | 'clusterUnit'>) =>
  w.sampling
    ? `${tr(SAMPLINGS.message(w.sampling))}${w.clusterUnit && w.sampling !== 'weighted' && w.sampling !== 'simple_random' ? ` (${w.clusterUnit})` : ''}`
    : tr({ id: 'surveys.sampling.not_stated', defaultMessage: 'Not stated' })

type Props = {
  waves: readonly WaveRow[]
  caption?: string
  /** The responses cell: a plain count, or a link to the wave. */
  responses?: (w: WaveRow) => ReactNode
  actions?: (w: WaveRow) => ReactNode
}

/** A campaign's survey waves, on the survey page and the results page alike. */
export function WavesTable({ waves, caption, responses, actions }: Props) {
  const i18n = useT()
  const { t } = i18n
  return (
    <div className="table-wrap" role="region" aria-label={t({ id: 'surveys.waves_table.waves', defaultMessage: 'Waves' })} tabIndex={0}>
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">{t({ id: 'surveys.waves_table.wave', defaultMessage: 'Wave' })}</th>
            <th scope="col">{t({ id: 'surveys.waves_table.group', defaultMessage: 'Group' })}</th>
            <th scope="col">{t({ id: 'surveys.waves_table.design', defaultMessage: 'Design' })}</th>
            <th scope="col">{t({ id: 'surveys.waves_table.sampling', defaultMessage: 'Sampling' })}</th>
            <th scope="col">{t({ id: 'surveys.waves_table.dates', defaultMessage: 'Dates' })}</th>
            <th scope="col">{t({ id: 'surveys.waves_table.target_size', defaultMessage: 'Target size' })}</th>
            <th scope="col">{t({ id: 'surveys.waves_table.responses', defaultMessage: 'Responses' })}</th>
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">{t({ id: 'surveys.waves_table.actions', defaultMessage: 'Actions' })}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {waves.map((w) => (
            <tr key={w.id}>
              <td>{t(WAVE_KINDS.message(w.kind))}</td>
              <td>{t(WAVE_GROUPS.message(w.group))}</td>
              <td>{t(WAVE_DESIGNS.message(w.design))}</td>
              <td>{samplingWords(w)}</td>
              <td>{w.startDate ? (w.endDate ? i18n.dateRange(w.startDate, w.endDate) : `${i18n.date(w.startDate)} – …`) : '—'}</td>
              <td>{w.targetSize == null ? '—' : i18n.number(w.targetSize)}</td>
              <td>{responses ? responses(w) : i18n.number(w.responses)}</td>
              {actions ? <td>{actions(w)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
