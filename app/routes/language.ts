import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { z } from 'zod'
import { chooseLanguage, getSession } from '../features/accounts/index.server'
import { isOffered, languageCookie } from '../shared/i18n/index.server'
import { safeRedirectPath } from '../shared/http.server'
import { assertSameOrigin, readForm } from '../shared/request.server'

export async function loader() {
  return redirect('/')
}

const choice = z.object({ locale: z.string().refine(isOffered), returnTo: z.string().optional() })

// The switcher's form: an unknown language is ignored, not an error page, and
// the reader comes back to the page they were on.
export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  const form = await readForm(request)
  const parsed = choice.safeParse(Object.fromEntries(form))
  const back = safeRedirectPath(form.get('returnTo'))
  if (!parsed.success) return redirect(back)
  const session = await getSession(request)
  if (session) chooseLanguage(session.user.id, parsed.data.locale)
  return redirect(back, { headers: { 'Set-Cookie': languageCookie(parsed.data.locale) } })
}
