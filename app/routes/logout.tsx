import { type ActionFunctionArgs, redirect } from '@remix-run/node'
import { assertSameOrigin } from '../shared/request.server'
import { destroySession } from '../features/accounts/index.server'

export async function loader() {
  return redirect('/')
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  return redirect('/', { headers: { 'Set-Cookie': await destroySession(request) } })
}
