import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from '@remix-run/react'
import { useEffect } from 'react'
import { ProblemsTable } from '../shared/ui/problems-table'
import { FieldError } from '../shared/ui/forms'
import { FIELD_LABELS, FIELD_TARGETS, PROBLEMS_KEPT, SAMPLE_TARGETS, clearPersonalSchema, parseImportChoice } from '../features/surveys'
import { SAMPLINGS } from '../shared/taxonomy/taxonomy'
import { getCampaignForEdit } from '../features/campaigns/index.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { readForm } from '../shared/request.server'
import { requireSession } from '../features/accounts/index.server'
import { changeResults } from '../features/results/index.server'
import { choiceQuery, clearPersonalFlag, importPlan, importProgress, refusedMessage, runImport, storeUpload, uploadsDir } from '../features/surveys/index.server'
import { receiveUploadFile } from '../shared/csv/upload-file.server'
import { getEnv } from '../shared/env.server'
import { defineMessage, pageTitle, tr, useT, type Translator } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.import_survey_answers', defaultMessage: 'Import survey answers' }))

const MAX_SURVEY_UPLOAD = 20 * 1024 * 1024
/** A file this large takes longer than the wait: its progress page is shown as soon as the import has begun. */
const LARGE_FILE = 1024 * 1024

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  // Importing is writing: the page is for those who may change the campaign.
  const { campaign } = await getCampaignForEdit(actor, campaignId)
  const search = new URL(request.url).searchParams
  const choice = parseImportChoice(search)
  const base = { campaign: { id: campaignId, title: campaign.title }, plan: null, progress: null, search: '' }
  if (!choice.upload) return base
  const progress = importProgress(actor, campaignId, choice.upload)
  if (progress.outcome?.kind === 'imported' && progress.outcome.importId !== null) throw redirect(`/campaigns/${campaignId}/surveys?imported=${progress.outcome.importId}`)
  if (progress.status === 'importing') return { ...base, progress }
  return { ...base, plan: await importPlan(actor, campaignId, choice.upload, choice), search: search.toString() }
}

type Result = { ok: true; message: string } | { ok: false; message: string; column?: number }

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  if ((request.headers.get('Content-Type') ?? '').startsWith('multipart/form-data')) {
    await getCampaignForEdit(actor, campaignId)
    const upload = await receiveUploadFile(request, MAX_SURVEY_UPLOAD, uploadsDir())
    if (!upload.ok) return data<Result>({ ok: false, message: upload.message }, { status: upload.status })
    const id = await storeUpload(actor, campaignId, upload.filename, upload)
    return redirect(`/campaigns/${campaignId}/surveys/import?upload=${id}`)
  }
  const form = await readForm(request)
  const choice = parseImportChoice(form)
  const uploadId = choice.upload
  if (!uploadId) return data<Result>({ ok: false, message: tr({ id: 'campaigns.surveys.import.upload_again', defaultMessage: 'Upload the file again.' }) }, { status: 400 })
  if (form.get('intent') === 'clear-personal') {
    const parsed = clearPersonalSchema.safeParse(Object.fromEntries(form))
    if (!parsed.success) return data<Result>({ ok: false, message: parsed.error.issues[0]!.message, column: Number(form.get('column')) }, { status: 400 })
    const cleared = await clearPersonalFlag(actor, campaignId, uploadId, parsed.data.column, parsed.data.reason)
    if (!cleared.ok) return data<Result>({ ok: false, message: Object.values(cleared.fieldErrors ?? {}).flat().join(' '), column: parsed.data.column }, { status: 400 })
    // Back to the mapping as it was, now without the flag.
    return redirect(`/campaigns/${campaignId}/surveys/import?${parsed.data.back || `upload=${uploadId}`}`)
  }
  const page = `/campaigns/${campaignId}/surveys/import?${choiceQuery(uploadId, choice.mapping ?? [], choice.targetWave)}`
  const wait = importProgress(actor, campaignId, uploadId).bytes > LARGE_FILE ? 0 : getEnv().SURVEY_IMPORT_WAIT_MS
  let begun = () => {}
  const running = new Promise<null>((ran) => (begun = () => setTimeout(() => ran(null), wait)))
  const job = changeResults(actor, campaignId, (change) => runImport(change, uploadId, choice, begun))
  const outcome = await Promise.race([job, running])
  if (outcome === null) {
    // A large file: the page shows its progress and, once it has ended, what it did.
    job.catch((error: unknown) => console.error('A survey import failed:', error))
    return redirect(page)
  }
  if (!outcome.ok) return data<Result>({ ok: false, message: refusedMessage(outcome) }, { status: outcome.message ? 409 : 400 })
  // The upload is gone once imported: the survey page says what happened.
  if (outcome.importId !== null) return redirect(`/campaigns/${campaignId}/surveys?imported=${outcome.importId}`)
  return { ok: true, message: outcome.message }
}

export default function ImportSurvey() {
  const i18n = useT()
  const { t } = i18n
  const { campaign, plan, progress, search } = useLoaderData<typeof loader>()
  const acted = useActionData<typeof action>()
  // A refused import's outcome is kept with the upload: shown when the page is reached again, from its progress page or a link.
  const result = acted ?? (plan?.checked && (plan.problemCount || plan.changes || plan.message) ? { ok: false as const, message: plan.refusal } : undefined)
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const base = `/campaigns/${campaign.id}/surveys`
  return (
    <div className="form form--wide">
      <p className="muted">
        <Link to={base}>{t({ id: 'campaigns.surveys.import.survey', defaultMessage: '{title}: survey' }, { title: campaign.title })}</Link>
      </p>
      <h1>{t({ id: 'campaigns.surveys.import.import_survey_answers', defaultMessage: 'Import survey answers' })}</h1>
      {result ? (
        <div className={result.ok ? 'notice notice--success' : 'error-summary'} role={result.ok ? 'status' : 'alert'}>
          <p>{result.message}</p>
          {result.ok ? (
            <p>
              <Link to={base}>{t({ id: 'campaigns.surveys.import.back_to_the_survey', defaultMessage: 'Back to the survey' })}</Link>
            </p>
          ) : null}
        </div>
      ) : null}
      {progress ? (
        <Progress progress={progress} />
      ) : !plan ? (
        <>
          <p className="lede">
            {i18n.rich(
              {
                id: 'campaigns.surveys.import.lede',
                defaultMessage:
                  'Upload a CSV or XLSX file with one row per respondent and wave: a respondent code, the answers in columns named by question code, and — for a file that holds several waves — a <code>wave</code> column (pre/post or baseline/endline) and a <code>group</code> column (campaign/comparison). KoboToolbox and ODK exports work as they are.',
              },
              { code: (chunks) => <code key={String(chunks)}>{chunks}</code> },
            )}
          </p>
          <p>{t({ id: 'campaigns.surveys.import.nothing_is_imported_until_you_have', defaultMessage: 'Nothing is imported until you have checked how the columns are read. Files up to 20 MB: CSV (UTF-8, comma or semicolon separated) or XLSX, as KoboToolbox and spreadsheets save them.' })}</p>
          <Form method="post" encType="multipart/form-data">
            <div className="field">
              <label className="field__label" htmlFor="survey-file">
                {t({ id: 'campaigns.surveys.import.csv_or_xlsx_file', defaultMessage: 'CSV or XLSX file' })}</label>
              <input id="survey-file" name="file" type="file" accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="input" required />
            </div>
            <div className="field">
              <label className="field__label" htmlFor="survey-sheet">
                {t({ id: 'campaigns.surveys.import.sheet_xlsx_only_optional', defaultMessage: 'Sheet (XLSX only, optional)' })}</label>
              <div className="field__hint" id="survey-sheet-hint">
                {t({ id: 'campaigns.surveys.import.the_name_of_the_sheet_that', defaultMessage: 'The name of the sheet that holds the answers; the first sheet if empty.' })}</div>
              <input id="survey-sheet" name="sheet" type="text" className="input" aria-describedby="survey-sheet-hint" />
            </div>
            <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
              {busy ? t({ id: 'surveys.import.uploading', defaultMessage: 'Uploading…' }) : t({ id: 'surveys.import.upload_and_check', defaultMessage: 'Upload and check' })}
            </button>
            <Working busy={busy} text={t({ id: 'campaigns.surveys.import.uploading_reading', defaultMessage: 'Uploading and reading the file…' })} />
          </Form>
        </>
      ) : result?.ok ? null : (
        <MappingStep plan={plan} base={base} search={search} busy={busy} clearError={result && 'column' in result && typeof result.column === 'number' ? { column: result.column, message: result.message } : null} />
      )}
    </div>
  )
}

/** While a form is being sent (with JavaScript): an indeterminate progress bar and the same words for screen readers. */
function Working({ busy, text }: { busy: boolean; text: string }) {
  return (
    <p role="status" className="working">
      {busy ? (
        <>
          <progress aria-label={text} /> {text}
        </>
      ) : null}
    </p>
  )
}

/** An org admin's "not personal data", with the reason, for one flagged column. */
function ClearFlag({ column, header, error }: { column: number; header: string; error: string | null }) {
  const { t } = useT()
  return (
    <details className="details" open={error ? true : undefined}>
      <summary>{t({ id: 'campaigns.surveys.import.not_personal_data', defaultMessage: 'Not personal data?' })}</summary>
      <div className={error ? 'field field--error' : 'field'}>
        <label className="field__label" htmlFor={`clear-${column}-reason`}>
          {t({ id: 'campaigns.surveys.import.why_is_not_personal_data', defaultMessage: 'Why is “{header}” not personal data?' }, { header })}</label>
        <div className="field__hint" id={`clear-${column}-hint`}>
          {t({ id: 'campaigns.surveys.import.kept_with_your_name_in_the', defaultMessage: 'Kept with your name in the audit log.' })}</div>
        {error ? <FieldError id={`clear-${column}-error`} messages={[error]} /> : null}
        <textarea
          id={`clear-${column}-reason`}
          name="reason"
          form={`clear-${column}`}
          rows={2}
          className="input textarea"
          aria-invalid={error ? true : undefined}
          aria-describedby={`clear-${column}-hint${error ? ` clear-${column}-error` : ''}`}
        />
      </div>
      <button type="submit" form={`clear-${column}`} className="button button--secondary">
        {t({ id: 'campaigns.surveys.import.mark_as_not_personal_data', defaultMessage: 'Mark as not personal data' })}</button>
    </details>
  )
}

const PREVIEW_FIELDS = ['sex', 'age_band', 'locality', ...SAMPLE_TARGETS] as const

type Plan = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['plan']>

function MappingStep({ plan, base, search, busy, clearError }: { plan: Plan; base: string; search: string; busy: boolean; clearError: { column: number; message: string } | null }) {
  const i18n = useT()
  const { t } = i18n
  const targets = [
    { value: 'choose', label: FIELD_LABELS.choose },
    ...FIELD_TARGETS.map((t) => ({ value: t, label: FIELD_LABELS[t] })),
    ...plan.questions.flatMap((q) => [
      { value: `question:${q.code}`, label: t({ id: 'campaigns.surveys.import.target_question', defaultMessage: 'Question {code}{options, select, yes { (the options chosen)} other {}}' }, { code: q.code, options: q.options.length ? 'yes' : 'no' }) },
      ...q.options.map((o) => ({ value: `option:${q.code}/${o}`, label: t({ id: 'campaigns.surveys.import.target_option', defaultMessage: 'Option {option} (1 if chosen)' }, { option: `${q.code}/${o}` }) })),
    ]),
    { value: 'drop', label: FIELD_LABELS.drop },
  ]
  const changes = plan.changes?.count ? plan.changes : null
  // The respondent's fields and the sample's columns, shown in the preview as they will be stored.
  const sampleColumns = PREVIEW_FIELDS.filter((t) => plan.mapping.includes(t))
  const hidden = (
    <>
      <input type="hidden" name="upload" value={plan.upload.id} />
      {plan.targetWave ? <input type="hidden" name="wave" value={plan.targetWave} /> : null}
    </>
  )
  return (
    <>
      <p className="lede">
        {t({ id: 'campaigns.surveys.import.check_what_each_column_is_columns', defaultMessage: '{filename} ({value}). Check what each column is; columns that look like personal data must be dropped.' }, { filename: plan.upload.filename, value: sizeOf(i18n, plan.upload.bytes) })}</p>
      {plan.earlier ? (
        <div className="notice" role="status">
          <p>
            {t({ id: 'campaigns.surveys.import.this_file_was_already_imported_on', defaultMessage: 'This file was already imported on {slice} ({rows} rows). Importing it again changes nothing.' }, { slice: plan.earlier.at.slice(0, 10), rows: plan.earlier.rows })}</p>
        </div>
      ) : null}
      <Form method="get" aria-label={t({ id: 'campaigns.surveys.import.column_mapping', defaultMessage: 'Column mapping' })}>
        <input type="hidden" name="upload" value={plan.upload.id} />
        <div className="table-wrap" role="region" aria-label={t({ id: 'campaigns.surveys.import.columns_of_the_file', defaultMessage: 'Columns of the file' })} tabIndex={0}>
          <table className="mapping-table">
            <thead>
              <tr>
                <th scope="col">{t({ id: 'campaigns.surveys.import.column', defaultMessage: 'Column' })}</th>
                <th scope="col">{t({ id: 'campaigns.surveys.import.first_values', defaultMessage: 'First values' })}</th>
                <th scope="col">{t({ id: 'campaigns.surveys.import.import_as', defaultMessage: 'Import as' })}</th>
              </tr>
            </thead>
            <tbody>
              {plan.headers.map((h, i) => (
                <tr key={i}>
                  <th scope="row">{h || `(column ${i + 1})`}</th>
                  <td>{plan.samples.map((r) => r[i] ?? '').filter(Boolean).slice(0, 3).join(' · ') || '—'}</td>
                  <td>
                    <label className="visually-hidden" htmlFor={`c${i}`}>
                      {t({ id: 'campaigns.surveys.import.import_as_2', defaultMessage: 'Import {value} as' }, { value: h || `column ${i + 1}` })}</label>
                    <select id={`c${i}`} name={`c${i}`} defaultValue={plan.mapping[i]} className="select" aria-describedby={plan.personal[i] ? `c${i}-personal` : undefined}>
                      {targets.map((t) => (
                        <option key={t.value} value={t.value}>
                          {t.label}
                        </option>
                      ))}
                    </select>
                    {plan.personal[i] ? (
                      <>
                        <p className="field__error" id={`c${i}-personal`}>
                          {t({ id: 'campaigns.surveys.import.personal_data_drop_it_lantern_stores', defaultMessage: 'Personal data? {value}. Drop it: Lantern stores no names, phone numbers or addresses of respondents.' }, { value: plan.personal[i]!.charAt(0).toUpperCase() + plan.personal[i]!.slice(1) })}</p>
                        {plan.canClear ? (
                          <ClearFlag column={i} header={h} error={clearError?.column === i ? clearError.message : null} />
                        ) : (
                          <p className="field__hint">{t({ id: 'campaigns.surveys.import.a_false_alarm_an_organisation_admin', defaultMessage: 'A false alarm? An organisation admin can mark it as not personal data.' })}</p>
                        )}
                      </>
                    ) : null}
                    {plan.cleared
                      .filter((c) => c.column === i)
                      .map((c) => (
                        <p className="field__hint" key={c.at}>
                          {t({ id: 'campaigns.surveys.import.not_personal_data_said_on', defaultMessage: 'Not personal data, said {userName} on {slice}: “{reason}”' }, { userName: c.userName, slice: c.at.slice(0, 10), reason: c.reason })}</p>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {!plan.mapping.includes('wave') ? (
          <div className="field">
            <label className="field__label" htmlFor="target-wave">
              {t({ id: 'campaigns.surveys.import.the_file_has_no_wave_column', defaultMessage: 'The file has no wave column: its rows belong to' })}</label>
            <select id="target-wave" name="wave" defaultValue={plan.targetWave ?? ''} className="select">
              <option value="">{t({ id: 'campaigns.surveys.import.choose_a_wave', defaultMessage: 'Choose a wave' })}</option>
              {plan.waves.map((w) => (
                <option key={w.key} value={w.key}>
                  {w.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t({ id: 'campaigns.surveys.import.check_again_with_these_choices', defaultMessage: 'Check again with these choices' })}</button>
          {plan.mapping.includes('choose') ? (
            <button type="submit" name="rest" value="drop" className="button button--secondary">
              {t({ id: 'campaigns.surveys.import.drop_every_column_still_undecided', defaultMessage: 'Drop every column still undecided' })}</button>
          ) : null}
        </div>
      </Form>
      {/* The forms that clear a flag stand outside the mapping form (forms do not nest); their fields sit in the table and name them. */}
      {plan.canClear
        ? plan.personal.map((why, i) =>
            why ? (
              <Form key={i} id={`clear-${i}`} method="post" hidden>
                <input type="hidden" name="intent" value="clear-personal" />
                <input type="hidden" name="upload" value={plan.upload.id} />
                <input type="hidden" name="column" value={i} />
                <input type="hidden" name="back" value={search} />
              </Form>
            ) : null,
          )
        : null}

      {plan.problemCount ? (
        <section aria-labelledby="problems-title">
          <h2 id="problems-title">
            {t({ id: 'campaigns.surveys.import.problem_to_fix', defaultMessage: '{checked, select, yes {{count, plural, one {# problem to fix} other {# problems to fix}}} other {{count, plural, one {# problem to fix in the first rows} other {# problems to fix in the first rows}}}}' }, { count: plan.problemCount, checked: plan.checked ? 'yes' : 'no' })}</h2>
          <p>
            {t({ id: 'campaigns.surveys.import.nothing_will_be_imported_until_every', defaultMessage: 'Nothing will be imported until every row is right. Fix the file and upload it again, or change how a column is read.' })}{' '}
            {plan.checked ? (
              <a href={`${base}/import.csv?${plan.query}`} download>
                {t({ id: 'campaigns.surveys.import.download_the_problems_csv', defaultMessage: 'Download the problems (CSV)' })}</a>
            ) : null}
          </p>
          <ProblemsTable problems={plan.problems} />
          {plan.problemCount > plan.problems.length ? <p>{t({ id: 'campaigns.surveys.import.the_first_are_shown_the_csv', defaultMessage: 'The first {shown, number} are shown; the CSV has {all, select, yes {them all} other {the first {kept, number}}}.' }, { shown: plan.problems.length, all: plan.problemCount > PROBLEMS_KEPT ? 'no' : 'yes', kept: PROBLEMS_KEPT })}</p> : null}
        </section>
      ) : (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t({ id: 'campaigns.surveys.import.as_it_will_be_stored', defaultMessage: 'As it will be stored' })}</h2>
          <p>
            {plan.preview.length
              ? t({ id: 'campaigns.surveys.import.preview_intro', defaultMessage: '{count, plural, one {The first new row} other {The first # new rows}} of the file, as they will be stored. Every row is checked when you import; nothing is stored unless all are right.' }, { count: plan.preview.length })
              : t({ id: 'campaigns.surveys.import.preview_all_stored', defaultMessage: 'The first rows of this file are already stored; rows already stored as they are will be skipped.' })}
            {changes?.identical ? ` ${t({ id: 'campaigns.surveys.import.will_skip', defaultMessage: '{count, plural, one {# row is already stored as it is and will be skipped.} other {# rows are already stored as they are and will be skipped.}}' }, { count: changes.identical })}` : ''}
          </p>
          <SamplingNote plan={plan} />
          {plan.preview.length ? (
            <div className="table-wrap" role="region" aria-label={t({ id: 'campaigns.surveys.import.preview', defaultMessage: 'Preview' })} tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t({ id: 'campaigns.surveys.import.line', defaultMessage: 'Line' })}</th>
                    <th scope="col">{t({ id: 'campaigns.surveys.import.respondent', defaultMessage: 'Respondent' })}</th>
                    <th scope="col">{t({ id: 'campaigns.surveys.import.wave_2', defaultMessage: 'Wave' })}</th>
                    {sampleColumns.map((c) => (
                      <th scope="col" key={c}>
                        {FIELD_LABELS[c]}
                      </th>
                    ))}
                    {plan.questions.map((q) => (
                      <th scope="col" key={q.code}>
                        {q.code}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {plan.preview.map((r) => (
                    <tr key={r.line}>
                      <td>{r.line}</td>
                      <td>{r.respondentCode}</td>
                      <td>{r.wave.replace(':', ', ')}</td>
                      {sampleColumns.map((c) => (
                        <td key={c}>{r[c === 'age_band' ? 'ageBand' : c] ?? '—'}</td>
                      ))}
                      {plan.questions.map((q) => (
                        <td key={q.code}>{r.answers[q.code] ?? '—'}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <Form method="post" action={`${base}/import?${plan.query}`}>
            {hidden}
            {plan.mapping.map((t, i) => (
              <input key={i} type="hidden" name={`c${i}`} value={t} />
            ))}
            {changes ? (
              <>
                <input type="hidden" name="decided" value="1" />
                <Changes changes={changes.list} count={changes.count} />
              </>
            ) : null}
            <div className="actions">
              <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
                {busy
                  ? t({ id: 'campaigns.surveys.import.importing_busy', defaultMessage: 'Importing…' })
                  : changes
                    ? t({ id: 'campaigns.surveys.import.import_ticked', defaultMessage: 'Import the new rows and the changes ticked' })
                    : t({ id: 'campaigns.surveys.import.import_the_file', defaultMessage: 'Import the file' })}
              </button>
              {changes ? (
                <button type="submit" name="accept_all" value="1" className="button button--secondary" aria-disabled={busy || undefined}>
                  {t({ id: 'campaigns.surveys.import.import_the_new_rows_and_accept', defaultMessage: 'Import the new rows and accept every change' })}</button>
              ) : null}
            </div>
            <Working busy={busy} text={t({ id: 'campaigns.surveys.import.checking_every_row', defaultMessage: 'Checking every row of {filename}…' }, { filename: plan.upload.filename })} />
          </Form>
        </section>
      )}
    </>
  )
}

const sizeOf = (i18n: Translator, bytes: number) =>
  bytes >= 1024 * 1024
    ? i18n.number(bytes / 1024 / 1024, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1, minimumFractionDigits: 1 })
    : i18n.number(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' })

/** How the waves this file fills will be analysed: as declared, as the file's sample columns describe, or as a simple random sample. */
function SamplingNote({ plan }: { plan: Plan }) {
  const i18n = useT()
  const { t } = i18n
  const undeclared = plan.waves.filter((w) => w.sampling === null)
  const declared = plan.waves.filter((w) => w.sampling !== null)
  return (
    <ul>
      {declared.map((w) => (
        <li key={w.key}>
          {t({ id: 'campaigns.surveys.import.the_is_analysed_as_a_as', defaultMessage: 'The {name} is analysed as a {toLowerCase}, as its wave declares.' }, { name: w.name, toLowerCase: t(SAMPLINGS.message(w.sampling!)).toLowerCase() })}</li>
      ))}
      {undeclared.length ? (
        <li>
          {plan.sampling.implied
            ? t({ id: 'campaigns.surveys.import.undeclared_implied', defaultMessage: 'Waves without a declared design ({waves}) that this file fills are analysed as a {sampling}: this import declares it, from the columns mapped to the sample.' }, { waves: i18n.list(undeclared.map((w) => w.name)), sampling: t(SAMPLINGS.message(plan.sampling.implied)).toLocaleLowerCase(i18n.locale) })
            : t({ id: 'campaigns.surveys.import.undeclared_simple', defaultMessage: 'How the {waves} were drawn is not stated: they are analysed as a simple random sample. If villages, schools or other places were drawn first, map the column that names each respondent’s place to “Cluster”.' }, { waves: i18n.list(undeclared.map((w) => w.name)) })}
        </li>
      ) : null}
    </ul>
  )
}

/** An import under way: how far it has come, refreshed every second with JavaScript and every two seconds without. */
function Progress({ progress }: { progress: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['progress']> }) {
  const { t } = useT()
  const revalidator = useRevalidator()
  useEffect(() => {
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate()
    }, 1000)
    return () => clearInterval(timer)
  }, [revalidator])
  const share = progress.bytes ? Math.min(100, Math.round((100 * progress.readBytes) / progress.bytes)) : 0
  return (
    <section aria-labelledby="progress-title">
      {/* Without JavaScript the page reloads itself; the loader sends it on once the import has ended. */}
      <noscript>
        <meta httpEquiv="refresh" content="2" />
      </noscript>
      <h2 id="progress-title">{t({ id: 'campaigns.surveys.import.importing', defaultMessage: 'Importing {filename}' }, { filename: progress.filename })}</h2>
      <div className="field">
        <label className="field__label" htmlFor="progress-checked">
          {t({ id: 'campaigns.surveys.import.rows_checked_of_the_file', defaultMessage: 'Rows checked: {toLocaleString} ({share} % of the file)' }, { toLocaleString: progress.checkedRows.toLocaleString('en'), share })}</label>
        <progress id="progress-checked" className="meter" max={100} value={share} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="progress-written">
          {t({ id: 'campaigns.surveys.import.rows_written', defaultMessage: 'Rows written: {toLocaleString}' }, { toLocaleString: progress.writtenRows.toLocaleString('en') })}</label>
        <progress id="progress-written" className="meter" max={Math.max(progress.checkedRows, 1)} value={progress.writtenRows} />
      </div>
      <p>{t({ id: 'campaigns.surveys.import.nothing_is_shown_on_the_survey', defaultMessage: 'Nothing is shown on the survey until every row is stored. You may leave this page: the import goes on, and the survey page shows it once it is done.' })}</p>
    </section>
  )
}

type Changed = NonNullable<Plan['changes']>['list'][number]

/** Rows already stored that this file says otherwise: each written only if a person ticks it. */
function Changes({ changes, count }: { changes: Changed[]; count: number }) {
  const { t } = useT()
  const value = (v: string | null) => v ?? '(none)'
  return (
    <section aria-labelledby="changes-title">
      <h3 id="changes-title">
        {t({ id: 'campaigns.surveys.import.something_else_than_what_is_stored', defaultMessage: '{count, plural, one {# row says} other {# rows say}} something else than what is stored' }, { count })}</h3>
      <p>{t({ id: 'campaigns.surveys.import.these_respondents_are_already_stored_tick', defaultMessage: 'These respondents are already stored. Tick a change to store the file’s version; what is not ticked stays as it is.' })}</p>
      <div className="table-wrap" role="region" aria-label={t({ id: 'campaigns.surveys.import.changed_rows', defaultMessage: 'Changed rows' })} tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t({ id: 'campaigns.surveys.import.accept', defaultMessage: 'Accept' })}</th>
              <th scope="col">{t({ id: 'campaigns.surveys.import.respondent', defaultMessage: 'Respondent' })}</th>
              <th scope="col">{t({ id: 'campaigns.surveys.import.what_the_file_changes', defaultMessage: 'What the file changes' })}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.line}>
                <td>
                  <input type="checkbox" name="accept" value={c.line} id={`accept-${c.line}`} aria-label={t({ id: 'campaigns.surveys.import.accept_change', defaultMessage: 'Accept the change to {code} (line {line})' }, { code: c.respondentCode, line: c.line })} />
                </td>
                <td>
                  {c.respondentCode}
                  <div className="muted">
                    {t({ id: 'campaigns.surveys.import.line_2', defaultMessage: 'line {line}, {replace}' }, { line: c.line, replace: c.wave.replace(':', ', ') })}</div>
                </td>
                <td>
                  <ul className="plain-list">
                    {c.differences.map((d) => (
                      <li key={d.field}>
                        {d.field}: {value(d.before)} → {value(d.after)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {count > changes.length ? <p>{t({ id: 'campaigns.surveys.import.the_first_are_shown_accept_every', defaultMessage: 'The first {changesCount} are shown; “Accept every change” accepts all {toLocaleString}.' }, { changesCount: changes.length, toLocaleString: count.toLocaleString('en') })}</p> : null}
    </section>
  )
}
