import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { getCampaign, getCampaignForEdit } from '../features/campaigns/index.server'
import { requireSession } from '../features/accounts/index.server'
import { importFormWords, surveyOf } from '../features/surveys/index.server'
import { translatedLanguages, XlsFormFileField } from '../features/surveys'
import { campaignParams, parseParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { SubmitButton } from '../shared/ui/forms'
import { AUTONYMS, LOCALES, defineMessage, defineMessages, pageTitle, tr, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(
    matches,
    defineMessage({
      id: 'titles.survey_languages',
      defaultMessage: 'The survey in other languages',
    })
  )

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const survey = await surveyOf(actor, campaignId, { answerCounts: false })
  const { campaign } = await getCampaign(actor, campaignId)
  const languages = [...new Set([...LOCALES, ...survey.questions.flatMap((q) => translatedLanguages(q.translations))])]
  return {
    campaign: { id: campaignId, title: campaign.title },
    canEdit: survey.canEdit,
    questions: survey.questions.length,
    coverage: languages.map((language) => ({
      language,
      questions: survey.questions.filter((q) => translatedLanguages(q.translations).includes(language)).length,
    })),
  }
}

const said = defineMessages({
  chooseFile: {
    id: 'surveys.languages.choose_file',
    defaultMessage: 'Choose the form’s XLSForm file (.xlsx) to read its languages from.',
  },
})

type Result = { ok: true; questions: number; languages: string[]; unmatched: string[] } | { ok: false; message: string }

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  // An XLSForm is tens of kilobytes: the limit of every form (a megabyte) holds it. The origin is checked first.
  const form = await readForm(request)
  await getCampaignForEdit(actor, campaignId)
  const part = form.get('form')
  const file = part instanceof File && part.size > 0 ? part : null
  if (!file) return data<Result>({ ok: false, message: tr(said.chooseFile) }, { status: 400 })
  const outcome = await importFormWords(actor, campaignId, new Uint8Array(await file.arrayBuffer()))
  if (!outcome.ok) return data<Result>({ ok: false, message: [...(outcome.formErrors ?? [])].join(' ') }, { status: 400 })
  return data<Result>({ ok: true, ...outcome.value })
}

export default function SurveyLanguages() {
  const i18n = useT()
  const { t } = i18n
  const { campaign, canEdit, questions, coverage } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const base = `/campaigns/${campaign.id}/surveys`
  return (
    <>
      <p className="muted">
        <Link to={base}>{campaign.title}</Link>
      </p>
      <h1>
        {t({
          id: 'surveys.languages.heading',
          defaultMessage: 'The survey in other languages',
        })}
      </h1>
      <p className="lede">
        {t({
          id: 'surveys.languages.lede',
          defaultMessage:
            'Respondents are asked in their language, and readers see the questions in theirs. Each question’s code and its options’ codes stay the same in every language, so answers in any language are counted together.',
        })}
      </p>
      {result?.ok ? (
        <div className="notice notice--success" role="status">
          <p>
            {t(
              {
                id: 'surveys.languages.imported',
                defaultMessage: 'The words of {count, plural, one {# question} other {# questions}} were read in {languages}.',
              },
              {
                count: result.questions,
                languages: i18n.list(result.languages.map((l) => i18n.language(l))),
              }
            )}
          </p>
          {result.unmatched.length ? (
            <p>
              {t(
                {
                  id: 'surveys.languages.unmatched',
                  defaultMessage:
                    'The form also asks {count, plural, one {a question} other {# questions}} this survey does not have ({codes}): add {count, plural, one {it} other {them}} here with the same code to read {count, plural, one {its} other {their}} words too.',
                },
                {
                  count: result.unmatched.length,
                  codes: result.unmatched.join(', '),
                }
              )}{' '}
              <Link to={`${base}/questions/from-form`}>{t({ id: 'campaigns.surveys.questions_from_form', defaultMessage: 'Add questions from a KoboToolbox or ODK form' })}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {questions === 0 ? (
        <p>
          {t({
            id: 'surveys.languages.no_questions',
            defaultMessage: 'The survey has no questions yet.',
          })}{' '}
          <Link to={base}>
            {t({
              id: 'surveys.languages.add_first',
              defaultMessage: 'Add them on the survey page first.',
            })}
          </Link>
        </p>
      ) : null}
      {questions === 0 ? null : (
        <>
          <div
            className="table-wrap"
            role="region"
            aria-label={t({
              id: 'surveys.languages.coverage',
              defaultMessage: 'Questions in each language',
            })}
            tabIndex={0}
          >
            <table>
              <caption>
                {t({
                  id: 'surveys.languages.coverage',
                  defaultMessage: 'Questions in each language',
                })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    {t({
                      id: 'surveys.languages.language',
                      defaultMessage: 'Language',
                    })}
                  </th>
                  <th scope="col">
                    {t({
                      id: 'surveys.languages.questions',
                      defaultMessage: 'Questions given in it',
                    })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {coverage.map((c) => (
                  <tr key={c.language}>
                    <td>{c.language in AUTONYMS ? <span lang={c.language}>{AUTONYMS[c.language as keyof typeof AUTONYMS]}</span> : i18n.language(c.language)}</td>
                    <td>
                      {t(
                        {
                          id: 'surveys.languages.of',
                          defaultMessage: '{count, number} of {all, number}',
                        },
                        { count: c.questions, all: questions }
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {canEdit ? (
            <section aria-labelledby="xlsform-title">
              <h2 id="xlsform-title">
                {t({
                  id: 'surveys.languages.from_xlsform',
                  defaultMessage: 'Read them from the form',
                })}
              </h2>
              <p>
                {t({
                  id: 'surveys.languages.from_xlsform_help',
                  defaultMessage:
                    'Upload the XLSForm you built the form with in KoboToolbox or ODK (in KoboToolbox: Form, ⋯, Download XLS). Lantern reads each label column, like label::Ukrainian (uk), for the questions whose “name” is a question’s code here, and the choices’ labels for their options. Nothing else changes.',
                })}
              </p>
              <Form method="post" encType="multipart/form-data">
                <XlsFormFileField error={result && !result.ok ? result.message : null} />
                <div className="actions">
                  <SubmitButton pendingText={t({ id: 'surveys.languages.reading', defaultMessage: 'Reading the form…' })}>
                    {t({ id: 'surveys.languages.read', defaultMessage: 'Read the languages' })}
                  </SubmitButton>
                  <Link to={base}>
                    {t({
                      id: 'surveys.languages.back',
                      defaultMessage: 'Back to the survey',
                    })}
                  </Link>
                </div>
              </Form>
              <p className="muted">
                {t({
                  id: 'surveys.languages.by_hand',
                  defaultMessage: 'Or give a question’s words by hand: change the question, under “The question in other languages”.',
                })}
              </p>
            </section>
          ) : null}
        </>
      )}
    </>
  )
}
