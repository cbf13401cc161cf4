import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { ErrorSummary, SubmitButton, TextField, useActionForm } from '../shared/ui/forms'
import { loginSchema } from '../features/accounts'
import { logIn, createUserSession, getSession, languageOfAccount } from '../features/accounts/index.server'
import { isOffered, languageCookie } from '../shared/i18n/index.server'
import { safeRedirectPath } from '../shared/http.server'
import { readForm } from '../shared/request.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, pageTitle, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.log_in', defaultMessage: 'Log in' }))

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSession(request)) throw redirect('/')
  return { constraint: constraintOf(loginSchema) }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: loginSchema })
  if (submission.status !== 'success') {
    return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
  }
  const { email, password, redirectTo } = submission.value
  const result = await logIn(email, password, context.clientIp)
  if (!result.ok) {
    return data(submission.reply({ formErrors: result.formErrors, hideFields: ['password'] }), { status: 400 })
  }
  const headers = new Headers({ 'Set-Cookie': await createUserSession(result.value.userId) })
  // The language chosen on the account follows the person to this browser.
  const chosen = languageOfAccount(result.value.userId)
  if (isOffered(chosen)) headers.append('Set-Cookie', languageCookie(chosen))
  return redirect(safeRedirectPath(redirectTo), { headers })
}

const LABELS = { get email() {
    return tr({ id: 'login.labels.email', defaultMessage: 'Email address' })
  }, get password() {
    return tr({ id: 'login.labels.password', defaultMessage: 'Password' })
  }, }

export default function LoginPage() {
  const i18n = useT()
  const { t } = i18n
  const { constraint } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const [form, fields] = useActionForm('login', constraint, { email: '', password: '' }, lastResult)
  return (
    <div className="form">
      <h1>{t({ id: 'login.log_in', defaultMessage: 'Log in' })}</h1>
      <ErrorSummary form={form} labels={LABELS} />
      <Form method="post" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
        <TextField meta={fields.email} label={LABELS.email} type="email" autoComplete="username" />
        <TextField meta={fields.password} label={LABELS.password} type="password" autoComplete="current-password" />
        <div className="actions">
          <SubmitButton pendingText={t({ id: 'login.logging_in', defaultMessage: 'Logging in…' })}>{t({ id: 'login.log_in', defaultMessage: 'Log in' })}</SubmitButton>
        </div>
      </Form>
      <p>
        {i18n.rich(
          { id: 'login.new_to_lantern_sign_up', defaultMessage: 'New to Lantern? <link>Create an account for your organisation</link>.' },
          { link: (chunks) => <Link key="signup" to="/signup">{chunks}</Link> },
        )}
      </p>
    </div>
  )
}
