import type { ActionFunctionArgs } from '@remix-run/node'
import { notFound } from '../shared/http.server'
import { assertSameOrigin } from '../shared/request.server'

// Any URL no other route claims gets the friendly 404 page from the root error boundary.
export async function loader() {
  notFound()
}

export async function action({ request }: ActionFunctionArgs) {
  assertSameOrigin(request)
  notFound()
}

export default function NotFound() {
  return null
}
