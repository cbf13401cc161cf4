import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { StandardIndicatorForm, standardIndicatorSchema } from '../features/standards'
import { assertCan } from '../shared/permissions/permissions.server'
import { readForm } from '../shared/request.server'
import { constraintOf } from '../shared/forms.server'
import { requireSession } from '../features/accounts/index.server'
import { createStandardIndicator } from '../features/standards/index.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.add_a_standard_indicator', defaultMessage: 'Add a standard indicator' }))

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  assertCan(actor, 'standards.manage', null)
  return { constraint: constraintOf(standardIndicatorSchema) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  // The form is read first: a post from another site is refused before anything else is said.
  const form = await readForm(request)
  assertCan(actor, 'standards.manage', null)
  const submission = parseWithZod(form, { schema: standardIndicatorSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = createStandardIndicator(actor, submission.value)
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors, formErrors: outcome.formErrors }), { status: 400 })
  return redirect(`/standard-indicators/${outcome.value}`)
}

export default function NewStandardIndicator() {
  const { t } = useT()
  const { constraint } = useLoaderData<typeof loader>()
  return (
    <div className="form">
      <h1>{t({ id: 'standard_indicators.new.add_a_standard_indicator', defaultMessage: 'Add a standard indicator' })}</h1>
      <StandardIndicatorForm constraint={constraint} defaults={{ code: '', name: '', unit: 'percent', direction: 'increase', guidance: '' }} submit={t({ id: 'standard_indicators.new.submit', defaultMessage: 'Add the indicator' })} />
    </div>
  )
}
