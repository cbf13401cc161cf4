import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, SelectField, SubmitButton, TextField, useActionForm } from '../shared/ui/forms'
import { termChoices } from '../shared/ui/options'
import { PILLARS } from '../shared/taxonomy/taxonomy'
import { createCampaignSchema } from '../features/campaigns'
import { createCampaign } from '../features/campaigns/index.server'
import { assertCan } from '../shared/permissions/permissions.server'
import { readForm } from '../shared/request.server'
import { constraintOf } from '../shared/forms.server'
import { requireSession } from '../features/accounts/index.server'
import { defineMessage, defineMessages, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.register_a_campaign', defaultMessage: 'Register a campaign' }))

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  assertCan(actor, 'campaign.edit', actor.membership?.organisationId ?? null)
  return { constraint: constraintOf(createCampaignSchema) }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const submission = parseWithZod(await readForm(request), { schema: createCampaignSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const id = await createCampaign(actor, submission.value)
  return redirect(`/campaigns/${id}/edit`)
}

const m = defineMessages({
  title: { id: 'campaigns.new.title', defaultMessage: 'Campaign title' },
  pillar: { id: 'campaigns.fields.pillar', defaultMessage: 'Pillar' },
  heading: { id: 'titles.register_a_campaign', defaultMessage: 'Register a campaign' },
  lede: {
    id: 'campaigns.new.lede',
    defaultMessage: 'Start with a title. The campaign is saved as a draft that only your organisation sees; you fill in the rest step by step.',
  },
  pillarHint: { id: 'campaigns.new.pillar_hint', defaultMessage: 'Most awareness campaigns serve prevention.' },
  creating: { id: 'campaigns.new.creating', defaultMessage: 'Creating…' },
  create: { id: 'campaigns.new.create', defaultMessage: 'Create draft' },
})

export default function NewCampaign() {
  const { constraint } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useActionForm('new-campaign', constraint, { title: '', pillar: 'prevention' }, lastResult)
  const { t } = useT()
  const LABELS = { title: t(m.title), pillar: t(m.pillar) }
  return (
    <div className="form">
      <h1>{t(m.heading)}</h1>
      <p className="lede">{t(m.lede)}</p>
      <ErrorSummary form={form} labels={LABELS} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.title} label={LABELS.title} />
        <SelectField meta={fields.pillar} label={LABELS.pillar} options={termChoices(t, PILLARS)} hint={t(m.pillarHint)} />
        <div className="actions">
          <SubmitButton pendingText={t(m.creating)}>{t(m.create)}</SubmitButton>
        </div>
      </Form>
    </div>
  )
}
