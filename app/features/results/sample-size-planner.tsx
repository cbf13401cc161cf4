import { Form, useFetcher } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { FieldError } from '../../shared/ui/forms'
import type { PlannedSize } from './sample-size-plan'
import type { PlannerErrors, PlannerValues } from './sample-size-schema'
import { WAVE_GROUPS, WAVE_KINDS, type WaveGroup, type WaveKind } from '../../shared/taxonomy/taxonomy'
import { tr, useT } from '../../shared/i18n'

type Field = { name: keyof PlannerValues; label: string; hint: string; unit: string }

/** The planner's fields, worded when the planner renders: in the reader's language. */
const fieldsOf = (): Field[] => [
  {
    name: 'baseline',
    label: tr({ id: 'results.planner.baseline', defaultMessage: 'Expected share at baseline' }),
    hint: tr({ id: 'results.planner.baseline_hint', defaultMessage: 'Your best guess of the share who know or do it now, for example from an earlier survey.' }),
    unit: '%',
  },
  {
    name: 'change',
    label: tr({ id: 'results.planner.change', defaultMessage: 'Change worth detecting' }),
    hint: tr({ id: 'results.planner.change_hint', defaultMessage: 'The smallest change, in percentage points, that would matter: +10 means from 40% to 50%.' }),
    unit: tr({ id: 'results.planner.points', defaultMessage: 'points' }),
  },
  {
    name: 'power',
    label: tr({ id: 'results.planner.power', defaultMessage: 'Power' }),
    hint: tr({ id: 'results.planner.power_hint', defaultMessage: 'The chance of detecting a change that big if it happens. 80% is usual.' }),
    unit: '%',
  },
  {
    name: 'alpha',
    label: tr({ id: 'results.planner.alpha', defaultMessage: 'Significance level (two-sided)' }),
    hint: tr({ id: 'results.planner.alpha_hint', defaultMessage: '5% is usual.' }),
    unit: '%',
  },
  {
    name: 'designEffect',
    label: tr({ id: 'results.planner.design_effect', defaultMessage: 'Design effect' }),
    hint: tr({ id: 'results.planner.design_effect_hint', defaultMessage: '1 for a simple random sample; 1.5 to 2 when whole schools or villages are sampled.' }),
    unit: '×',
  },
  {
    name: 'nonResponse',
    label: tr({ id: 'results.planner.non_response', defaultMessage: 'Expected non-response' }),
    hint: tr({ id: 'results.planner.non_response_hint', defaultMessage: 'The share of people approached who will not answer.' }),
    unit: '%',
  },
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
  const i18n = useT()
  const { t } = i18n
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
        {fieldsOf().map((f) => (
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
              {i18n.rich(
                {
                  id: 'results.planner.result',
                  defaultMessage:
                    'To detect a change from {from} to {to} you need <strong>{analysed, plural, one {# respondent} other {# respondents}}</strong> answering in each wave, so approach <strong>{toSurvey, number}</strong> per wave allowing for the design effect and non-response.',
                },
                {
                  from: i18n.percent(Number(from) / 100),
                  to: i18n.percent(Number(to) / 100),
                  analysed: size.analysed,
                  toSurvey: size.toSurvey,
                  strong: (chunks) => <strong key={String(chunks)}>{chunks}</strong>,
                },
              )}
            </p>
            {waves.length ? (
              <ul>
                {waves.map((w) => {
                  const own = answered?.perWave.find((p) => p.id === w.id)
                  const need = own?.toSurvey ?? size.toSurvey
                  const deff =
                    own && own.designEffect !== Number(values.designEffect)
                      ? ` ${t({ id: 'results.planner.wave_deff', defaultMessage: '(planned with a design effect of {deff}: approach {need, number})' }, { deff: i18n.number(own.designEffect), need })}`
                      : ''
                  return (
                    <li key={w.id}>
                      {t(WAVE_KINDS.message(w.kind))}, {t(WAVE_GROUPS.message(w.group)).toLowerCase()}
                      {deff}:{' '}
                      {w.targetSize === null
                        ? t({ id: 'results.planner.no_target', defaultMessage: 'no target sample size set' })
                        : w.targetSize >= need
                          ? t({ id: 'results.planner.enough', defaultMessage: 'target {target, number} is enough' }, { target: w.targetSize })
                          : t({ id: 'results.planner.short', defaultMessage: 'target {target, number} is {short, number} short' }, { target: w.targetSize, short: need - w.targetSize })}
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
