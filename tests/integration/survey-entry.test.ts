import { describe, expect, it } from 'vitest'
import * as newResponse from '../../app/routes/campaigns.$campaignId.surveys.responses.new'
import * as changeResponse from '../../app/routes/campaigns.$campaignId.surveys.responses.$responseId'
import * as wavePage from '../../app/routes/campaigns.$campaignId.surveys.waves.$waveId'
import { db } from '../../app/shared/db.server'
import { createPerson, createSurveyedCampaign, loginAs } from '../factories'
import { get, invoke, post } from './helpers'

// Typing in answers from paper questionnaires into a panel survey.

/** A campaign with a panel survey, its member's session, and the id of its endline wave. */
async function survey() {
  const { organisation, user } = await createPerson('member')
  const id = createSurveyedCampaign(organisation)
  const wave = db.$client.prepare("select id from survey_waves where campaign_id = ? and kind = 'endline'").pluck().get(id) as number
  const audit = (action: string) => db.$client.prepare('select count(*) from audit_events where action = ? and entity_id = ?').pluck().get(action, String(id)) as number
  return { id: String(id), wave, cookie: await loginAs(user), audit }
}

describe('typing in a response', () => {
  it('adds a response, keeps what was typed when something is wrong, changes it and deletes it, each in the audit log', async () => {
    const { id, wave, cookie, audit } = await survey()
    const path = `/campaigns/${id}/surveys/responses/new?wave=${wave}`
    const form = { wave: String(wave), respondentCode: 'PAPER-001', sex: 'female', ageBand: '18-24', q_knows_hotline: '1', q_knows_signs: '0', q_would_report: '5', q_knowledge_score: '8' }

    const wrong = await invoke(newResponse.action, post(path, { ...form, q_knowledge_score: '80', q_would_report: 'often' }, { cookie }), { campaignId: id })
    expect(wrong.status).toBe(400)
    expect(wrong.data).toMatchObject({
      values: { respondentCode: 'PAPER-001', q_knowledge_score: '80' },
      errors: { q_knowledge_score: ['80 is outside the range 0 to 10'], q_would_report: [expect.stringMatching(/not on the 1–5 scale/)] },
    })

    const added = await invoke(newResponse.action, post(path, form, { cookie }), { campaignId: id })
    expect(added.location).toBe(`/campaigns/${id}/surveys/waves/${wave}`)
    expect(audit('survey.response-added')).toBe(1)
    const twice = await invoke(newResponse.action, post(path, form, { cookie }), { campaignId: id })
    expect(twice.data).toMatchObject({ errors: { respondentCode: ['Respondent PAPER-001 is already in this wave'] } })

    const list = (await invoke(wavePage.loader, get(`/campaigns/${id}/surveys/waves/${wave}`, cookie), { campaignId: id, waveId: String(wave) })).data as { items: { id: number; respondentCode: string }[] }
    const paper = list.items.find((r) => r.respondentCode === 'PAPER-001')!
    const params = { campaignId: id, responseId: String(paper.id) }
    const shown = (await invoke(changeResponse.loader, get(`/campaigns/${id}/surveys/responses/${paper.id}`, cookie), params)).data as { values: Record<string, string> }
    expect(shown.values).toMatchObject({ respondentCode: 'PAPER-001', sex: 'female', q_knows_hotline: '1', q_knowledge_score: '8' })

    await invoke(changeResponse.action, post(`/campaigns/${id}/surveys/responses/${paper.id}`, { ...form, q_knowledge_score: '' }, { cookie }), params)
    const changed = (await invoke(changeResponse.loader, get(`/campaigns/${id}/surveys/responses/${paper.id}`, cookie), params)).data as { values: Record<string, string> }
    expect(changed.values.q_knowledge_score).toBeUndefined()
    expect(audit('survey.response-changed')).toBe(1)

    await invoke(changeResponse.action, post(`/campaigns/${id}/surveys/responses/${paper.id}`, { intent: 'delete' }, { cookie }), params)
    expect(audit('survey.response-deleted')).toBe(1)
    expect((await invoke(changeResponse.loader, get(`/campaigns/${id}/surveys/responses/${paper.id}`, cookie), params)).status).toBe(404)
  })

  it('is only for the owning organisation', async () => {
    const { id, wave } = await survey()
    for (const email of ['org_admin', 'donor', 'coordinator'] as const) {
      const result = await invoke(newResponse.action, post(`/campaigns/${id}/surveys/responses/new?wave=${wave}`, { wave: String(wave), respondentCode: 'X-1' }, { cookie: await loginAs((await createPerson(email)).user) }), { campaignId: id })
      expect(result.status, email).toBe(403)
    }
    const outsider = await invoke(wavePage.loader, get(`/campaigns/${id}/surveys/waves/${wave}`, await loginAs((await createPerson('org_admin')).user)), { campaignId: id, waveId: String(wave) })
    expect(outsider.status).toBe(403)
  })
})
