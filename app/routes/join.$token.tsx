import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, SubmitButton, TextField, useActionForm } from '../shared/ui/forms'
import { ROLE_LABELS } from '../shared/permissions/roles'
import { joinSchema } from '../features/accounts'
import { PASSWORD_MIN } from '../shared/ui/field-limits'
import { acceptInvite, inspectInvite } from '../features/organisations/index.server'
import { readForm } from '../shared/request.server'
import { constraintOf } from '../shared/forms.server'
import { createUserSession, getSession } from '../features/accounts/index.server'

export const meta: MetaFunction = () => [{ title: 'Join an organisation – Lantern' }]

const INVALID: Record<'used' | 'expired' | 'unknown', string> = {
  used: 'This invite link has already been used.',
  expired: 'This invite link has expired.',
  unknown: 'This invite link is not valid.',
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invite = await inspectInvite(params.token ?? '')
  if (invite.status !== 'valid') {
    throw data(`${INVALID[invite.status]} Ask the organisation’s admin for a new one.`, { status: 410 })
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

const LABELS = { name: 'Your name', email: 'Email address', password: 'Password' }

export default function JoinPage() {
  const { organisationName, role, signedIn, constraint } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useActionForm('join', constraint, { name: '', email: '', password: '' }, lastResult)
  return (
    <div className="form">
      <h1>Join {organisationName}</h1>
      <p className="lede">
        You have been invited to join {organisationName} on Lantern as{' '}
        {role === 'org_admin' ? 'an' : 'a'} {ROLE_LABELS[role].label.toLowerCase()}. Create your account to accept.
      </p>
      {signedIn ? (
        <div className="notice notice--warning">
          <p>
            You are logged in already. An invite creates a new account; log out first if this invite is for someone
            else.
          </p>
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
          hint={`At least ${PASSWORD_MIN} characters.`}
        />
        <div className="actions">
          <SubmitButton pendingText="Joining…">Create account and join</SubmitButton>
        </div>
      </Form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>.
      </p>
    </div>
  )
}
