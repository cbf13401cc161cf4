import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { StandardIndicatorForm, standardIndicatorSchema } from '../features/standards'
import { parseParams, standardIndicatorParams } from '../shared/params.server'
import { assertCan } from '../shared/permissions/permissions.server'
import { readForm } from '../shared/request.server'
import { constraintOf } from '../shared/forms.server'
import { requireSession } from '../features/accounts/index.server'
import { standardIndicatorByCode, updateStandardIndicator } from '../features/standards/index.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.change_a_standard_indicator', defaultMessage: 'Change a standard indicator' }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  assertCan(actor, 'standards.manage', null)
  const { code } = parseParams(params, standardIndicatorParams)
  const s = standardIndicatorByCode(code)
  return { constraint: constraintOf(standardIndicatorSchema), defaults: { code: s.code, name: s.name, unit: s.unit, direction: s.direction, guidance: s.guidance } }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  // The form is read first: a post from another site is refused before anything else is said.
  const form = await readForm(request)
  assertCan(actor, 'standards.manage', null)
  const { code } = parseParams(params, standardIndicatorParams)
  const submission = parseWithZod(form, { schema: standardIndicatorSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = updateStandardIndicator(actor, code, submission.value)
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }), { status: 400 })
  return redirect(`/standard-indicators/${outcome.value}`)
}

export default function ChangeStandardIndicator() {
  const { t } = useT()
  const { constraint, defaults } = useLoaderData<typeof loader>()
  return (
    <div className="form">
      <h1>{t({ id: 'standard_indicators.edit.change_a_standard_indicator', defaultMessage: 'Change a standard indicator' })}</h1>
      <StandardIndicatorForm constraint={constraint} defaults={defaults} submit={t({ id: 'standard_indicators.edit.submit', defaultMessage: 'Save the indicator' })} />
    </div>
  )
}
