import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ErrorSummary, SubmitButton, TextField, useActionForm } from '../shared/ui/forms'
import { ROLE_LABELS } from '../shared/permissions/roles'
import { changePasswordSchema } from '../features/accounts'
import { PASSWORD_MIN } from '../shared/ui/field-limits'
import { changePassword, createUserSession, requireSession } from '../features/accounts/index.server'
import { readForm } from '../shared/request.server'
import { constraintOf } from '../shared/forms.server'

export const meta: MetaFunction = () => [{ title: 'Your account – Lantern' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireSession(request)
  return { user, constraint: constraintOf(changePasswordSchema) }
}

const HIDE = ['currentPassword', 'newPassword', 'confirmPassword']

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireSession(request)
  const submission = parseWithZod(await readForm(request), { schema: changePasswordSchema })
  if (submission.status !== 'success') {
    return data({ result: submission.reply({ hideFields: HIDE }) }, { status: 400 })
  }
  const { currentPassword, newPassword } = submission.value
  const outcome = await changePassword(user.id, currentPassword, newPassword)
  if (!outcome.ok) {
    return data({ result: submission.reply({ fieldErrors: outcome.fieldErrors, hideFields: HIDE }) }, { status: 400 })
  }
  // All sessions ended with the change, this one too. A fresh one keeps the user logged in here; it is sent
  // with a redirect, so the page that follows is read with it (without JavaScript, the same request would
  // otherwise load the page with the ended session and log the user out).
  return redirect('/account?changed=1', { headers: { 'Set-Cookie': await createUserSession(user.id) } })
}

const LABELS = { currentPassword: 'Current password', newPassword: 'New password', confirmPassword: 'New password again' }

export default function AccountPage() {
  const { user, constraint } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [search] = useSearchParams()
  const [form, fields] = useActionForm('change-password', constraint, { currentPassword: '', newPassword: '', confirmPassword: '' }, actionData?.result)
  return (
    <>
      <h1>Your account</h1>
      <dl className="summary-list">
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email address</dt>
        <dd>{user.email}</dd>
        <dt>Organisation</dt>
        <dd>{user.organisation?.name ?? 'None'}</dd>
        <dt>Role</dt>
        <dd>
          {[user.role ? ROLE_LABELS[user.role].label : null, user.isPlatformAdmin ? 'Platform admin' : null]
            .filter(Boolean)
            .join(', ') || 'None'}
        </dd>
      </dl>
      <div className="form">
        <h2>Change your password</h2>
        {search.get('changed') === '1' ? (
          <div className="notice notice--success" role="status">
            <p>Your password has been changed. You have been logged out everywhere else.</p>
          </div>
        ) : null}
        <ErrorSummary form={form} labels={LABELS} />
        <Form method="post" {...getFormProps(form)}>
          <TextField meta={fields.currentPassword} label={LABELS.currentPassword} type="password" autoComplete="current-password" />
          <TextField
            meta={fields.newPassword}
            label={LABELS.newPassword}
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters.`}
          />
          <TextField meta={fields.confirmPassword} label={LABELS.confirmPassword} type="password" autoComplete="new-password" />
          <div className="actions">
            <SubmitButton pendingText="Changing password…">Change password</SubmitButton>
          </div>
        </Form>
      </div>
    </>
  )
}
