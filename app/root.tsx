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
import { DEFAULT_LOCALE, defineMessages, directionOf, LOCALES, PSEUDO_LOCALE, isSentence, TranslatorProvider, useT, currentScope, currentTranslator, recordAsHtml, SAME_WORDS_ID, type AnyLocale } from './shared/i18n'
import { localeOf, pseudoLocaleEnabled, publishedCatalogue } from './shared/i18n/index.server'
import { LanguageSwitcher } from './shared/ui/language-switcher'
import stylesUrl from './styles/app.css?url'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Lantern' }]

const messages = defineMessages({
  notifications: { id: 'shell.notifications', defaultMessage: 'Notifications' },
  unread: { id: 'shell.notifications.unread', defaultMessage: '{count, plural, one {# unread notification} other {# unread notifications}}' },
  logOut: { id: 'shell.log_out', defaultMessage: 'Log out' },
  logIn: { id: 'shell.log_in', defaultMessage: 'Log in' },
  signUp: { id: 'shell.sign_up', defaultMessage: 'Sign up' },
  mainNav: { id: 'shell.main_navigation', defaultMessage: 'Main' },
  skip: { id: 'shell.skip_to_content', defaultMessage: 'Skip to main content' },
  footer: { id: 'shell.footer', defaultMessage: 'Lantern — plan, coordinate and evaluate awareness campaigns against human trafficking.' },
  errorStatus: { id: 'errors.status', defaultMessage: 'Error {status}' },
  errorTitle: { id: 'errors.page_title', defaultMessage: '{title} – Lantern' },
  home: { id: 'errors.home', defaultMessage: 'Go to the Lantern home page' },
})

const ERROR_PAGES = {
  400: defineMessages({
    title: { id: 'errors.400.title', defaultMessage: 'Something in the request was not right' },
    body: { id: 'errors.400.body', defaultMessage: 'Go back, check what you entered and try again.' },
  }),
  403: defineMessages({
    title: { id: 'errors.403.title', defaultMessage: 'You do not have access to this page' },
    body: { id: 'errors.403.body', defaultMessage: 'Your role does not allow this. If you think it should, ask your organisation admin.' },
  }),
  404: defineMessages({
    title: { id: 'errors.404.title', defaultMessage: 'Page not found' },
    body: { id: 'errors.404.body', defaultMessage: 'If you typed the web address, check it is correct. If you followed a link, it may be out of date.' },
  }),
  405: defineMessages({
    title: { id: 'errors.405.title', defaultMessage: 'That cannot be done here' },
    body: { id: 'errors.405.body', defaultMessage: 'This page does not accept that kind of request.' },
  }),
  410: defineMessages({
    title: { id: 'errors.410.title', defaultMessage: 'This link no longer works' },
    body: { id: 'errors.410.body', defaultMessage: 'Links like this one can be used once and expire after a while.' },
  }),
  500: defineMessages({
    title: { id: 'errors.500.title', defaultMessage: 'Sorry, something went wrong on our side' },
    body: { id: 'errors.500.body', defaultMessage: 'Try again in a few minutes. What you had saved is safe.' },
  }),
}

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const locale = localeOf(request)
  const offered: AnyLocale[] = pseudoLocaleEnabled() ? [...LOCALES, PSEUDO_LOCALE] : [...LOCALES]
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
  const catalogue = `/locales/${locale}.json?v=${publishedCatalogue(locale)!.version}`
  return data({ user, locale, offered, catalogue }, { headers })
}

// The language and its catalogue come with the document: a page in another
// language is a new document (the switcher reloads it).
export const shouldRevalidate = ({ defaultShouldRevalidate, formAction }: { defaultShouldRevalidate: boolean; formAction?: string }) =>
  formAction === '/language' || defaultShouldRevalidate

function useRootData() {
  return useRouteLoaderData<typeof loader>('root')
}

export type RootUser = Awaited<ReturnType<typeof loader>>['data']['user']

export function useOptionalUser(): RootUser {
  return useRouteLoaderData<typeof loader>('root')?.user ?? null
}

function Header() {
  const user = useOptionalUser()
  const { t } = useT()
  const root = useRootData()
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
        <nav aria-label={t(messages.mainNav)} className="header__nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} prefetch="intent">
                  {t(item.label)}
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
                  {t(messages.notifications)}
                  {user.unread ? (
                    <span className="badge">
                      {' '}
                      <span aria-hidden="true">{user.unread}</span>
                      <span className="visually-hidden">{t(messages.unread, { count: user.unread })}</span>
                    </span>
                  ) : null}
                </Link>
              ) : null}
              <span className="header__who">
                {user.name}
                {user.role ? <span className="header__role"> · {t(ROLE_LABELS[user.role])}</span> : null}
                {user.isPlatformAdmin ? <span className="header__role"> · {t(ROLE_LABELS.platform_admin)}</span> : null}
              </span>
              <Form method="post" action="/logout">
                <button type="submit" className="button button--link">
                  {t(messages.logOut)}
                </button>
              </Form>
            </>
          ) : (
            <>
              <Link to="/login">{t(messages.logIn)}</Link>
              <Link to="/signup" className="button button--secondary button--small">
                {t(messages.signUp)}
              </Link>
            </>
          )}
        </div>
        {root ? <LanguageSwitcher locale={root.locale} offered={root.offered} /> : null}
      </div>
    </header>
  )
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce()
  const root = useRootData()
  const locale = root?.locale ?? DEFAULT_LOCALE
  const translator = currentTranslator()
  return (
    <html lang={locale} dir={directionOf(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {root ? <link rel="preload" as="fetch" crossOrigin="anonymous" href={root.catalogue} data-catalogue="" /> : null}
        <Links />
      </head>
      <body>
        <TranslatorProvider translator={translator}>
          <a href="#main-content" className="skip-link">
            {translator.t(messages.skip)}
          </a>
          {children}
        </TranslatorProvider>
        <SameWords />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

/**
 * The Intl-dependent words the server wrote, for hydration to find them again.
 * After the page's content, so that everything it recorded is in.
 */
function SameWords() {
  const recorded = typeof document === 'undefined' ? recordAsHtml(currentScope()?.recorded ?? {}) : (document.getElementById(SAME_WORDS_ID)?.textContent ?? '{}')
  return <script type="application/json" id={SAME_WORDS_ID} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: recorded }} />
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useT()
  return (
    <>
      <Header />
      <main id="main-content" className="container main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <div className="container">{t(messages.footer)}</div>
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

export function ErrorBoundary() {
  const error = useRouteError()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const { t } = useT()
  const page = ERROR_PAGES[status as keyof typeof ERROR_PAGES] ?? ERROR_PAGES[500]
  const title = t(page.title)
  const body = t(page.body)
  // A message written for people (thrown by a service) is shown, in the reader's language; nothing else is.
  const detail = isRouteErrorResponse(error) && isSentence(error.data) ? t(error.data.message, error.data.values) : null
  return (
    <Shell>
      <title>{t(messages.errorTitle, { title })}</title>
      <div className="error-page">
        <p className="error-page__status">{t(messages.errorStatus, { status })}</p>
        <h1>{title}</h1>
        {detail && detail !== body ? <p>{detail}</p> : null}
        <p>{body}</p>
        <p>
          <Link to="/">{t(messages.home)}</Link>
        </p>
      </div>
    </Shell>
  )
}
