import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { RowAction, SubmitButton } from '../shared/ui/forms'
import { ORG_ROLE_OPTIONS } from '../shared/ui/options'
import { INVITE_TTL_DAYS } from '../shared/permissions/policy'
import { ROLE_LABELS } from '../shared/permissions/roles'
import { memberActionSchema } from '../features/organisations'
import { createInvite, listOpenInvites, changeMemberRole, listMembers, removeMember } from '../features/organisations/index.server'
import { organisationParams, parseParams } from '../shared/params.server'
import { readForm, siteOrigin } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'

export const meta: MetaFunction = () => [{ title: 'Members – Lantern' }]

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
    const message = Object.values(submission.error ?? {}).flat().join('. ') || 'Something in the form was not right.'
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
      { kind: 'error', membershipId: input.membershipId, message: outcome.formErrors?.join(' ') ?? 'That did not work.' },
      { status: 400 },
    )
  }
  return data<ActionResult>({
    kind: 'done',
    message: input.intent === 'change-role' ? 'The role has been changed. That person must log in again.' : 'The member has been removed.',
  })
}

export default function Members() {
  const { members, invites, selfUserId } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <>
      <h2>Members</h2>
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
          <caption className="visually-hidden">Members of this organisation</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Remove</th>
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
                    {m.userId === selfUserId ? <span className="muted"> (you)</span> : null}
                  </th>
                  <td>{m.email}</td>
                  <td>
                    {m.role === 'member' || m.role === 'org_admin' ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="membershipId" value={m.membershipId} />
                        <label className="visually-hidden" htmlFor={`role-${m.membershipId}`}>
                          Role of {m.name}
                        </label>
                        <select
                          id={`role-${m.membershipId}`}
                          name="role"
                          defaultValue={m.role}
                          className="select"
                          aria-describedby={error ? errorId : undefined}
                        >
                          {ORG_ROLE_OPTIONS.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label}
                            </option>
                          ))}
                        </select>
                        <button type="submit" className="button button--secondary button--small">
                          Change role<span className="visually-hidden"> of {m.name}</span>
                        </button>
                      </Form>
                    ) : (
                      <span>
                        {ROLE_LABELS[m.role].label} <span className="muted">(granted by a platform admin)</span>
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
                      Remove
                    </RowAction>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>

      <h2>Invite someone</h2>
      <p>
        Lantern sends no email. Create an invite link and give it to the person yourself; it works once and expires
        after {INVITE_TTL_DAYS} days.
      </p>
      {result?.kind === 'invite' ? (
        <div className="notice notice--success" role="status">
          <p>
            Invite link for a new {ROLE_LABELS[result.role].label.toLowerCase()}, valid until{' '}
            {result.expiresAt.slice(0, 10)}. Copy it now: it is not shown again.
          </p>
          <p className="copy-box" data-testid="invite-link">
            {result.url}
          </p>
        </div>
      ) : null}
      <Form method="post" className="inline-form">
        <label htmlFor="invite-role" className="field__label">
          Role of the new member
        </label>
        <select id="invite-role" name="role" defaultValue="member" className="select">
          {ORG_ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <SubmitButton name="intent" value="create-invite" pendingText="Creating link…" variant="secondary">
          Create invite link
        </SubmitButton>
      </Form>
      {invites.length > 0 ? (
        <>
          <h3>Open invites</h3>
          <ul>
            {invites.map((i) => (
              <li key={i.id}>
                {ROLE_LABELS[i.role].label}, expires {i.expiresAt.slice(0, 10)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  )
}
