import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, SelectField, SubmitButton, TextField, useActionForm } from '../shared/ui/forms'
import { COUNTRY_OPTIONS, ORGANISATION_TYPE_OPTIONS } from '../shared/ui/options'
import { PASSWORD_MIN } from '../shared/ui/field-limits'
import { signUpSchema } from '../features/accounts'
import { signUp, createUserSession, getSession } from '../features/accounts/index.server'
import { readForm } from '../shared/request.server'
import { constraintOf } from '../shared/forms.server'

export const meta: MetaFunction = () => [{ title: 'Sign up – Lantern' }]

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSession(request)) throw redirect('/')
  return { constraint: constraintOf(signUpSchema) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: signUpSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const result = await signUp(submission.value, context.clientIp)
  if (!result.ok) {
    return data(submission.reply({ formErrors: result.formErrors, fieldErrors: result.fieldErrors, hideFields: ['password'] }), { status: 400 })
  }
  return redirect('/?welcome=1', { headers: { 'Set-Cookie': await createUserSession(result.value.userId) } })
}

const LABELS = {
  name: 'Your name',
  email: 'Email address',
  password: 'Password',
  organisationName: 'Organisation name',
  organisationType: 'Type of organisation',
  country: 'Country',
}

export default function SignUpPage() {
  const { constraint } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useActionForm('signup', constraint, { name: '', email: '', password: '', organisationName: '', organisationType: '', country: '' }, lastResult)
  return (
    <div className="form">
      <h1>Create an account for your organisation</h1>
      <p className="lede">
        You will be the organisation’s admin. A platform admin checks new organisations before their campaigns can be
        seen by others; until then you can log in and prepare drafts.
      </p>
      <ErrorSummary form={form} labels={LABELS} />
      <Form method="post" {...getFormProps(form)}>
        <fieldset>
          <legend>About you</legend>
          <TextField meta={fields.name} label={LABELS.name} autoComplete="name" />
          <TextField meta={fields.email} label={LABELS.email} type="email" autoComplete="email" />
          <TextField
            meta={fields.password}
            label={LABELS.password}
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters. A short sentence is easy to remember and hard to guess.`}
          />
        </fieldset>
        <fieldset>
          <legend>Your organisation</legend>
          <TextField meta={fields.organisationName} label={LABELS.organisationName} autoComplete="organization" />
          <SelectField
            meta={fields.organisationType}
            label={LABELS.organisationType}
            options={ORGANISATION_TYPE_OPTIONS}
            placeholder="Choose a type"
          />
          <SelectField
            meta={fields.country}
            label={LABELS.country}
            hint="Where the organisation is based."
            options={COUNTRY_OPTIONS}
            placeholder="Choose a country"
          />
        </fieldset>
        <div className="actions">
          <SubmitButton pendingText="Creating account…">Create account</SubmitButton>
        </div>
      </Form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>. Joining an existing organisation? Ask its admin for an
        invite link.
      </p>
    </div>
  )
}
