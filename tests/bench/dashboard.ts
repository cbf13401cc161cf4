// The outcome dashboard at scale: 2,000 campaigns with 2,000,000
// survey responses (dashboard-data.ts). Baseline, in the same run: the bare SQL aggregate over
// the responses that the summaries replace. Measured: the dashboard loader
// for every campaign and for one country, and refreshing one campaign's
// summaries after its answers change.
import { measure, report } from './measure'
import { dashboardDatabase } from './dashboard-data'
import { aWrite } from './demo-data'
import { record } from './summary'

export async function runDashboardBench() {
  const { db, refresh, coordinator, actor } = await dashboardDatabase()
  const { dashboardOf } = await import('../../app/features/dashboards/dashboard.server')
  const sqlite = db.$client
  // Baseline: what the dashboard would otherwise compute on every request — share correct per campaign and wave, over every answer.
  const aggregate = sqlite.prepare(`select w.campaign_id, w.kind, count(*) as n, avg(a.value = '1') as share
    from survey_answers a join survey_responses r on r.id = a.response_id join survey_waves w on w.id = r.wave_id
    group by w.campaign_id, w.kind`)
  const baseline = await measure(() => aggregate.all(), 5)
  const summaryRead = await measure(() => sqlite.prepare('select * from indicator_summaries').all(), 20)
  // The route's loader itself, as a request with a coordinator's session cookie: session, filters, summaries, figures.
  const { createUserSession } = await import('../../app/features/accounts/session.server')
  const { loader } = await import('../../app/routes/dashboards._index')
  const cookie = (await createUserSession(coordinator.id))!.split(';')[0]!
  const request = (query: string) => () => loader({ request: new Request(`http://localhost/dashboards${query}`, { headers: { Cookie: cookie } }), params: {}, context: {} } as never)
  // The dashboard keeps its figures until the database changes: a write before each request makes every one compute them.
  const afterWrite = (query: string) => async () => {
    await aWrite()
    await request(query)()
  }
  const all = await measure(afterWrite(''), 50)
  const country = await measure(afterWrite('?country=UA'), 50)
  const kept = await measure(request(''), 50)
  const shown = (await dashboardOf(actor, new URLSearchParams())).headline
  report(
    `Outcome dashboard: ${shown.campaigns.toLocaleString('en')} campaigns in view, ${shown.respondents.toLocaleString('en')} respondents`,
    [
      ['baseline: bare aggregate over every answer (GROUP BY)', baseline],
      ['reading the indicator summaries alone', summaryRead],
      ['dashboard loader, all campaigns, after a write', all],
      ['dashboard loader, one country (UA), after a write', country],
      ['dashboard loader, all campaigns, nothing written since', kept],
      ['refreshing one campaign’s summaries (1,000 responses)', refresh],
    ],
    baseline,
  )
  const ms = (us: number) => us / 1000
  record({ bench: 'dashboard', figure: 'loader, all campaigns, after a write, median (baseline: bare GROUP BY)', value: ms(all.median), baseline: ms(baseline.median), unit: 'ms' })
  record({ bench: 'dashboard', figure: 'loader, all campaigns, after a write, p95', value: ms(all.p95), unit: 'ms', goal: { of: 'value', atMost: 50 } })
  record({ bench: 'dashboard', figure: 'loader, one country, after a write, p95', value: ms(country.p95), unit: 'ms', goal: { of: 'value', atMost: 50 } })
  record({ bench: 'dashboard', figure: 'loader, all campaigns, nothing written since, median', value: ms(kept.median), unit: 'ms' })
  record({ bench: 'dashboard', figure: 'refreshing one campaign’s summaries, median', value: ms(refresh.median), unit: 'ms', goal: { of: 'value', atMost: 10 } })
}
