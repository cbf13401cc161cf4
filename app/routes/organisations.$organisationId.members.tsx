import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { RowAction, SubmitButton } from '../shared/ui/forms'
import { roleOptions } from '../shared/ui/options'
import { INVITE_TTL_DAYS } from '../shared/permissions/policy'
import { ROLE_LABELS } from '../shared/permissions/roles'
import { memberActionSchema } from '../features/organisations'
import { createInvite, listOpenInvites, changeMemberRole, listMembers, removeMember } from '../features/organisations/index.server'
import { organisationParams, parseParams } from '../shared/params.server'
import { readForm, siteOrigin } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { COMMON, defineMessage, defineMessages, pageTitle, tr, useT } from '../shared/i18n'

const m = defineMessages({
  didNotWork: { id: 'forms.did_not_work', defaultMessage: 'That did not work.' },
  roleChanged: { id: 'organisations.members.role_changed', defaultMessage: 'The role has been changed. That person must log in again.' },
  removed: { id: 'organisations.members.removed', defaultMessage: 'The member has been removed.' },
  inviteLink: {
    id: 'organisations.members.invite_link',
    defaultMessage:
      'Invite link for a new {role, select, org_admin {organisation admin} other {member}}, valid until {date}. Copy it now: it is not shown again.',
  },
  openInvite: { id: 'organisations.members.open_invite', defaultMessage: '{role}, expires {date}' },
  noEmail: {
    id: 'organisations.members.no_email',
    defaultMessage: 'Lantern sends no email. Create an invite link and give it to the person yourself; it works once and expires after {days, plural, one {# day} other {# days}}.',
  },
})

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.members', defaultMessage: 'Members' }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { organisationId } = parseParams(params, organisationParams)
  const [members, invites] = await Promise.all([listMembers(actor, organisationId), listOpenInvites(actor, organisationId)])
  return {
    selfUserId: actor.userId,
    members: members.map((m) => ({ ...m, since: m.since.toISOString() })),
    invites: invites.map((i) => ({ id: i.id, role: i.role, expiresAt: i.expiresAt.toISOString() })),
  }
}

type ActionResult =
  | { kind: 'invite'; url: string; role: keyof typeof ROLE_LABELS; expiresAt: string }
  | { kind: 'error'; membershipId: number | null; message: string }
  | { kind: 'done'; message: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { organisationId } = parseParams(params, organisationParams)
  const submission = parseWithZod(await readForm(request), { schema: memberActionSchema })
  if (submission.status !== 'success') {
    const message = Object.values(submission.error ?? {}).flat().join('. ') || tr(COMMON.formWrong)
    return data<ActionResult>({ kind: 'error', membershipId: null, message }, { status: 400 })
  }
  const input = submission.value
  if (input.intent === 'create-invite') {
    const invite = await createInvite(actor, organisationId, input.role)
    return data<ActionResult>({
      kind: 'invite',
      url: `${siteOrigin(request)}/join/${invite.token}`,
      role: invite.role,
      expiresAt: invite.expiresAt.toISOString(),
    })
  }
  const outcome =
    input.intent === 'change-role'
      ? await changeMemberRole(actor, organisationId, input.membershipId, input.role)
      : await removeMember(actor, organisationId, input.membershipId)
  if (!outcome.ok) {
    return data<ActionResult>(
      { kind: 'error', membershipId: input.membershipId, message: outcome.formErrors?.join(' ') ?? tr(m.didNotWork) },
      { status: 400 },
    )
  }
  return data<ActionResult>({
    kind: 'done',
    message: tr(input.intent === 'change-role' ? m.roleChanged : m.removed),
  })
}

export default function Members() {
  const i18n = useT()
  const { t } = i18n
  const { members, invites, selfUserId } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <h2>{t({ id: 'organisations.members.members', defaultMessage: 'Members' })}</h2>
      {result?.kind === 'done' ? (
        <div className="notice notice--success" role="status">
          <p>{result.message}</p>
        </div>
      ) : null}
      {result?.kind === 'error' && result.membershipId === null ? (
        <div className="error-summary" role="alert">
          <p className="error-summary__title">{result.message}</p>
        </div>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t({ id: 'organisations.members.members_of_this_organisation', defaultMessage: 'Members of this organisation' })}</caption>
          <thead>
            <tr>
              <th scope="col">{t({ id: 'organisations.members.name', defaultMessage: 'Name' })}</th>
              <th scope="col">{t({ id: 'organisations.members.email', defaultMessage: 'Email' })}</th>
              <th scope="col">{t({ id: 'organisations.members.role', defaultMessage: 'Role' })}</th>
              <th scope="col">{t({ id: 'organisations.members.remove', defaultMessage: 'Remove' })}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const error = result?.kind === 'error' && result.membershipId === m.membershipId ? result.message : null
              const errorId = `member-${m.membershipId}-error`
              return (
                <tr key={m.membershipId}>
                  <th scope="row">
                    {m.name}
                    {m.userId === selfUserId ? <span className="muted"> {' '}{t({ id: 'organisations.members.you', defaultMessage: '(you)' })}</span> : null}
                  </th>
                  <td>{m.email}</td>
                  <td>
                    {m.role === 'member' || m.role === 'org_admin' ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="membershipId" value={m.membershipId} />
                        <label className="visually-hidden" htmlFor={`role-${m.membershipId}`}>
                          {t({ id: 'organisations.members.role_of', defaultMessage: 'Role of {name}' }, { name: m.name })}</label>
                        <select
                          id={`role-${m.membershipId}`}
                          name="role"
                          defaultValue={m.role}
                          className="select"
                          aria-describedby={error ? errorId : undefined}
                        >
                          {roleOptions(t).map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button button--secondary button--small">
                          {t({ id: 'organisations.members.change_role', defaultMessage: 'Change role' })}<span className="visually-hidden"> {t({ id: 'organisations.members.of', defaultMessage: 'of {name}' }, { name: m.name })}</span>
                        </button>
                      </Form>
                    ) : (
                      <span>
                        {t(ROLE_LABELS[m.role])} <span className="muted">{t({ id: 'organisations.members.granted_by_a_platform_admin', defaultMessage: '(granted by a platform admin)' })}</span>
                      </span>
                    )}
                    {error ? (
                      <p className="field__error" id={errorId} role="alert">
                        {error}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <RowAction intent="remove-member" fields={{ membershipId: m.membershipId }} about={m.name}>
                      {t({ id: 'organisations.members.remove', defaultMessage: 'Remove' })}</RowAction>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      <h2>{t({ id: 'organisations.members.invite_someone', defaultMessage: 'Invite someone' })}</h2>
      <p>
        {t(m.noEmail, { days: INVITE_TTL_DAYS })}
      </p>
      {result?.kind === 'invite' ? (
        <div className="notice notice--success" role="status">
          <p>
            {t(m.inviteLink, { role: result.role, date: i18n.date(result.expiresAt) })}
          </p>
          <p className="copy-box" data-testid="invite-link">
            {result.url}
          </p>
        </div>
      ) : null}
      <Form method="post" className="inline-form">
        <label htmlFor="invite-role" className="field__label">
          {t({ id: 'organisations.members.role_of_the_new_member', defaultMessage: 'Role of the new member' })}</label>
        <select id="invite-role" name="role" defaultValue="member" className="select">
          {roleOptions(t).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <SubmitButton name="intent" value="create-invite" pendingText={t({ id: 'organisations.members.creating_link', defaultMessage: 'Creating link…' })} variant="secondary">
          {t({ id: 'organisations.members.create_invite_link', defaultMessage: 'Create invite link' })}</SubmitButton>
      </Form>
      {invites.length > 0 ? (
        <>
          <h3>{t({ id: 'organisations.members.open_invites', defaultMessage: 'Open invites' })}</h3>
          <ul>
            {invites.map((i) => (
              <li key={i.id}>
                {t(m.openInvite, { role: t(ROLE_LABELS[i.role]), date: i18n.date(i.expiresAt) })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
