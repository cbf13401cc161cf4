import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getSession } from '../services/session.server'

export const meta: MetaFunction = () => [{ title: 'Campaigns – Lantern' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  return { signedIn: session !== null }
}

// The campaign registry (issue #3) fills this page; until then it says so.
export default function Campaigns() {
  const { signedIn } = useLoaderData<typeof loader>()
  return (
    <>
      <h1>Campaigns</h1>
      <p className="lede">No campaigns have been registered on this Lantern yet.</p>
      <p>
        The campaign registry — target groups, channels, regions, objectives and outcome indicators — is the next part
        of Lantern to be built.
      </p>
      {signedIn ? null : (
        <p>
          <Link to="/login">Log in</Link> to see your organisation’s work.
        </p>
      )}
    </>
  )
}
