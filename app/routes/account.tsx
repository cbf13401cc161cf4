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
import { AUTONYMS, defineMessage, defineMessages, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.your_account', defaultMessage: 'Your account' }))

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

const m = defineMessages({
  currentPassword: { id: 'account.current_password', defaultMessage: 'Current password' },
  newPassword: { id: 'account.new_password', defaultMessage: 'New password' },
  confirmPassword: { id: 'account.new_password_again', defaultMessage: 'New password again' },
  none: { id: 'account.none', defaultMessage: 'None' },
  passwordHint: { id: 'account.password_hint', defaultMessage: 'At least {min, number} characters.' },
  language: { id: 'account.language', defaultMessage: 'Language' },
  languageHint: { id: 'account.language_hint', defaultMessage: 'Change it with the language menu at the top of any page; Lantern keeps your choice for every device you log in on.' },
})

export default function AccountPage() {
  const { t, locale } = useT()
  const { user, constraint } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [search] = useSearchParams()
  const [form, fields] = useActionForm('change-password', constraint, { currentPassword: '', newPassword: '', confirmPassword: '' }, actionData?.result)
  const LABELS = { currentPassword: t(m.currentPassword), newPassword: t(m.newPassword), confirmPassword: t(m.confirmPassword) }
  return (
    <>
      <h1>{t({ id: 'account.your_account', defaultMessage: 'Your account' })}</h1>
      <dl className="summary-list">
        <dt>{t({ id: 'account.name', defaultMessage: 'Name' })}</dt>
        <dd>{user.name}</dd>
        <dt>{t({ id: 'account.email_address', defaultMessage: 'Email address' })}</dt>
        <dd>{user.email}</dd>
        <dt>{t({ id: 'account.organisation', defaultMessage: 'Organisation' })}</dt>
        <dd>{user.organisation?.name ?? t(m.none)}</dd>
        <dt>{t({ id: 'account.role', defaultMessage: 'Role' })}</dt>
        <dd>
          {[user.role ? t(ROLE_LABELS[user.role]) : null, user.isPlatformAdmin ? t(ROLE_LABELS.platform_admin) : null]
            .filter(Boolean)
            .join(', ') || t(m.none)}
        </dd>
        <dt>{t(m.language)}</dt>
        <dd>
          {AUTONYMS[locale]}
          <span className="field__hint">{t(m.languageHint)}</span>
        </dd>
      </dl>
      <div className="form">
        <h2>{t({ id: 'account.change_your_password', defaultMessage: 'Change your password' })}</h2>
        {search.get('changed') === '1' ? (
          <div className="notice notice--success" role="status">
            <p>{t({ id: 'account.your_password_has_been_changed_you', defaultMessage: 'Your password has been changed. You have been logged out everywhere else.' })}</p>
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
            hint={t(m.passwordHint, { min: PASSWORD_MIN })}
          />
          <TextField meta={fields.confirmPassword} label={LABELS.confirmPassword} type="password" autoComplete="new-password" />
          <div className="actions">
            <SubmitButton pendingText={t({ id: 'account.changing_password', defaultMessage: 'Changing password…' })}>{t({ id: 'account.change_password', defaultMessage: 'Change password' })}</SubmitButton>
          </div>
        </Form>
      </div>
    </>
  )
}
