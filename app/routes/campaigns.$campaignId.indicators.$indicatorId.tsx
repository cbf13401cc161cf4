import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { useSectionForm } from '../shared/ui/section-page'
import { ErrorSummary, InputField, RowAction, SubmitButton, TextAreaField } from '../shared/ui/forms'
import { formatIndicatorValue, actualSchema } from '../features/results'
import { INDICATOR_UNITS } from '../shared/taxonomy/taxonomy'
import { idField } from '../shared/ui/fields'
import { assertEditable, getCampaign } from '../features/campaigns/index.server'
import { notFound } from '../shared/http.server'
import { addActual, indicatorsWithResults, removeActual, changeResults, storedAnalysis } from '../features/results/index.server'
import { indicatorParams, parseParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, pageTitle, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.actuals_of_an_indicator', defaultMessage: 'Actuals of an indicator' }))

// /campaigns/:id/indicators/:indicatorId — the actual values of an indicator no survey question measures, by date.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, indicatorId } = parseParams(params, indicatorParams)
  assertEditable(actor, campaignId)
  const stored = await getCampaign(actor, campaignId)
  const indicator = indicatorsWithResults(stored, (await storedAnalysis(campaignId)).records).find((i) => i.id === indicatorId) ?? notFound({ id: 'errors.no_such_indicator', defaultMessage: 'There is no such indicator in this campaign.' })
  return {
    constraint: constraintOf(actualSchema), campaign: { id: campaignId, title: stored.campaign.title, status: stored.row.status }, indicator }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId, indicatorId } = parseParams(params, indicatorParams)
  const form = await readForm(request)
  if (form.get('intent') === 'remove') {
    const actual = z.object({ actualId: idField }).safeParse({ actualId: form.get('actualId') })
    if (!actual.success) return data({ status: 'error' as const, error: { '': [tr({ id: 'indicators.actuals.choose_value', defaultMessage: 'Choose a value to remove.' })] } }, { status: 400 })
    await changeResults(actor, campaignId, (change) => removeActual(change, indicatorId, actual.data.actualId))
    return redirect(`/campaigns/${campaignId}/indicators/${indicatorId}`)
  }
  const submission = parseWithZod(form, { schema: actualSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  await changeResults(actor, campaignId, (change) => addActual(change, indicatorId, submission.value))
  return redirect(`/campaigns/${campaignId}/indicators/${indicatorId}`)
}

const LABELS = { get onDate() {
    return tr({ id: 'campaigns.indicators.labels.ondate', defaultMessage: 'Date' })
  }, get value() {
    return tr({ id: 'campaigns.indicators.labels.value', defaultMessage: 'Value' })
  }, get note() {
    return tr({ id: 'campaigns.indicators.labels.note', defaultMessage: 'Note (optional)' })
  }, }

export default function IndicatorActuals() {
  const i18n = useT()
  const { t } = i18n
  const { campaign, indicator: i, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('actual', constraint, { onDate: '', value: '', note: '' })
  const sums = i.unit === 'count'
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={`/campaigns/${campaign.id}`}>{campaign.title}</Link>
      </p>
      <h1>{i.name}</h1>
      <p className="lede">
        {sums
          ? tr({ id: 'indicators.actuals.counted_hint', defaultMessage: 'Enter what was counted in each period (people reached, calls received); Lantern adds them up.' })
          : tr({ id: 'indicators.actuals.measured_hint', defaultMessage: 'Enter the value measured on each date; Lantern takes the latest as the actual.' })}{' '}
        {t({ id: 'indicators.actuals.target_and_actual', defaultMessage: 'Target: {target}. Actual so far: {actual}.' }, { target: formatIndicatorValue(i.unit, i.target), actual: formatIndicatorValue(i.unit, i.result.actual) })}
      </p>
      {i.level === 'outcome' && campaign.status === 'completed' ? (
        <p className="notice">{t({ id: 'campaigns.indicators.when_every_outcome_indicator_has_an', defaultMessage: 'When every outcome indicator has an actual, the campaign moves to “evaluated”.' })}</p>
      ) : null}
      {i.actuals.length ? (
        <div className="table-wrap" role="region" aria-label={t({ id: 'campaigns.indicators.values_entered', defaultMessage: 'Values entered' })} tabIndex={0}>
          <table>
            <caption>{t({ id: 'campaigns.indicators.values_entered', defaultMessage: 'Values entered' })}</caption>
            <thead>
              <tr>
                <th scope="col">{t({ id: 'campaigns.indicators.date', defaultMessage: 'Date' })}</th>
                <th scope="col">{t({ id: 'campaigns.indicators.value', defaultMessage: 'Value' })}</th>
                <th scope="col">{t({ id: 'campaigns.indicators.note', defaultMessage: 'Note' })}</th>
                <th scope="col">
                  <span className="visually-hidden">{t({ id: 'campaigns.indicators.actions', defaultMessage: 'Actions' })}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {i.actuals.map((a) => (
                <tr key={a.id}>
                  <td>{a.onDate}</td>
                  <td>{formatIndicatorValue(i.unit, a.value)}</td>
                  <td>{a.note || '—'}</td>
                  <td>
                    <RowAction intent="remove" fields={{ actualId: a.id }} about={t({ id: 'indicators.actuals.value_of', defaultMessage: 'the value of {date}' }, { date: i18n.date(a.onDate) })}>
                      {t({ id: 'campaigns.indicators.remove', defaultMessage: 'Remove' })}</RowAction>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t({ id: 'campaigns.indicators.no_values_entered_yet', defaultMessage: 'No values entered yet.' })}</p>
      )}
      <h2>{t({ id: 'campaigns.indicators.enter_a_value', defaultMessage: 'Enter a value' })}</h2>
      <ErrorSummary form={form} labels={LABELS} />
      <Form method="post" {...getFormProps(form)}>
        <InputField meta={fields.onDate} label={LABELS.onDate} type="date" hint={t({ id: 'campaigns.indicators.the_day_the_count_or_measurement', defaultMessage: 'The day the count or measurement is for, like 2026-04-30.' })} />
        <InputField meta={fields.value} label={LABELS.value} type="number" inputMode="decimal" hint={`In ${t(INDICATOR_UNITS.message(i.unit)).toLowerCase()}.`} />
        <TextAreaField meta={fields.note} label={LABELS.note} rows={2} hint={t({ id: 'campaigns.indicators.where_the_figure_comes_from_a', defaultMessage: 'Where the figure comes from: a hotline log, a distribution list.' })} />
        <div className="actions">
          <SubmitButton pendingText={t({ id: 'campaigns.indicators.saving', defaultMessage: 'Saving…' })}>{t({ id: 'campaigns.indicators.save_the_value', defaultMessage: 'Save the value' })}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
