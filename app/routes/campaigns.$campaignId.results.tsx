import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PrintHeader } from '../shared/ui/print-header'
import { ResultCard, UNDECLARED_NOTE } from '../features/results'
import { WavesTable } from '../features/surveys'
import { campaignResults } from '../features/results/index.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { getSession } from '../features/accounts/index.server'
import { defineMessages, matchesTranslator, todayIn, useT } from '../shared/i18n'

const m = defineMessages({
  title: { id: 'results.page.title', defaultMessage: 'Results: {campaign}' },
  campaign: { id: 'results.page.campaign', defaultMessage: 'campaign' },
  declare: {
    id: 'results.page.declare_own',
    defaultMessage: 'Say how each wave was drawn on its page under <link>Survey</link>, and import the cluster column: the results then account for it.',
  },
  declareOther: { id: 'results.page.declare_other', defaultMessage: 'The organisation that ran the survey can declare its design; the results then account for it.' },
  withheld: { id: 'results.page.withheld', defaultMessage: '(breakdowns with fewer than {threshold, plural, one {# respondent} other {# respondents}} are withheld, as on this page)' },
})

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = matchesTranslator(matches)
  return [{ title: t({ id: 'meta.title', defaultMessage: '{page} – Lantern' }, { page: t(m.title, { campaign: data?.campaign.title ?? t(m.campaign) }) }) }]
}

// GET /campaigns/:id/results — what changed between baseline and endline, for anyone who may see the campaign.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await getSession(request)
  const { campaignId } = parseParams(params, campaignParams)
  const r = await campaignResults(session?.actor ?? null, campaignId)
  return {
    campaign: r.campaign,
    own: r.own,
    design: r.design,
    threshold: r.threshold,
    questions: r.items,
    waves: r.waves.map((w) => ({ id: w.id, kind: w.kind, group: w.group, design: w.design, startDate: w.startDate, endDate: w.endDate, responses: w.responses, targetSize: w.targetSize, sampling: w.sampling, clusterUnit: w.clusterUnit })),
    records: r.records,
    today: todayIn(session?.user.organisation?.timeZone ?? 'UTC'),
    breakdowns: r.breakdowns,
    // Answers from several places, and a wave nobody said how it was drawn: perhaps a cluster sample analysed as a simple random one.
    undeclared: r.records.some((x) => x.notes.some((n) => n.startsWith(UNDECLARED_NOTE))),
  }
}

export default function CampaignResultsPage() {
  const i18n = useT()
  const { t } = i18n
  const d = useLoaderData<typeof loader>()
  const answered = d.records.some((r) => r.answeredPre > 0 || r.answeredPost > 0)
  return (
    <>
      <p className="muted">
        <Link to={`/campaigns/${d.campaign.id}`}>{d.campaign.title}</Link> · {d.campaign.organisation}
      </p>
      <PrintHeader title={t(m.title, { campaign: d.campaign.title })} date={i18n.date(d.today)} details={[d.campaign.organisation]} />
      <h1>{t({ id: 'campaigns.results.results', defaultMessage: 'Results' })}</h1>
      <p className="lede">
        {t({ id: 'campaigns.results.what_changed_between_the_baseline_and', defaultMessage: 'What changed between the baseline and the endline survey, question by question, with 95% confidence intervals. Each figure names the test behind it and how many people it rests on.' })}</p>
      {d.undeclared ? (
        <div className="notice notice--warning" role="note">
          <p>
            <strong>{t({ id: 'campaigns.results.how_the_respondents_were_drawn_is', defaultMessage: 'How the respondents were drawn is not stated, so read the certainty with care.' })}</strong> {' '}{t({ id: 'campaigns.results.they_come_from_several_localities_if', defaultMessage: 'They come from several localities. If villages, schools or other places were drawn first and people within them, answers within a place are alike, and analysing them as a simple random sample, as here, makes the confidence intervals too narrow and the p-values too small.' })}{' '}
            {d.own ? (
              <>
                {i18n.rich(m.declare, {
                  link: (chunks) => (
                    <Link key="survey" to={`/campaigns/${d.campaign.id}/surveys`}>
                      {chunks}
                    </Link>
                  ),
                })}
              </>
            ) : (
              t(m.declareOther)
            )}
          </p>
        </div>
      ) : null}
      {d.waves.length ? (
        <WavesTable waves={d.waves} caption={t({ id: 'campaigns.results.survey_waves', defaultMessage: 'Survey waves' })} />
      ) : null}
      {!answered ? (
        <p className="notice">{t({ id: 'campaigns.results.no_survey_answers_yet_results_appear', defaultMessage: 'No survey answers yet. Results appear here once the baseline and endline answers are in.' })}</p>
      ) : (
        <>
          <p className="no-print">
            <a href={`/campaigns/${d.campaign.id}/results.csv`} download>
              {t({ id: 'campaigns.results.download_these_results_as_csv', defaultMessage: 'Download these results as CSV' })}</a>{' '}
            (<a href="/results-columns.csv" download>{t({ id: 'campaigns.results.what_each_column_means', defaultMessage: 'what each column means' })}</a>){' '}
            ·{' '}
            <a href={`/campaigns/${d.campaign.id}/iati.xml`} download>
              {t({ id: 'campaigns.results.the_campaign_s_results_as_iati', defaultMessage: 'the campaign’s results as IATI XML' })}</a>
            {d.own ? null : ` ${t(m.withheld, { threshold: d.threshold })}`}
          </p>
          {d.questions.map((q) => (
            <ResultCard
              key={q.code}
              question={q}
              records={d.records.filter((r) => r.question === q.code)}
              breakdowns={d.breakdowns.filter((b) => b.question === q.code)}
              threshold={d.threshold}
            />
          ))}
        </>
      )}
    </>
  )
}
