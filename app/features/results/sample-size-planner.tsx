import { Form, useFetcher } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { FieldError } from '../../shared/ui/forms'
import type { PlannedSize } from './sample-size-plan'
import type { PlannerErrors, PlannerValues } from './sample-size-schema'
import { WAVE_GROUPS, WAVE_KINDS, type WaveGroup, type WaveKind } from '../../shared/taxonomy/taxonomy'
import { useT } from '../../shared/i18n'

type Field = { name: keyof PlannerValues; label: string; hint: string; unit: string }

const FIELDS: Field[] = [
  { name: 'baseline', label: 'Expected share at baseline', hint: 'Your best guess of the share who know or do it now, for example from an earlier survey.', unit: '%' },
  { name: 'change', label: 'Change worth detecting', hint: 'The smallest change, in percentage points, that would matter: +10 means from 40% to 50%.', unit: 'points' },
  { name: 'power', label: 'Power', hint: 'The chance of detecting a change that big if it happens. 80% is usual.', unit: '%' },
  { name: 'alpha', label: 'Significance level (two-sided)', hint: '5% is usual.', unit: '%' },
  { name: 'designEffect', label: 'Design effect', hint: '1 for a simple random sample; 1.5 to 2 when whole schools or villages are sampled.', unit: '×' },
  { name: 'nonResponse', label: 'Expected non-response', hint: 'The share of people approached who will not answer.', unit: '%' },
]

type Wave = { id: number; kind: WaveKind; group: WaveGroup; targetSize: number | null }

type PlannerAnswer = { values: Record<keyof PlannerValues, string>; errors: PlannerErrors; size: PlannedSize | null; perWave: { id: number; designEffect: number; toSurvey: number | null }[] }
const queryOf = (values: PlannerAnswer['values']) => new URLSearchParams(values).toString()

/**
 * Respondents each wave needs, as R's power.prop.test. The page's loader
 * computes it for the values in the URL: without JavaScript the button sends
 * them (a GET form); with it, a change is sent to the same loader a moment
 * later, which checks it and answers: the checks and the statistics stay on
 * the server.
 */
export function SampleSizePlanner({ planner, waves, action }: { planner: PlannerAnswer; waves: readonly Wave[]; action: string }) {
  const { t } = useT()
  const [values, setValues] = useState(planner.values)
  const { load, data } = useFetcher<{ planner: PlannerAnswer }>()
  const query = queryOf(values)
  const answered = [data?.planner, planner].find((p) => p && queryOf(p.values) === query)
  // Until the answer for these values comes, the last answer's findings stay.
  const errors = (answered ?? data?.planner ?? planner).errors
  const invalid = Object.keys(errors).length > 0
  useEffect(() => {
    if (query === queryOf(planner.values)) return
    const timer = setTimeout(() => load(`${action}?${query}`), 250)
    return () => clearTimeout(timer)
  }, [query, load, action, planner.values])
  const size = answered?.size ?? null
  const from = Number(values.baseline)
  const to = from + Number(values.change)
  return (
    <section id="planner" aria-labelledby="planner-title" className="panel">
      <h2 id="planner-title">{t({ id: 'results.sample_size_planner.how_many_respondents_each_wave_needs', defaultMessage: 'How many respondents each wave needs' })}</h2>
      <Form method="get" action={`${action}#planner`} preventScrollReset className="planner">
        {FIELDS.map((f) => (
          <div key={f.name} className={errors[f.name] ? 'field field--error' : 'field'}>
            <label className="field__label" htmlFor={`planner-${f.name}`}>
              {f.label} ({f.unit})
            </label>
            <div className="field__hint" id={`planner-${f.name}-hint`}>
              {f.hint}
            </div>
            {errors[f.name] ? <FieldError id={`planner-${f.name}-error`} messages={errors[f.name]!} /> : null}
            <input
              id={`planner-${f.name}`}
              name={f.name}
              type="number"
              step="any"
              inputMode="decimal"
              className="input input--narrow"
              value={values[f.name]}
              onChange={(e) => setValues({ ...values, [f.name]: e.target.value })}
              aria-invalid={errors[f.name] ? true : undefined}
              aria-describedby={`planner-${f.name}-hint${errors[f.name] ? ` planner-${f.name}-error` : ''}`}
            />
          </div>
        ))}
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t({ id: 'results.sample_size_planner.work_it_out', defaultMessage: 'Work it out' })}</button>
        </div>
      </Form>
      <div role="status" aria-live="polite">
        {size ? (
          <>
            <p className="planner__result">
              {t({ id: 'results.sample_size_planner.to_detect_a_change_from', defaultMessage: 'To detect a change from' })}{' '}{from}{t({ id: 'results.sample_size_planner.to', defaultMessage: '% to' })}{' '}{to}{t({ id: 'results.sample_size_planner.you_need', defaultMessage: '% you need' })}{' '}<strong>{t({ id: 'results.sample_size_planner.respondents', defaultMessage: '{toLocaleString} respondents' }, { toLocaleString: size.analysed.toLocaleString('en') })}</strong> {' '}{t({ id: 'results.sample_size_planner.answering_in_each_wave_so_approach', defaultMessage: 'answering in each wave, so approach' })}{' '}<strong>{size.toSurvey.toLocaleString('en')}</strong> {' '}{t({ id: 'results.sample_size_planner.per_wave_allowing_for_the_design', defaultMessage: 'per wave allowing for the design effect and non-response.' })}</p>
            {waves.length ? (
              <ul>
                {waves.map((w) => {
                  const own = answered?.perWave.find((p) => p.id === w.id)
                  const need = own?.toSurvey ?? size.toSurvey
                  const deff = own && own.designEffect !== Number(values.designEffect) ? ` (planned with a design effect of ${own.designEffect}: approach ${need.toLocaleString('en')})` : ''
                  return (
                    <li key={w.id}>
                      {t(WAVE_KINDS.message(w.kind))}, {t(WAVE_GROUPS.message(w.group)).toLowerCase()}
                      {deff}:{' '}
                      {w.targetSize === null
                        ? 'no target sample size set'
                        : w.targetSize >= need
                          ? `target ${w.targetSize.toLocaleString('en')} is enough`
                          : `target ${w.targetSize.toLocaleString('en')} is ${(need - w.targetSize).toLocaleString('en')} short`}
                    </li>
                  )
                })}
              </ul>
            ) : null}
          </>
        ) : invalid || answered ? (
          <p>{t({ id: 'results.sample_size_planner.correct_the_values_above_to_see', defaultMessage: 'Correct the values above to see the sample size.' })}</p>
        ) : (
          <p>{t({ id: 'results.sample_size_planner.working_it_out', defaultMessage: 'Working it out…' })}</p>
        )}
      </div>
    </section>
  )
}
