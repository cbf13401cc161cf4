import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { idField } from '../shared/ui/fields'
import { listNotifications, markRead } from '../features/notifications/index.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.notifications', defaultMessage: 'Notifications' }))

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const items = await listNotifications(actor)
  return { items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), read: n.readAt !== null })) }
}

const schema = z.discriminatedUnion('intent', [z.object({ intent: z.literal('read'), id: idField }), z.object({ intent: z.literal('read-all') })])

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const submission = parseWithZod(await readForm(request), { schema })
  if (submission.status !== 'success') return data({ ok: false }, { status: 400 })
  await markRead(actor, submission.value.intent === 'read' ? submission.value.id : undefined)
  return { ok: true }
}

export default function Notifications() {
  const i18n = useT()
  const { t } = i18n
  const { items } = useLoaderData<typeof loader>()
  const unread = items.filter((n) => !n.read).length
  return (
    <>
      <h1>{t({ id: 'notifications.notifications', defaultMessage: 'Notifications' })}</h1>
      <p className="lede">{t({ id: 'notifications.lantern_tells_your_organisation_when_a', defaultMessage: '{unread, plural, =0 {Nothing new.} other {# unread.}} Lantern tells your organisation when a campaign of another organisation overlaps one of yours at a high level.' }, { unread })}</p>
      {unread > 1 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="read-all" />
          <button type="submit" className="button button--secondary">{t({ id: 'notifications.mark_all_as_read', defaultMessage: 'Mark all as read' })}</button>
        </Form>
      ) : null}
      <ul className="overlaps">
        {items.map((n) => (
          <li key={n.id} className={n.read ? 'overlap overlap--low' : 'overlap overlap--high'}>
            <p className="muted">
              {i18n.date(n.createdAt)} {n.read ? t({ id: 'notifications.read', defaultMessage: '· read' }) : <strong>{t({ id: 'notifications.new', defaultMessage: '· new' })}</strong>}
            </p>
            <p>
              {n.other
                ? i18n.rich(
                    { id: 'notifications.high_overlap_other', defaultMessage: 'High overlap with <campaignLink>{campaign}</campaignLink>: <otherLink>{other}</otherLink> by {organisation}.' },
                    {
                      campaign: n.campaign.title,
                      other: n.other.title,
                      organisation: n.other.organisation,
                      campaignLink: (chunks) => <Link key="campaign" to={`/campaigns/${n.campaign.id}`}>{chunks}</Link>,
                      otherLink: (chunks) => <Link key="other" to={`/campaigns/${n.other!.id}`}>{chunks}</Link>,
                    },
                  )
                : i18n.rich(
                    { id: 'notifications.high_overlap_private', defaultMessage: 'High overlap with <campaignLink>{campaign}</campaignLink>: one private campaign overlaps — ask the coordinator.' },
                    { campaign: n.campaign.title, campaignLink: (chunks) => <Link key="campaign" to={`/campaigns/${n.campaign.id}`}>{chunks}</Link> },
                  )}
            </p>
            {n.read ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="read" />
                <input type="hidden" name="id" value={n.id} />
                <button type="submit" className="button button--link">
                  {t({ id: 'notifications.mark_as_read', defaultMessage: 'Mark as read' })}<span className="visually-hidden">: {n.campaign.title}</span>
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
