import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getCampaignForEdit } from '../features/campaigns/index.server'
import { requireSession } from '../features/accounts/index.server'
import { changeResults } from '../features/results/index.server'
import { addQuestions, offerFormQuestions } from '../features/surveys/index.server'
import { asRow, FormQuestionsFields, readFormQuestions, XlsFormFileField, type NotOffered, type OfferBack } from '../features/surveys'
import { campaignParams, parseParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { SubmitButton } from '../shared/ui/forms'
import { defineMessage, defineMessages, pageTitle, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.questions_from_form', defaultMessage: 'Questions from the form' }))

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const { campaign } = await getCampaignForEdit(actor, campaignId)
  return { campaign: { id: campaignId, title: campaign.title } }
}

const said = defineMessages({
  chooseFile: { id: 'surveys.form_questions.choose_file', defaultMessage: 'Choose the form’s XLSForm file (.xlsx).' },
})

const NOT_OFFERED = defineMessages({
  field: { id: 'surveys.form_questions.not_offered_fields', defaultMessage: '{count, plural, one {The form’s {codes} is the respondent’s own field: the import reads it as such.} other {The form’s {codes} are the respondent’s own fields: the import reads them as such.}}' },
  type: { id: 'surveys.form_questions.not_offered_types', defaultMessage: '{count, plural, one {{codes} is not offered: Lantern does not analyse its answers (dates, places, photos…).} other {{codes} are not offered: Lantern does not analyse their answers (dates, places, photos…).}}' },
})

type Offer = OfferBack & { fieldErrors: Record<string, string[]>; formErrors: string[] }
type Result = ({ stage: 'offer' } & Offer) | { stage: 'upload'; message: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  // An XLSForm is tens of kilobytes: the limit of every form (a megabyte) holds it. The origin is checked first.
  const form = await readForm(request)
  await getCampaignForEdit(actor, campaignId)
  if (form.get('intent') === 'add') {
    const read = readFormQuestions(form)
    const offer = { rows: read.rows, written: read.written, notOffered: read.notOffered }
    if (!read.ok) return data<Result>({ stage: 'offer', ...offer, fieldErrors: read.fieldErrors, formErrors: read.formErrors }, { status: 400 })
    const outcome = await changeResults(actor, campaignId, (change) => addQuestions(change, read.inputs))
    if (!outcome.ok) return data<Result>({ stage: 'offer', ...offer, fieldErrors: {}, formErrors: [...(outcome.formErrors ?? []), ...Object.values(outcome.fieldErrors ?? {}).flat()] }, { status: 400 })
    return redirect(`/campaigns/${campaignId}/surveys`)
  }
  const part = form.get('form')
  const file = part instanceof File && part.size > 0 ? part : null
  if (!file) return data<Result>({ stage: 'upload', message: tr(said.chooseFile) }, { status: 400 })
  const offer = await offerFormQuestions(actor, campaignId, new Uint8Array(await file.arrayBuffer()))
  if (!offer.ok) return data<Result>({ stage: 'upload', message: [...(offer.formErrors ?? [])].join(' ') }, { status: 400 })
  return data<Result>({ stage: 'offer', rows: offer.value.offered.map(asRow), notOffered: offer.value.notOffered, written: offer.value.written, fieldErrors: {}, formErrors: [] })
}

export default function QuestionsFromForm() {
  const i18n = useT()
  const { t } = i18n
  const { campaign } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const base = `/campaigns/${campaign.id}/surveys`
  const uploadError = result?.stage === 'upload' ? result.message : null
  const offer = result?.stage === 'offer' ? result : null
  const problems = offer ? offer.formErrors.length + Object.keys(offer.fieldErrors).length : 0
  const notOffered = (why: NotOffered['why']) => (offer?.notOffered ?? []).filter((n) => n.why === why).map((n) => n.code)
  return (
    <>
      <p className="muted">
        <Link to={base}>{campaign.title}</Link>
      </p>
      <h1>{t({ id: 'surveys.form_questions.heading', defaultMessage: 'Questions from the form' })}</h1>
      <p className="lede">
        {t({
          id: 'surveys.form_questions.lede',
          defaultMessage:
            'Upload the XLSForm you built the form with in KoboToolbox or ODK (in KoboToolbox: Form, ⋯, Download XLS). Lantern offers each question the survey does not have yet, in the form’s first language with its words in the others, under the form’s names as codes, so the form’s exports import as they are. You choose which to add, and what the form cannot say: the desired answer, and a score’s range.',
        })}
      </p>
      {offer ? null : (
        <Form method="post" encType="multipart/form-data">
          <input type="hidden" name="intent" value="read" />
          <XlsFormFileField error={uploadError} />
          <div className="actions">
            <SubmitButton pendingText={t({ id: 'surveys.languages.reading', defaultMessage: 'Reading the form…' })}>{t({ id: 'surveys.form_questions.read', defaultMessage: 'Read the form' })}</SubmitButton>
            <Link to={base}>{t({ id: 'surveys.languages.back', defaultMessage: 'Back to the survey' })}</Link>
          </div>
        </Form>
      )}
      {offer ? (
        <Form method="post">
          <input type="hidden" name="intent" value="add" />
          <input type="hidden" name="written" value={offer.written} />
          <input type="hidden" name="not_offered" value={JSON.stringify(offer.notOffered)} />
          {problems ? (
            <div className="error-summary" role="alert" tabIndex={-1}>
              <h2 className="error-summary__title">{t({ id: 'surveys.form_questions.not_added', defaultMessage: 'No question was added: {count, plural, one {there is a problem} other {there are # problems}}' }, { count: problems })}</h2>
              {offer.formErrors.map((message) => (
                <p key={message}>{message}</p>
              ))}
              {Object.keys(offer.fieldErrors).length ? <p>{t({ id: 'surveys.form_questions.see_fields', defaultMessage: 'Each question’s problem is said at the question.' })}</p> : null}
            </div>
          ) : null}
          <h2>{t({ id: 'surveys.form_questions.offered', defaultMessage: 'The form’s questions the survey does not have' })}</h2>
          {(['field', 'type'] as const).map((why) =>
            notOffered(why).length ? (
              <p className="muted" key={why}>
                {t(NOT_OFFERED[why], { count: notOffered(why).length, codes: notOffered(why).join(', ') })}
              </p>
            ) : null,
          )}
          <FormQuestionsFields rows={offer.rows} written={offer.written} errors={offer.fieldErrors} />
          <div className="actions">
            <SubmitButton>{t({ id: 'surveys.form_questions.add', defaultMessage: 'Add the ticked questions' })}</SubmitButton>
            <Link to={base}>{t({ id: 'surveys.languages.back', defaultMessage: 'Back to the survey' })}</Link>
          </div>
        </Form>
      ) : null}
    </>
  )
}
