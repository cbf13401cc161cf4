import { describe, expect, it } from 'vitest'
import { importPlan, runImport, storeUpload } from '../../app/features/surveys/index.server'
import { changeResults } from '../../app/features/results/flow.server'
import * as importPage from '../../app/routes/campaigns.$campaignId.surveys.import'
import { campaignWithInstrument, heardFrom, KNOWS_HOTLINE, WOULD_REPORT } from '../factories'
import { get, invoke } from './helpers'

// The layouts the field's tools download, as they come: KoboToolbox's
// "labels" export (headings and answers as the form's labels) and ODK
// Central's CSV (groups joined by "-", its own columns around the answers).

const campaign = () => campaignWithInstrument([KNOWS_HOTLINE, WOULD_REPORT, heardFrom([{ code: 'radio', label: 'Radio' }, { code: 'friends', label: 'Friends or family' }])], ['baseline'])

const answersOf = (plan: Awaited<ReturnType<typeof importPlan>>) => plan.preview.map((r) => [r.respondentCode, r.answers])

describe('downloads from the field’s tools', () => {
  it('imports a KoboToolbox labels export: questions, options and answers matched by their labels', async () => {
    const { actor, id } = await campaign()
    const text = [
      'start;end;Respondent code;Knowledge/Do you know the hotline number?;Attitudes/I would report a suspected case.;Media/Where did you hear about the hotline?;Media/Where did you hear about the hotline?/Radio;Media/Where did you hear about the hotline?/Friends or family;_id;_uuid;_submission_time;_index',
      '2026-03-01T10:00:00;2026-03-01T10:09:00;KB-1;Yes;Agree;Radio Friends or family;1;1;1;a1;2026-03-01T10:10:00;1',
      '2026-03-01T11:00:00;2026-03-01T11:08:00;KB-2;No;Strongly disagree;Friends or family;0;1;2;a2;2026-03-01T11:09:00;2',
    ].join('\n')
    const plan = await importPlan(actor, id, await storeUpload(actor, id, 'labels.csv', text), { targetWave: 'baseline:campaign' })
    expect(plan.mapping).toEqual(['drop', 'drop', 'respondent_code', 'question:knows_hotline', 'question:would_report', 'question:heard_from', 'option:heard_from/radio', 'option:heard_from/friends', 'drop', 'submission_id', 'drop', 'drop'])
    expect(plan.problems).toEqual([])
    expect(answersOf(plan)).toEqual([
      ['KB-1', { knows_hotline: '1', would_report: '4', heard_from: 'radio friends' }],
      ['KB-2', { knows_hotline: '0', would_report: '1', heard_from: 'friends' }],
    ])
  })

  it('imports ODK Central’s CSV with no hand decision: its meta columns dropped, its “-” groups read', async () => {
    const { actor, id } = await campaign()
    const text = [
      'SubmissionDate,grp_id-respondent_code,grp_k-knows_hotline,grp_a-would_report,grp_m-heard_from,meta-instanceID,KEY,SubmitterID,SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,FormVersion',
      '2026-03-01T10:11:00.000Z,OD-1,1,4,radio friends,uuid:7c1,uuid:7c1,17,Olena Kovalenko,0,0,,,collect:AbC1,0,2026030101',
      '2026-03-01T11:11:00.000Z,OD-2,0,2,radio,uuid:8d2,uuid:8d2,17,Olena Kovalenko,0,0,,,collect:AbC1,0,2026030101',
    ].join('\n')
    const upload = await storeUpload(actor, id, 'odk-central.csv', text)
    const plan = await importPlan(actor, id, upload, { targetWave: 'baseline:campaign' })
    expect(plan.mapping).toEqual(['drop', 'respondent_code', 'question:knows_hotline', 'question:would_report', 'question:heard_from', 'submission_id', ...Array(10).fill('drop')])
    expect(plan.problems).toEqual([])
    expect(await changeResults(actor, id, (change) => runImport(change, upload, { targetWave: 'baseline:campaign' }))).toMatchObject({ ok: true, created: 2 })
  })

  it('drops every column still undecided at a person’s word, and no other', async () => {
    const { actor, id, cookie } = await campaign()
    const upload = await storeUpload(actor, id, 'extra.csv', ['respondent_code,wave,knows_hotline,enumerator_note,tablet_battery', 'R-1,pre,1,ok,80'].join('\n'))
    const page = async (query: string) => ((await invoke(importPage.loader, get(`/campaigns/${id}/surveys/import?${query}`, cookie), { campaignId: String(id) })).data as { plan: { mapping: string[] } }).plan.mapping
    expect(await page(`upload=${upload}`)).toEqual(['respondent_code', 'wave', 'question:knows_hotline', 'choose', 'choose'])
    expect(await page(`upload=${upload}&rest=drop`)).toEqual(['respondent_code', 'wave', 'question:knows_hotline', 'drop', 'drop'])
  })
})
