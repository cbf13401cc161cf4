import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
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
      <p className="lede">Overlap detection between organisations’ campaigns is not built yet.</p>
      <p>
        Until it is, the <Link to="/campaigns">campaign list</Link> shows every campaign that is not a draft, with filters by
        country, subdivision, audience and period, and a CSV export of who does what, where and when.
      </p>
    </>
  )
}
