import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { navigationFor } from '../shared/ui/navigation'
import { ROLE_LABELS } from '../shared/permissions/roles'
import { getSession } from '../features/accounts/index.server'

export const meta: MetaFunction = () => [
  { title: 'Lantern – awareness campaigns against human trafficking' },
  {
    name: 'description',
    content: 'Plan and register awareness campaigns, spot duplication between organisations, and measure what changed.',
  },
]

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const welcome = new URL(request.url).searchParams.get('welcome') === '1'
  if (!session) return { user: null, welcome: false }
  const { user } = session
  return { user, welcome }
}

const DESCRIPTIONS: Record<string, string> = {
  '/campaigns': 'Plan and register campaigns with a target group, channels, regions and measurable outcomes.',
  '/coordination': 'See where campaigns of different organisations overlap, and review them.',
  '/dashboards': 'What changed, by how much, and how certain we are.',
  '/admin': 'Approve organisations and grant coordinator and donor roles.',
  '/account': 'Your details and password.',
}

export default function Home() {
  const { user, welcome } = useLoaderData<typeof loader>()
  if (!user) {
    return (
      <>
        <h1>Awareness campaigns that reach the right people and prove what they changed</h1>
        <p className="lede">
          Lantern helps organisations that fight human trafficking plan their awareness campaigns, see when another
          organisation is about to run the same campaign for the same people in the same place, and show with
          before-and-after surveys whether a campaign changed what people know, believe and intend to do.
        </p>
        <div className="actions">
          <Link to="/signup" className="button button--primary">
            Register your organisation
          </Link>
          <Link to="/login">Log in</Link>
        </div>
        <h2>Who it is for</h2>
        <ul className="cards">
          <li className="card">
            <h3>Communications staff of NGOs</h3>
            <p>Register campaigns with a clear target group and outcome indicators with a baseline and a target.</p>
          </li>
          <li className="card">
            <h3>Coordinating bodies</h3>
            <p>See duplication and gaps between organisations’ campaigns in the same region and period.</p>
          </li>
          <li className="card">
            <h3>Donors</h3>
            <p>See outcome dashboards: what changed, by how much, and how certain it is.</p>
          </li>
        </ul>
        <p>
          <Link to="/campaigns">Browse published campaigns</Link>
        </p>
      </>
    )
  }
  const organisationId = user.organisation?.id ?? null
  const items = navigationFor({ isPlatformAdmin: user.isPlatformAdmin, role: user.role, organisationId })
  return (
    <>
      <h1>Welcome, {user.name}</h1>
      {welcome ? (
        <div className="notice notice--success" role="status">
          <p>Your account and your organisation have been created.</p>
        </div>
      ) : null}
      {user.organisation ? (
        <p className="lede">
          You are {user.role === 'org_admin' ? 'an' : 'a'} {ROLE_LABELS[user.role!].label.toLowerCase()} of{' '}
          <Link to={`/organisations/${user.organisation.id}`}>{user.organisation.name}</Link>.
        </p>
      ) : user.isPlatformAdmin ? (
        <p className="lede">You run this Lantern installation as its platform admin.</p>
      ) : (
        <div className="notice notice--warning">
          <p>You are not a member of any organisation. Ask an organisation admin for an invite link.</p>
        </div>
      )}
      {user.organisation && !user.organisation.approved ? (
        <div className="notice notice--warning">
          <h2 className="error-summary__title">Waiting for approval</h2>
          <p>
            A platform admin has not approved {user.organisation.name} yet. You can prepare drafts; nothing you make is
            visible to other organisations until the organisation is approved.
          </p>
        </div>
      ) : null}
      <ul className="cards">
        {items
          .filter((item) => item.to !== `/organisations/${organisationId}`)
          .map((item) => (
            <li className="card" key={item.to}>
              <h2>
                <Link to={item.to}>{item.label}</Link>
              </h2>
              <p>{DESCRIPTIONS[item.to]}</p>
            </li>
          ))}
      </ul>
    </>
  )
}
