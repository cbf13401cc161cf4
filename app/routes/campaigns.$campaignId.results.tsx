import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PrintHeader } from '../shared/ui/print-header'
import { ResultCard, UNDECLARED_NOTE } from '../features/results'
import { WavesTable } from '../features/surveys'
import { campaignResults } from '../features/results/index.server'
import { campaignParams, parseParams } from '../shared/params.server'
import { getSession } from '../features/accounts/index.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Results: ${data?.campaign.title ?? 'campaign'} – Lantern` }]

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
    today: new Date().toISOString().slice(0, 10),
    breakdowns: r.breakdowns,
    // Answers from several places, and a wave nobody said how it was drawn: perhaps a cluster sample analysed as a simple random one.
    undeclared: r.records.some((x) => x.notes.some((n) => n.startsWith(UNDECLARED_NOTE))),
  }
}

export default function CampaignResultsPage() {
  const d = useLoaderData<typeof loader>()
  const answered = d.records.some((r) => r.answeredPre > 0 || r.answeredPost > 0)
  return (
    <>
      <p className="muted">
        <Link to={`/campaigns/${d.campaign.id}`}>{d.campaign.title}</Link> · {d.campaign.organisation}
      </p>
      <PrintHeader title={`Results: ${d.campaign.title}`} date={d.today} details={[d.campaign.organisation]} />
      <h1>Results</h1>
      <p className="lede">
        What changed between the baseline and the endline survey, question by question, with 95% confidence intervals. Each figure names the test behind it
        and how many people it rests on.
      </p>
      {d.undeclared ? (
        <div className="notice notice--warning" role="note">
          <p>
            <strong>How the respondents were drawn is not stated, so read the certainty with care.</strong> They come from several localities. If villages,
            schools or other places were drawn first and people within them, answers within a place are alike, and analysing them as a simple random sample,
            as here, makes the confidence intervals too narrow and the p-values too small.{' '}
            {d.own ? (
              <>
                Say how each wave was drawn on its page under <Link to={`/campaigns/${d.campaign.id}/surveys`}>Survey</Link>, and import the cluster column: the
                results then account for it.
              </>
            ) : (
              'The organisation that ran the survey can declare its design; the results then account for it.'
            )}
          </p>
        </div>
      ) : null}
      {d.waves.length ? (
        <WavesTable waves={d.waves} caption="Survey waves" />
      ) : null}
      {!answered ? (
        <p className="notice">No survey answers yet. Results appear here once the baseline and endline answers are in.</p>
      ) : (
        <>
          <p className="no-print">
            <a href={`/campaigns/${d.campaign.id}/results.csv`} download>
              Download these results as CSV
            </a>{' '}
            (<a href="/results-columns.csv" download>what each column means</a>){' '}
            ·{' '}
            <a href={`/campaigns/${d.campaign.id}/iati.xml`} download>
              the campaign’s results as IATI XML
            </a>
            {d.own ? null : ` (breakdowns with fewer than ${d.threshold} respondents are withheld, as on this page)`}
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
