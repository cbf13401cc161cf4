import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { assertSameOrigin } from '../services/request.server'
import { destroySession } from '../services/session.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  return redirect('/', { headers: { 'Set-Cookie': await destroySession(request) } })
}
