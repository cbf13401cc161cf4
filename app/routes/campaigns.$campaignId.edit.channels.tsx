import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { SectionPage, useSectionForm } from '../shared/ui/section-page'
import { ChoiceGroup, TextAreaField, TextField } from '../shared/ui/forms'
import { termChoices } from '../shared/ui/options'
import { CHANNELS } from '../shared/taxonomy/taxonomy'
import { channelsSchema } from '../features/campaigns'
import { loadForEdit, sectionAction, updateChannels } from '../features/campaigns/index.server'
import { changeResults } from '../features/results/index.server'
import { constraintOf } from '../shared/forms.server'
import { defineMessage, defineMessages, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.channels_and_key_messages', defaultMessage: 'Channels and key messages' }))

export async function loader(args: LoaderFunctionArgs) {
  const { stored } = await loadForEdit(args)
  const c = stored.campaign
  return {
    constraint: constraintOf(channelsSchema),
    campaign: { id: stored.row.id, title: c.title },
    defaults: { channels: c.channels as string[], channelOther: c.channelOther, keyMessages: c.keyMessages },
  }
}

// Reach by channel counts the campaign's channels, a total its summary keeps.
export const action = sectionAction(channelsSchema, (actor, id, value) => changeResults(actor, id, (change) => updateChannels(change, value), { totalsOnly: true }))

const m = defineMessages({
  heading: { id: 'titles.channels_and_key_messages', defaultMessage: 'Channels and key messages' },
  channels: { id: 'campaigns.fields.channels', defaultMessage: 'Channels' },
  channelOther: { id: 'campaigns.fields.channel_other_label', defaultMessage: 'Other channel' },
  keyMessages: { id: 'campaigns.fields.key_messages', defaultMessage: 'Key messages' },
  channelsHint: { id: 'campaigns.channels.hint', defaultMessage: 'How the campaign reaches its audiences. Choose all that apply.' },
  onlyOther: { id: 'forms.only_if_other', defaultMessage: 'Only if you chose “Other”.' },
  keyMessagesHint: { id: 'campaigns.channels.key_messages_hint', defaultMessage: 'The few things you want people to remember, one per line.' },
})

export default function Channels() {
  const { campaign, defaults, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('campaign-channels', constraint, defaults)
  const { t } = useT()
  const LABELS = { channels: t(m.channels), channelOther: t(m.channelOther), keyMessages: t(m.keyMessages) }
  return (
    <SectionPage title={t(m.heading)} campaign={campaign} form={form} labels={LABELS}>
      <ChoiceGroup meta={fields.channels} legend={LABELS.channels} hint={t(m.channelsHint)} type="checkbox" columns choices={termChoices(t, CHANNELS)} />
      <TextField meta={fields.channelOther} label={LABELS.channelOther} hint={t(m.onlyOther)} />
      <TextAreaField meta={fields.keyMessages} label={LABELS.keyMessages} hint={t(m.keyMessagesHint)} rows={6} />
    </SectionPage>
  )
}
