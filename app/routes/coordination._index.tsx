import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { assertCan } from '../services/permissions.server'
import { requireSession } from '../services/session.server'

export const meta: MetaFunction = () => [{ title: 'Coordination – Lantern' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  assertCan(actor, 'overlap.review', null)
  return null
}

// The overlap workspace (issue #4) fills this page.
export default function Coordination() {
  return (
    <>
      <h1>Coordination</h1>
      <p className="lede">There are no campaigns to compare yet.</p>
      <p>When organisations register campaigns, overlaps between them in the same region and period will be listed here for review.</p>
    </>
  )
}
