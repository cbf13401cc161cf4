import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import * as importPage from '../../app/routes/campaigns.$campaignId.surveys.import'
import { addQuestions, addWave, importPlan, storeUpload } from '../../app/features/surveys/index.server'
import { changeResults } from '../../app/features/results/flow.server'
import { auditEvents, users } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import { actorOf, createCampaign, createPerson, loginAs } from '../factories'
import { get, invoke, post } from './helpers'

// A false alarm of the personal-data check, overruled: only an org admin may
// say a flagged column is not personal data, with a reason that the audit log
// keeps beside who said it, when, of which file and column.

const FILE = [
  'respondent_code,wave,knows_hotline,mobile_use,contact',
  'R-1,pre,1,Calls and messages,+380 67 123 4567',
  'R-2,pre,0,Internet and social media,+380 50 765 4321',
  'R-3,pre,1,Calls only,+380 93 111 2233',
].join('\n')

async function flaggedUpload() {
  const { organisation, user } = await createPerson('member')
  const member = await actorOf(user)
  const id = createCampaign(organisation, { status: 'active', indicators: [] })
  await changeResults(member, id, (change) =>
    addQuestions(change, [
      { code: 'knows_hotline', text: 'Do you know the hotline number?', type: 'binary', desired: '1', options: [], min: null, max: null, indicatorId: null },
      { code: 'mobile_use', text: 'What do you use your phone for?', type: 'free_text', desired: null, options: [], min: null, max: null, indicatorId: null },
    ]),
  )
  await addWave(member, id, { kind: 'baseline', group: 'campaign', design: 'cross_section', samplingNotes: '' })
  const upload = await storeUpload(member, id, 'kobo-download.csv', FILE)
  const admin = (await createPerson('org_admin', organisation)).user
  return { id, upload, member, memberCookie: await loginAs(user), admin, adminCookie: await loginAs(admin) }
}

const clear = (id: number, fields: Record<string, string>, cookie: string) =>
  invoke(importPage.action, post(`/campaigns/${id}/surveys/import`, { intent: 'clear-personal', ...fields }, { cookie }), { campaignId: String(id) })

describe('overruling a false alarm of the personal-data check', () => {
  it('lets an org admin, not a member, mark a flagged column as not personal data, with a reason the audit log keeps', async () => {
    const s = await flaggedUpload()
    const before = await importPlan(s.member, s.id, s.upload)
    expect(before.personal).toEqual([null, null, null, 'its heading suggests a phone number', 'its values look like phone numbers'])
    expect(before.canClear).toBe(false)

    // A member may not, even by sending the form.
    expect((await clear(s.id, { upload: String(s.upload), column: '3', reason: 'It asks what the phone is used for.' }, s.memberCookie)).status).toBe(403)
    // The admin opens the member's upload and must give a reason.
    const page = await invoke(importPage.loader, get(`/campaigns/${s.id}/surveys/import?upload=${s.upload}`, s.adminCookie), { campaignId: String(s.id) })
    expect((page.data as { plan: { canClear: boolean } }).plan.canClear).toBe(true)
    const short = await clear(s.id, { upload: String(s.upload), column: '3', reason: 'ok' }, s.adminCookie)
    expect([short.status, (short.data as { message: string }).message]).toEqual([400, 'Say why this column is not personal data, in a few words (10 characters or more).'])
    const notFlagged = await clear(s.id, { upload: String(s.upload), column: '2', reason: 'Answers to a yes/no question.' }, s.adminCookie)
    expect((notFlagged.data as { message: string }).message).toBe('“knows_hotline” is not flagged as personal data.')

    const done = await clear(s.id, { upload: String(s.upload), column: '3', reason: 'It asks what the phone is used for, not its number.', back: `upload=${s.upload}&c0=respondent_code` }, s.adminCookie)
    expect([done.status, done.location]).toEqual([302, `/campaigns/${s.id}/surveys/import?upload=${s.upload}&c0=respondent_code`])

    // The column is no longer flagged; the real phone numbers still are.
    const after = await importPlan(s.member, s.id, s.upload)
    expect(after.personal).toEqual([null, null, null, null, 'its values look like phone numbers'])
    expect(after.mapping[3]).toBe('question:mobile_use')
    const admin = db.select({ name: users.name }).from(users).where(eq(users.id, s.admin.id)).get()!
    expect(after.cleared).toEqual([expect.objectContaining({ column: 3, header: 'mobile_use', reason: 'It asks what the phone is used for, not its number.', userId: s.admin.id, userName: admin.name })])
    const audit = db.select().from(auditEvents).where(and(eq(auditEvents.entityId, String(s.id)), eq(auditEvents.action, 'survey.personal-data-cleared'))).all()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorUserId: s.admin.id, after: { file: 'kobo-download.csv', column: 'mobile_use', reason: 'It asks what the phone is used for, not its number.' } })
    expect(audit[0]!.at).toBeInstanceOf(Date)
  })

  it('keeps other organisations’ admins out of the upload', async () => {
    const s = await flaggedUpload()
    const stranger = await loginAs((await createPerson('org_admin')).user)
    expect((await clear(s.id, { upload: String(s.upload), column: '3', reason: 'It asks what the phone is used for.' }, stranger)).status).toBe(403)
  })
})
