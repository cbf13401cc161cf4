import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, SelectField, SubmitButton, TextField, useActionForm } from '../shared/ui/forms'
import { countryOptions, organisationTypeOptions } from '../shared/ui/options'
import { PASSWORD_MIN } from '../shared/ui/field-limits'
import { signUpSchema } from '../features/accounts'
import { signUp, createUserSession, getSession } from '../features/accounts/index.server'
import { readForm } from '../shared/request.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, pageTitle, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.sign_up', defaultMessage: 'Sign up' }))

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
  get name() {
    return tr({ id: 'signup.labels.name', defaultMessage: 'Your name' })
  },
  get email() {
    return tr({ id: 'signup.labels.email', defaultMessage: 'Email address' })
  },
  get password() {
    return tr({ id: 'signup.labels.password', defaultMessage: 'Password' })
  },
  get organisationName() {
    return tr({ id: 'signup.labels.organisationname', defaultMessage: 'Organisation name' })
  },
  get organisationType() {
    return tr({ id: 'signup.labels.organisationtype', defaultMessage: 'Type of organisation' })
  },
  get country() {
    return tr({ id: 'signup.labels.country', defaultMessage: 'Country' })
  },
}

export default function SignUpPage() {
  const i18n = useT()
  const { t } = i18n
  const { constraint } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useActionForm('signup', constraint, { name: '', email: '', password: '', organisationName: '', organisationType: '', country: '' }, lastResult)
  return (
    <div className="form">
      <h1>{t({ id: 'signup.create_an_account_for_your_organisation', defaultMessage: 'Create an account for your organisation' })}</h1>
      <p className="lede">
        {t({ id: 'signup.you_will_be_the_organisation_s', defaultMessage: 'You will be the organisation’s admin. A platform admin checks new organisations before their campaigns can be seen by others; until then you can log in and prepare drafts.' })}</p>
      <ErrorSummary form={form} labels={LABELS} />
      <Form method="post" {...getFormProps(form)}>
        <fieldset>
          <legend>{t({ id: 'signup.about_you', defaultMessage: 'About you' })}</legend>
          <TextField meta={fields.name} label={LABELS.name} autoComplete="name" />
          <TextField meta={fields.email} label={LABELS.email} type="email" autoComplete="email" />
          <TextField
            meta={fields.password}
            label={LABELS.password}
            type="password"
            autoComplete="new-password"
            hint={t({ id: 'signup.password_hint', defaultMessage: 'At least {min, number} characters. A short sentence is easy to remember and hard to guess.' }, { min: PASSWORD_MIN })}
          />
        </fieldset>
        <fieldset>
          <legend>{t({ id: 'signup.your_organisation', defaultMessage: 'Your organisation' })}</legend>
          <TextField meta={fields.organisationName} label={LABELS.organisationName} autoComplete="organization" />
          <SelectField
            meta={fields.organisationType}
            label={LABELS.organisationType}
            options={organisationTypeOptions(t)}
            placeholder={t({ id: 'signup.choose_a_type', defaultMessage: 'Choose a type' })}
          />
          <SelectField
            meta={fields.country}
            label={LABELS.country}
            hint={t({ id: 'signup.where_the_organisation_is_based', defaultMessage: 'Where the organisation is based.' })}
            options={countryOptions(i18n)}
            placeholder={t({ id: 'signup.choose_a_country', defaultMessage: 'Choose a country' })}
          />
        </fieldset>
        <div className="actions">
          <SubmitButton pendingText={t({ id: 'signup.creating_account', defaultMessage: 'Creating account…' })}>{t({ id: 'signup.create_account', defaultMessage: 'Create account' })}</SubmitButton>
        </div>
      </Form>
      <p>
        {i18n.rich(
          { id: 'signup.already_have_an_account_log_in', defaultMessage: 'Already have an account? <link>Log in</link>. Joining an existing organisation? Ask its admin for an invite link.' },
          { link: (chunks) => <Link key="login" to="/login">{chunks}</Link> },
        )}</p>
    </div>
  )
}
