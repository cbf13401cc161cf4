import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { useNonce } from './shared/ui/nonce'
import { navigationFor } from './shared/ui/navigation'
import { ROLE_LABELS } from './shared/permissions/roles'
import { unreadCount } from './features/notifications/index.server'
import { getSession } from './features/accounts/index.server'
import stylesUrl from './styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Lantern' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const user = session
    ? {
        name: session.user.name,
        isPlatformAdmin: session.user.isPlatformAdmin,
        role: session.user.role,
        organisation: session.user.organisation,
        unread: unreadCount(session.actor),
      }
    : null
  const headers = session?.refreshedCookie ? { 'Set-Cookie': session.refreshedCookie } : undefined
  return data({ user }, { headers })
}

export type RootUser = Awaited<ReturnType<typeof loader>>['data']['user']

export function useOptionalUser(): RootUser {
  return useRouteLoaderData<typeof loader>('root')?.user ?? null
}

function Header() {
  const user = useOptionalUser()
  const items = navigationFor(
    user ? { isPlatformAdmin: user.isPlatformAdmin, role: user.role, organisationId: user.organisation?.id ?? null } : null,
  )
  return (
    <header className="header">
      <div className="header__inner container">
        <Link to="/" className="header__brand">
          <span aria-hidden="true" className="header__logo" />
          Lantern
        </Link>
        <nav aria-label="Main" className="header__nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} prefetch="intent">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header__account">
          {user ? (
            <>
              {user.organisation ? (
                <Link to="/notifications" className="header__notifications">
                  Notifications{user.unread ? <span className="badge"> {user.unread}<span className="visually-hidden"> unread</span></span> : null}
                </Link>
              ) : null}
              <span className="header__who">
                {user.name}
                {user.role ? <span className="header__role"> · {ROLE_LABELS[user.role].label}</span> : null}
                {user.isPlatformAdmin ? <span className="header__role"> · Platform admin</span> : null}
              </span>
              <Form method="post" action="/logout">
                <button type="submit" className="button button--link">
                  Log out
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login">Log in</Link>
              <Link to="/signup" className="button button--secondary button--small">
                Sign up
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main-content" className="skip-link">
          Skip to main content
        </a>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

function Shell({ children }: { children: ReactNode }) {
  return (
    <>
      <Header />
      <main id="main-content" className="container main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="container">
          Lantern — plan, coordinate and evaluate awareness campaigns against human trafficking.
        </div>
      </footer>
    </>
  )
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  )
}

const ERROR_PAGES: Record<number, { title: string; body: string }> = {
  400: { title: 'Something in the request was not right', body: 'Go back, check what you entered and try again.' },
  403: { title: 'You do not have access to this page', body: 'Your role does not allow this. If you think it should, ask your organisation admin.' },
  404: { title: 'Page not found', body: 'If you typed the web address, check it is correct. If you followed a link, it may be out of date.' },
  405: { title: 'That cannot be done here', body: 'This page does not accept that kind of request.' },
  410: { title: 'This link no longer works', body: 'Links like this one can be used once and expire after a while.' },
}

export function ErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const page = ERROR_PAGES[status] ?? {
    title: 'Sorry, something went wrong on our side',
    body: 'Try again in a few minutes. What you had saved is safe.',
  }
  // A message written for people (thrown by a service) is shown; nothing else is.
  const detail = isRouteErrorResponse(error) && typeof error.data === 'string' ? error.data : null
  return (
    <Shell>
      <title>{`${page.title} – Lantern`}</title>
      <div className="error-page">
        <p className="error-page__status">Error {status}</p>
        <h1>{page.title}</h1>
        {detail && detail !== page.body ? <p>{detail}</p> : null}
        <p>{page.body}</p>
        <p>
          <Link to="/">Go to the Lantern home page</Link>
        </p>
      </div>
    </Shell>
  )
}
