import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { failWith } from '../shared/http.server'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, SubmitButton, TextField, useActionForm } from '../shared/ui/forms'
import { joinSchema } from '../features/accounts'
import { PASSWORD_MIN } from '../shared/ui/field-limits'
import { acceptInvite, inspectInvite } from '../features/organisations/index.server'
import { readForm } from '../shared/request.server'
import { constraintOf } from '../shared/forms.server'
import { createUserSession, getSession } from '../features/accounts/index.server'
import { defineMessage, defineMessages, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.join_an_organisation', defaultMessage: 'Join an organisation' }))

const invalid = defineMessage({
  id: 'join.invalid',
  defaultMessage:
    '{status, select, used {This invite link has already been used.} expired {This invite link has expired.} other {This invite link is not valid.}} Ask the organisation’s admin for a new one.',
})

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invite = await inspectInvite(params.token ?? '')
  if (invite.status !== 'valid') {
    failWith(410, { message: invalid, values: { status: invite.status } })
  }
  const signedIn = (await getSession(request)) !== null
  return { organisationName: invite.organisationName, role: invite.role, signedIn, constraint: constraintOf(joinSchema) }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: joinSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const outcome = await acceptInvite(params.token ?? '', submission.value, context.clientIp)
  if (!outcome.ok) {
    return data(
      submission.reply({ formErrors: outcome.formErrors, fieldErrors: outcome.fieldErrors, hideFields: ['password'] }),
      { status: 400 },
    )
  }
  return redirect('/', { headers: { 'Set-Cookie': await createUserSession(outcome.value.userId) } })
}

const m = defineMessages({
  name: { id: 'fields.your_name', defaultMessage: 'Your name' },
  email: { id: 'fields.email_address', defaultMessage: 'Email address' },
  password: { id: 'fields.password', defaultMessage: 'Password' },
  passwordHint: { id: 'account.password_hint', defaultMessage: 'At least {min, number} characters.' },
  invited: {
    id: 'join.invited_as',
    defaultMessage:
      'You have been invited to join {organisation} on Lantern as {role, select, org_admin {an organisation admin} coordinator {a coordinator} donor {a donor} other {a member}}. Create your account to accept.',
  },
})

export default function JoinPage() {
  const i18n = useT()
  const { t } = i18n
  const { organisationName, role, signedIn, constraint } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useActionForm('join', constraint, { name: '', email: '', password: '' }, lastResult)
  const LABELS = { name: t(m.name), email: t(m.email), password: t(m.password) }
  return (
    <div className="form">
      <h1>{t({ id: 'join.join', defaultMessage: 'Join {organisationName}' }, { organisationName })}</h1>
      <p className="lede">
        {t(m.invited, { organisation: organisationName, role })}
      </p>
      {signedIn ? (
        <div className="notice notice--warning">
          <p>
            {t({ id: 'join.you_are_logged_in_already_an', defaultMessage: 'You are logged in already. An invite creates a new account; log out first if this invite is for someone else.' })}</p>
        </div>
      ) : null}
      <ErrorSummary form={form} labels={LABELS} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.name} label={LABELS.name} autoComplete="name" />
        <TextField meta={fields.email} label={LABELS.email} type="email" autoComplete="email" />
        <TextField
          meta={fields.password}
          label={LABELS.password}
          type="password"
          autoComplete="new-password"
          hint={t(m.passwordHint, { min: PASSWORD_MIN })}
        />
        <div className="actions">
          <SubmitButton pendingText={t({ id: 'join.joining', defaultMessage: 'Joining…' })}>{t({ id: 'join.create_account_and_join', defaultMessage: 'Create account and join' })}</SubmitButton>
        </div>
      </Form>
      <p>
        {i18n.rich({ id: 'join.already_have_an_account_log_in', defaultMessage: 'Already have an account? <link>Log in</link>.' }, { link: (chunks) => <Link key="login" to="/login">{chunks}</Link> })}
      </p>
    </div>
  )
}
