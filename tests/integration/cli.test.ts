import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { IMPACT_COLUMNS } from '../../app/features/results/impact-table'
import { COMPLEX_SAMPLES, REFERENCE_DATA } from '../reference-data'

// `npx lantern analyse` as an evaluator runs it: the package's bin, a real
// process, its exit code, what it prints on stdout and stderr.

const run = promisify(execFile)
const ROOT = join(__dirname, '../..')
/** Through npx once, to prove the bin is wired; straight through node (the bin's file) for the rest. */
const lantern = async (...args: string[]) => {
  const [command, ...rest] = args[0] === 'npx' ? ['npx', '--no-install', 'lantern', ...args.slice(1)] : ['node', 'app/cli/lantern.mjs', ...args]
  try {
    const { stdout, stderr } = await run(command!, rest, { cwd: ROOT })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('npx lantern analyse', () => {
  it('prints one CSV record per group and question, then the difference in differences', async () => {
    const out = await lantern('npx', 'analyse', join(REFERENCE_DATA, 'd08_xsec_did.csv'), '--format', 'csv')
    expect(out.code).toBe(0)
    const { data, meta } = Papa.parse<Record<string, string>>(out.stdout.trim(), { header: true })
    expect(meta.fields).toEqual(IMPACT_COLUMNS)
    expect(data.map((r) => `${r.group} ${r.question} ${r.method}`)).toEqual([
      'campaign knows_item prop_test_nocc',
      'campaign attitude_likert welch_t',
      'campaign knowledge_score welch_t',
      'comparison knows_item prop_test_nocc',
      'comparison attitude_likert welch_t',
      'comparison knowledge_score welch_t',
      'campaign_vs_comparison knows_item did_ols_robust_HC2',
      'campaign_vs_comparison attitude_likert did_ols_robust_HC2',
      'campaign_vs_comparison knowledge_score did_ols_robust_HC2',
    ])
    // R: did_ols_robust_HC2 for knows_item, 0.205087719298246 (0.0101054019, 0.4000700367)
    expect(Number(data[6]!.change)).toBeCloseTo(0.205087719298246, 12)
    expect(Number(data[6]!.change_ci_low)).toBeCloseTo(0.010105401903752, 9)
  }, 20_000)

  it('takes --design and --types, and fails with a message naming the problem', async () => {
    const file = join(REFERENCE_DATA, 'd01_panel_basic.csv')
    const asCrossSection = JSON.parse((await lantern('analyse', file, '--design', 'cross-section', '--types', 'attitude_likert=score')).stdout)
    expect(asCrossSection[1]).toMatchObject({ design: 'cross_section', type: 'score', method: 'welch_t', n_pairs: null })

    const unknown = await lantern('analyse', file, '--types', 'attitude=likert')
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(/--types names attitude, which is not a question column of the file/)
    expect(unknown.stdout).toBe('')

    const badFormat = await lantern('analyse', file, '--format', 'xml')
    expect([badFormat.code, badFormat.stderr]).toEqual([1, expect.stringMatching(/--format must be json or csv/)])
    expect((await lantern('analyse')).stderr).toMatch(/Name the survey file to analyse/)
  }, 30_000)

  it('analyses a complex sample design-based when --cluster, --strata and --weights name its columns, and says when they were not given', async () => {
    const file = join(COMPLEX_SAMPLES, 'data', 'c02_xsec_strata_weights.csv')
    const designed = await lantern('analyse', file, '--cluster', 'cluster', '--strata', 'stratum', '--weights', 'weight', '--format', 'csv')
    expect(designed.code).toBe(0)
    const rows = Papa.parse<Record<string, string>>(designed.stdout.trim(), { header: true }).data
    expect(rows.map((r) => `${r.question} ${r.sampling} ${r.method} ${r.df}`)).toEqual([
      'knows_item stratified_cluster svyglm_change 19',
      'attitude_likert stratified_cluster svyglm_change 19',
      'knowledge_score stratified_cluster svyglm_change 19',
    ])
    // R: svyglm(knows_item ~ post) on the stratified, weighted design; p = 0.00201088970543428.
    expect(Number(rows[0]!.p_value)).toBeCloseTo(0.00201088970543428, 12)

    const plain = await lantern('analyse', file)
    expect(plain.code).toBe(0)
    expect(plain.stderr).toMatch(/cluster: looks like the sample’s cluster .*say --cluster cluster to analyse it \(analysed as a simple random sample\)/)
    expect(JSON.parse(plain.stdout)[0]).toMatchObject({ sampling: null, method: 'prop_test_nocc' })

    expect((await lantern('analyse', file, '--strata', 'stratum')).stderr).toMatch(/--strata needs --cluster/)
    const unknown = await lantern('analyse', file, '--cluster', 'village')
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringMatching(/--cluster names village, which is not a column of the file \(its columns: respondent_code, wave/)])
  }, 30_000)
})
