import { getFormProps } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { ErrorSummary, SelectField, SubmitButton, TextField, useActionForm } from '../shared/ui/forms'
import { countryOptions, organisationTypeOptions } from '../shared/ui/options'
import { organisationProfileSchema } from '../features/organisations'
import { getOrganisation, updateOrganisationProfile } from '../features/organisations/index.server'
import { organisationParams, parseParams } from '../shared/params.server'
import { assertCan } from '../shared/permissions/permissions.server'
import { readForm } from '../shared/request.server'
import { constraintOf } from '../shared/forms.server'
import { requireSession } from '../features/accounts/index.server'
import { defineMessage, pageTitle, timeZoneChoices, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.edit_organisation_profile', defaultMessage: 'Edit organisation profile' }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { organisationId } = parseParams(params, organisationParams)
  // An edit page is refused outright to those who may not edit, not shown read-only.
  assertCan(actor, 'organisation.edit', organisationId)
  const o = await getOrganisation(actor, organisationId)
  return {
    id: o.id,
    profile: {
      name: o.name,
      type: o.type,
      country: o.country,
      contactName: o.contactName ?? '',
      contactEmail: o.contactEmail ?? '',
      website: o.website ?? '',
      iatiIdentifier: o.iatiIdentifier ?? '',
      timeZone: o.timeZone,
    },
    timeZones: timeZoneChoices(o.country),
    constraint: constraintOf(organisationProfileSchema),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { organisationId } = parseParams(params, organisationParams)
  const submission = parseWithZod(await readForm(request), { schema: organisationProfileSchema })
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
  const outcome = await updateOrganisationProfile(actor, organisationId, submission.value)
  if (!outcome.ok) return data(submission.reply({ fieldErrors: outcome.fieldErrors }), { status: 400 })
  return redirect(`/organisations/${organisationId}`)
}

const LABELS = {
  get name() {
    return tr({ id: 'organisations.edit.labels.name', defaultMessage: 'Organisation name' })
  },
  get type() {
    return tr({ id: 'organisations.edit.labels.type', defaultMessage: 'Type of organisation' })
  },
  get country() {
    return tr({ id: 'organisations.edit.labels.country', defaultMessage: 'Country' })
  },
  get contactName() {
    return tr({ id: 'organisations.edit.labels.contactname', defaultMessage: 'Contact person' })
  },
  get contactEmail() {
    return tr({ id: 'organisations.edit.labels.contactemail', defaultMessage: 'Contact email' })
  },
  get website() {
    return tr({ id: 'organisations.edit.labels.website', defaultMessage: 'Website' })
  },
  get iatiIdentifier() {
    return tr({ id: 'organisations.edit.labels.iatiidentifier', defaultMessage: 'IATI organisation identifier' })
  },
  get timeZone() {
    return tr({ id: 'organisations.edit.labels.time_zone', defaultMessage: 'Time zone' })
  },
}

export default function EditOrganisation() {
  const i18n = useT()
  const { t } = i18n
  const { id, profile, timeZones, constraint } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useActionForm('organisation-profile', constraint, profile, lastResult)
  return (
    <div className="form">
      <h2>{t({ id: 'organisations.edit.edit_profile', defaultMessage: 'Edit profile' })}</h2>
      <ErrorSummary form={form} labels={LABELS} />
      <Form method="post" {...getFormProps(form)}>
        <TextField meta={fields.name} label={LABELS.name} autoComplete="organization" />
        <SelectField meta={fields.type} label={LABELS.type} options={organisationTypeOptions(t)} />
        <SelectField meta={fields.country} label={LABELS.country} options={countryOptions(i18n)} />
        <TextField
          meta={fields.contactName}
          label={LABELS.contactName}
          hint={t({ id: 'organisations.edit.other_organisations_and_coordinators_use_this', defaultMessage: 'Other organisations and coordinators use this to reach you about overlapping campaigns.' })}
          autoComplete="name"
        />
        <TextField meta={fields.contactEmail} label={LABELS.contactEmail} type="email" autoComplete="email" />
        <TextField meta={fields.website} label={LABELS.website} type="url" hint={t({ id: 'organisations.edit.for_example_https_example_org', defaultMessage: 'For example https://example.org' })} autoComplete="url" />
        <TextField
          meta={fields.iatiIdentifier}
          label={LABELS.iatiIdentifier}
          hint={t({ id: 'organisations.edit.your_registered_identifier_as_org_id', defaultMessage: 'Your registered identifier as org-id.guide gives it, like GB-CHC-1234567 or UA-EDR-12345678. IATI files name you by it; until it is here they say it is missing.' })}
        />
        <SelectField
          meta={fields.timeZone}
          label={LABELS.timeZone}
          hint={t({ id: 'organisations.edit.time_zone_hint', defaultMessage: 'Where your organisation works. Lantern counts “today”, deadlines and past dates in it; your country’s time zones come first.' })}
          options={timeZones.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
        />
        <div className="actions">
          <SubmitButton pendingText={t({ id: 'organisations.edit.saving', defaultMessage: 'Saving…' })}>{t({ id: 'organisations.edit.save_profile', defaultMessage: 'Save profile' })}</SubmitButton>
          <Link to={`/organisations/${id}`}>{t({ id: 'organisations.edit.cancel', defaultMessage: 'Cancel' })}</Link>
        </div>
      </Form>
    </div>
  )
}
