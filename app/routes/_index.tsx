import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { navigationFor } from '../shared/ui/navigation'
import { getSession } from '../features/accounts/index.server'
import { defineMessages, matchesTranslator, useT } from '../shared/i18n'

const m = defineMessages({
  title: { id: 'home.meta.title', defaultMessage: 'Lantern – awareness campaigns against human trafficking' },
  description: { id: 'home.meta.description', defaultMessage: 'Plan and register awareness campaigns, spot duplication between organisations, and measure what changed.' },
  youAre: {
    id: 'home.you_are_role_of',
    defaultMessage:
      'You are {role, select, member {a member} org_admin {an organisation admin} coordinator {a coordinator} donor {a donor} other {a member}} of <link>{organisation}</link>.',
  },
})

export const meta: MetaFunction = ({ matches }) => {
  const { t } = matchesTranslator(matches)
  return [{ title: t(m.title) }, { name: 'description', content: t(m.description) }]
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const welcome = new URL(request.url).searchParams.get('welcome') === '1'
  if (!session) return { user: null, welcome: false }
  const { user } = session
  return { user, welcome }
}

const DESCRIPTIONS = defineMessages({
  '/campaigns': { id: 'home.cards.campaigns', defaultMessage: 'Plan and register campaigns with a target group, channels, regions and measurable outcomes.' },
  '/coordination': { id: 'home.cards.coordination', defaultMessage: 'See where campaigns of different organisations overlap, and review them.' },
  '/dashboards': { id: 'home.cards.dashboards', defaultMessage: 'What changed, by how much, and how certain we are.' },
  '/admin': { id: 'home.cards.admin', defaultMessage: 'Approve organisations and grant coordinator and donor roles.' },
  '/account': { id: 'home.cards.account', defaultMessage: 'Your details and password.' },
})

export default function Home() {
  const i18n = useT()
  const { t } = i18n
  const { user, welcome } = useLoaderData<typeof loader>()
  if (!user) {
    return (
      <>
        <h1>{t({ id: 'home.awareness_campaigns_that_reach_the_right', defaultMessage: 'Awareness campaigns that reach the right people and prove what they changed' })}</h1>
        <p className="lede">
          {t({ id: 'home.lantern_helps_organisations_that_fight_human', defaultMessage: 'Lantern helps organisations that fight human trafficking plan their awareness campaigns, see when another organisation is about to run the same campaign for the same people in the same place, and show with before-and-after surveys whether a campaign changed what people know, believe and intend to do.' })}</p>
        <div className="actions">
          <Link to="/signup" className="button button--primary">
            {t({ id: 'home.register_your_organisation', defaultMessage: 'Register your organisation' })}</Link>
          <Link to="/login">{t({ id: 'home.log_in', defaultMessage: 'Log in' })}</Link>
        </div>
        <h2>{t({ id: 'home.who_it_is_for', defaultMessage: 'Who it is for' })}</h2>
        <ul className="cards">
          <li className="card">
            <h3>{t({ id: 'home.communications_staff_of_ngos', defaultMessage: 'Communications staff of NGOs' })}</h3>
            <p>{t({ id: 'home.register_campaigns_with_a_clear_target', defaultMessage: 'Register campaigns with a clear target group and outcome indicators with a baseline and a target.' })}</p>
          </li>
          <li className="card">
            <h3>{t({ id: 'home.coordinating_bodies', defaultMessage: 'Coordinating bodies' })}</h3>
            <p>{t({ id: 'home.see_duplication_and_gaps_between_organisations', defaultMessage: 'See duplication and gaps between organisations’ campaigns in the same region and period.' })}</p>
          </li>
          <li className="card">
            <h3>{t({ id: 'home.donors', defaultMessage: 'Donors' })}</h3>
            <p>{t({ id: 'home.see_outcome_dashboards_what_changed_by', defaultMessage: 'See outcome dashboards: what changed, by how much, and how certain it is.' })}</p>
          </li>
        </ul>
        <p>
          <Link to="/campaigns">{t({ id: 'home.browse_published_campaigns', defaultMessage: 'Browse published campaigns' })}</Link>
        </p>
      </>
    )
  }
  const organisationId = user.organisation?.id ?? null
  const items = navigationFor({ isPlatformAdmin: user.isPlatformAdmin, role: user.role, organisationId })
  return (
    <>
      <h1>{t({ id: 'home.welcome', defaultMessage: 'Welcome, {name}' }, { name: user.name })}</h1>
      {welcome ? (
        <div className="notice notice--success" role="status">
          <p>{t({ id: 'home.your_account_and_your_organisation_have', defaultMessage: 'Your account and your organisation have been created.' })}</p>
        </div>
      ) : null}
      {user.organisation ? (
        <p className="lede">
          {i18n.rich(m.youAre, {
            role: user.role ?? 'member',
            organisation: user.organisation.name,
            link: (chunks) => (
              <Link key="organisation" to={`/organisations/${user.organisation!.id}`}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : user.isPlatformAdmin ? (
        <p className="lede">{t({ id: 'home.you_run_this_lantern_installation_as', defaultMessage: 'You run this Lantern installation as its platform admin.' })}</p>
      ) : (
        <div className="notice notice--warning">
          <p>{t({ id: 'home.you_are_not_a_member_of', defaultMessage: 'You are not a member of any organisation. Ask an organisation admin for an invite link.' })}</p>
        </div>
      )}
      {user.organisation && !user.organisation.approved ? (
        <div className="notice notice--warning">
          <h2 className="error-summary__title">{t({ id: 'home.waiting_for_approval', defaultMessage: 'Waiting for approval' })}</h2>
          <p>
            {t({ id: 'home.a_platform_admin_has_not_approved', defaultMessage: 'A platform admin has not approved {name} yet. You can prepare drafts; nothing you make is visible to other organisations until the organisation is approved.' }, { name: user.organisation.name })}</p>
        </div>
      ) : null}
      <ul className="cards">
        {items
          .filter((item) => item.to !== `/organisations/${organisationId}`)
          .map((item) => (
            <li className="card" key={item.to}>
              <h2>
                <Link to={item.to}>{t(item.label)}</Link>
              </h2>
              {item.to in DESCRIPTIONS ? <p>{t(DESCRIPTIONS[item.to as keyof typeof DESCRIPTIONS])}</p> : null}
            </li>
          ))}
      </ul>
    </>
  )
}
