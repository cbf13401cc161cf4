import type { ReactNode } from 'react'
import { SAMPLINGS, WAVE_DESIGNS, WAVE_GROUPS, WAVE_KINDS, type Sampling, type WaveDesign, type WaveGroup, type WaveKind } from '../../shared/taxonomy/taxonomy'

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
  w.sampling ? `${SAMPLINGS.label(w.sampling)}${w.clusterUnit && w.sampling !== 'weighted' && w.sampling !== 'simple_random' ? ` (${w.clusterUnit})` : ''}` : 'Not stated'

type Props = {
  waves: readonly WaveRow[]
  caption?: string
  /** The responses cell: a plain count, or a link to the wave. */
  responses?: (w: WaveRow) => ReactNode
  actions?: (w: WaveRow) => ReactNode
}

/** A campaign's survey waves, on the survey page and the results page alike. */
export function WavesTable({ waves, caption, responses = (w) => w.responses.toLocaleString('en'), actions }: Props) {
  return (
    <div className="table-wrap" role="region" aria-label="Waves" tabIndex={0}>
      <table>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            <th scope="col">Wave</th>
            <th scope="col">Group</th>
            <th scope="col">Design</th>
            <th scope="col">Sampling</th>
            <th scope="col">Dates</th>
            <th scope="col">Target size</th>
            <th scope="col">Responses</th>
            {actions ? (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {waves.map((w) => (
            <tr key={w.id}>
              <td>{WAVE_KINDS.label(w.kind)}</td>
              <td>{WAVE_GROUPS.label(w.group)}</td>
              <td>{WAVE_DESIGNS.label(w.design)}</td>
              <td>{samplingWords(w)}</td>
              <td>{w.startDate ? `${w.startDate} to ${w.endDate ?? '…'}` : '—'}</td>
              <td>{w.targetSize?.toLocaleString('en') ?? '—'}</td>
              <td>{responses(w)}</td>
              {actions ? <td>{actions(w)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
