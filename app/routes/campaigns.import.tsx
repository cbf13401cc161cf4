import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { ProblemsTable } from '../shared/ui/problems-table'
import { AUDIENCES, CHANNELS, EXPLOITATION_FORMS, PILLARS, PURPOSES, STATUSES, VISIBILITIES } from '../shared/taxonomy/taxonomy'
import { importCampaignsCsv } from '../features/campaigns/index.server'
import { assertCan } from '../shared/permissions/permissions.server'
import { requireSession } from '../features/accounts/index.server'
import { readCsvUpload } from '../shared/csv/upload.server'
import { defineMessage, pageTitle, useT } from '../shared/i18n'

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, defineMessage({ id: 'titles.import_campaigns', defaultMessage: 'Import campaigns' }))

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request)
  assertCan(actor, 'campaign.edit', actor.membership?.organisationId ?? null)
  return null
}

type Result = { ok: true; created: number; updated: number; unchanged: number; message: string } | { ok: false; problems: { line: number; column: string; message: string }[] }
const refuse = (message: string, status = 400) => data<Result>({ ok: false, problems: [{ line: 0, column: '', message }] }, { status })

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireSession(request)
  assertCan(actor, 'campaign.edit', actor.membership?.organisationId ?? null)
  const { upload } = await readCsvUpload(request, MAX_UPLOAD_BYTES)
  if (!upload.ok) return refuse(upload.message, upload.status)
  const outcome = await importCampaignsCsv(actor, upload.text)
  return data<Result>(outcome, { status: outcome.ok ? 200 : 400 })
}

export default function ImportCampaigns() {
  const i18n = useT()
  const { t } = i18n
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  return (
    <div className="form form--wide">
      <h1>{t({ id: 'campaigns.import.import_campaigns_from_a_spreadsheet', defaultMessage: 'Import campaigns from a spreadsheet' })}</h1>
      <p className="lede">
        {i18n.rich(
          {
            id: 'campaigns.import.lede',
            defaultMessage: 'Move your organisation’s campaign list into Lantern. Use the columns of the <link>template</link> (the same as the campaign export): one line per campaign and subdivision, codes from Lantern’s lists, several values separated by “;”.',
          },
          { link: (chunks) => <a key="template" href="/campaigns/template.csv">{chunks}</a> },
        )}
      </p>
      <p>{t({ id: 'campaigns.import.every_line_is_checked_first_if', defaultMessage: 'Every line is checked first. If any line has a problem, nothing is imported and each problem is listed with its line and column.' })}</p>
      <p>
        {t({ id: 'campaigns.import.a_campaign_s_code_is_how', defaultMessage: 'A campaign’s code is how Lantern knows it again: import the same file twice and nothing changes; change a line and the campaign it names is updated. A new campaign comes in as a draft (or archived); give it objectives and register it on Lantern.' })}</p>
      {result?.ok ? (
        <div className="notice notice--success" role="status">
          <p>
            {result.message} {result.created || result.updated ? <Link to="/campaigns?sort=updated">{t({ id: 'campaigns.import.see_them_in_the_list', defaultMessage: 'See them in the list' })}</Link> : null}
          </p>
        </div>
      ) : null}
      {result && !result.ok ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h2 className="error-summary__title">{t({ id: 'campaigns.import.nothing_was_imported', defaultMessage: 'Nothing was imported: {count, plural, one {there is a problem} other {there are # problems}}' }, { count: result.problems.length })}</h2>
          {result.problems.length === 1 && result.problems[0]!.line === 0 ? (
            <p>{result.problems[0]!.message}</p>
          ) : (
            <ProblemsTable problems={result.problems} />
          )}
        </div>
      ) : null}
      <details className="details">
        <summary>{t({ id: 'campaigns.import.the_codes_lantern_s_lists_use', defaultMessage: 'The codes Lantern’s lists use' })}</summary>
        {[
          ['status', STATUSES],
          ['audiences', AUDIENCES],
          ['channels', CHANNELS],
          ['exploitation_forms', EXPLOITATION_FORMS],
          ['purposes', PURPOSES],
          ['pillar', PILLARS],
          ['visibility', VISIBILITIES],
        ].map(([column, list]) => (
          <div key={column as string}>
            <h2 className="details__title">
              <code>{column as string}</code>
            </h2>
            <ul className="codes">
              {(list as typeof STATUSES).terms.map((term) => (
                <li key={term.code}>
                  <code>{term.code}</code> {t((list as typeof STATUSES).message(term.code))}
                </li>
              ))}
            </ul>
          </div>
        ))}
        <p>{t({ id: 'campaigns.import.countries_and_subdivisions_use_iso_3166', defaultMessage: 'Countries and subdivisions use ISO 3166 codes (UA, UA-46); languages use ISO 639-1 codes (uk, ro, ne).' })}</p>
      </details>
      <Form method="post" encType="multipart/form-data">
        <div className="field">
          <label className="field__label" htmlFor="import-file">
            {t({ id: 'campaigns.import.csv_file', defaultMessage: 'CSV file' })}</label>
          <div className="field__hint" id="import-file-hint">
            {t({ id: 'campaigns.import.utf_8_comma_or_semicolon_separated', defaultMessage: 'UTF-8, comma- or semicolon-separated, up to 5 MB.' })}</div>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" className="input" aria-describedby="import-file-hint" />
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" aria-disabled={busy || undefined}>
            {busy
              ? t({ id: 'campaigns.import.checking', defaultMessage: 'Checking and importing…' })
              : t({ id: 'campaigns.import.check_and_import', defaultMessage: 'Check and import' })}
          </button>
          <Link to="/campaigns">{t({ id: 'campaigns.import.cancel', defaultMessage: 'Cancel' })}</Link>
        </div>
      </Form>
    </div>
  )
}
