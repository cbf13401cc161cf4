import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { assertCan } from '../services/permissions.server'
import { requireSession } from '../services/session.server'

export const meta: MetaFunction = () => [{ title: 'Dashboards – Lantern' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  assertCan(actor, 'dashboard.view', actor.membership?.organisationId ?? null)
  return null
}

// Outcome dashboards (issue #7) fill this page.
export default function Dashboards() {
  return (
    <>
      <h1>Dashboards</h1>
      <p className="lede">There are no survey results to show yet.</p>
      <p>Once campaigns record baseline and endline surveys, what changed and by how much will be shown here.</p>
    </>
  )
}
