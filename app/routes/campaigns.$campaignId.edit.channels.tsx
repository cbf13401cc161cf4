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

export const meta: MetaFunction = () => [{ title: 'Channels and key messages – Lantern' }]

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

const LABELS = { channels: 'Channels', channelOther: 'Other channel', keyMessages: 'Key messages' }

export default function Channels() {
  const { campaign, defaults, constraint } = useLoaderData<typeof loader>()
  const [form, fields] = useSectionForm('campaign-channels', constraint, defaults)
  return (
    <SectionPage title="Channels and key messages" campaign={campaign} form={form} labels={LABELS}>
      <ChoiceGroup meta={fields.channels} legend={LABELS.channels} hint="How the campaign reaches its audiences. Choose all that apply." type="checkbox" columns choices={termChoices(CHANNELS.terms)} />
      <TextField meta={fields.channelOther} label={LABELS.channelOther} hint="Only if you chose “Other”." />
      <TextAreaField meta={fields.keyMessages} label={LABELS.keyMessages} hint="The few things you want people to remember, one per line." rows={6} />
    </SectionPage>
  )
}
