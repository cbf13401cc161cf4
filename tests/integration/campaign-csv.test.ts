import Papa from 'papaparse'
import { count } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { campaigns } from '../../db/schema'
import { db } from '../../app/shared/db.server'
import * as exportCsv from '../../app/routes/campaigns[.]csv'
import * as template from '../../app/routes/campaigns.template[.]csv'
import * as importPage from '../../app/routes/campaigns.import'
import { createCampaign, createOrganisation, createPerson, loginAs } from '../factories'
import { get, invoke, SITE } from './helpers'

/** An NGO with its admin and three campaigns — one over two oblasts, one funded, one published — and one of another NGO in Moldova. */
async function registry() {
  const { organisation, user: admin } = await createPerson('org_admin')
  const funder = createOrganisation({ type: 'donor', country: 'NL' })
  const twoOblasts = createCampaign(organisation, { title: 'Know your rights abroad — western oblasts', subdivisions: ['UA-46', 'UA-26'], funderIds: [funder.id] })
  createCampaign(organisation, { title: 'Hotline week', subdivisions: [], status: 'active', audiences: [{ code: 'youth_students', estimatedSize: 5000 }, { code: 'parents_caregivers', estimatedSize: null }] })
  createCampaign(organisation, { title: 'Published school talks', visibility: 'published', status: 'completed', budget: 12000, currency: 'EUR' })
  createCampaign(createOrganisation({ country: 'MD' }), { title: 'Chișinău bus station posters', country: 'MD', subdivisions: ['MD-CU'] })
  return { organisation, admin, twoOblasts }
}
const total = () => db.select({ n: count() }).from(campaigns).get()!.n

async function download(path: string, cookie?: string) {
  const res = (await exportCsv.loader({ request: get(path, cookie), params: {}, context: { clientIp: '', cspNonce: '' } })) as Response
  return { res, text: await res.text() }
}

function upload(text: string | Uint8Array<ArrayBuffer>, cookie: string, name = 'campaigns.csv') {
  const form = new FormData()
  form.set('file', new File([text], name, { type: 'text/csv' }))
  return new Request(`${SITE}/campaigns/import`, { method: 'POST', headers: { Origin: SITE, Cookie: cookie }, body: form })
}

/**
 * libhxl's sum: a tag pattern matches every column whose hashtag is the
 * pattern's and whose attributes include the pattern's; rows are grouped by
 * the first matching column, blank numbers are skipped.
 */
function hxlSum(text: string, groupBy: string, sum: string): Record<string, number> {
  const [, tags, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
  const matches = (pattern: string) => {
    const [tag, ...attributes] = pattern.split('+')
    return tags!.findIndex((t) => {
      const [own, ...ownAttributes] = t.split('+')
      return own === tag && attributes.every((a) => ownAttributes.includes(a))
    })
  }
  const [group, value] = [matches(groupBy), matches(sum)]
  const totals: Record<string, number> = {}
  for (const r of rows) {
    if (r[value]!.trim() === '') continue
    totals[r[group]!] = (totals[r[group]!] ?? 0) + Number(r[value])
  }
  return totals
}

const rowsWithoutCode = (text: string) => {
  const [header, hxl, ...rows] = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
  const code = header!.indexOf('code')
  return { header, hxl, rows: rows.map((r) => r.filter((_, i) => i !== code).join('|')).sort() }
}

describe('campaigns as CSV', () => {
  it('exports the filtered list as a 3W with its HXL row: a campaign over several oblasts is a row for the whole, then one per oblast', async () => {
    await registry()
    const { res, text } = await download('/campaigns.csv?country=UA', await loginAs((await createPerson('coordinator')).user))
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('Content-Disposition')).toMatch(/attachment; filename="lantern-campaigns-\d{4}-\d{2}-\d{2}\.csv"/)
    const { header, hxl, rows } = rowsWithoutCode(text)
    expect(header!.slice(0, 4)).toEqual(['organisation', 'funders', 'title', 'code'])
    expect(hxl).toEqual(expect.arrayContaining(['#org+name+impl', '#org+name+funder+list', '#activity+name', '#activity+code', '#sector+name', '#subsector+name', '#country+code', '#country+code+v_iso2', '#adm1+code+v_iso3166_2', '#adm1+name', '#loc+name', '#date+start', '#date+end', '#status', '#beneficiary+type+list', '#targeted', '#reached', '#x_audience_size+list']))
    // Numbers never sit in a cell that lists: the list columns have no +num.
    expect(hxl!.filter((t) => t.includes('+list') && t.includes('+num'))).toEqual([])
    // "Know your rights abroad" covers two oblasts: the whole campaign, then each oblast.
    expect(rows.filter((r) => r.includes('Know your rights abroad — western oblasts'))).toHaveLength(3)
    expect(rows.every((r) => r.includes('|UKR|UA|'))).toBe(true)
    expect(rows.some((r) => r.includes('Chișinău'))).toBe(false)
  })

  it('sums, as HXL tools sum it, to the true number of people targeted by country and by oblast', async () => {
    await registry()
    const { text } = await download('/campaigns.csv', await loginAs((await createPerson('coordinator')).user))
    const sums = (by: string) => hxlSum(text, by, '#targeted')
    const truth = db.$client
      .prepare('select c.country, sum(a.estimated_size) as n from campaigns c join campaign_audiences a on a.campaign_id = c.id where c.status != \'draft\' group by c.country')
      .all() as { country: string; n: number }[]
    expect(sums('#country+v_iso2')).toEqual(Object.fromEntries(truth.map((t) => [t.country, t.n])))
    expect(Object.values(sums('#adm1+code')).reduce((a, b) => a + b, 0)).toBe(truth.reduce((a, t) => a + t.n, 0))
    // The campaign over two oblasts is counted once, under neither of them.
    expect(sums('#adm1+code')['UA-26']).toBeUndefined()
  })

  it('anonymous visitors export only published campaigns', async () => {
    await registry()
    const { text } = await download('/campaigns.csv')
    const { rows } = rowsWithoutCode(text)
    expect(rows.some((r) => r.includes('Published school talks'))).toBe(true)
    expect(rows.some((r) => r.includes('Hotline week') || r.includes('Know your rights abroad'))).toBe(false)
    expect(rows.every((r) => r.includes('|published|'))).toBe(true)
  })

  it('importing its own export again changes nothing and says so; an edited line updates its campaign', async () => {
    const { organisation, admin } = await registry()
    const cookie = await loginAs(admin)
    const before = await download(`/campaigns.csv?organisation=${organisation.id}`, cookie)
    expect(rowsWithoutCode(before.text).rows).toHaveLength(5)
    const campaignsBefore = total()

    const again = await invoke(importPage.action, upload(before.text, cookie))
    expect(again.status).toBe(200)
    expect(again.data).toEqual({ ok: true, created: 0, updated: 0, unchanged: 3, message: 'Nothing has changed: the 3 campaigns in the file are already on Lantern as the file describes them.' })
    expect(total()).toBe(campaignsBefore)
    expect((await download(`/campaigns.csv?organisation=${organisation.id}`, cookie)).text).toBe(before.text)

    // The same file with one campaign renamed and moved a week: that campaign changes, in place.
    const edited = before.text.replaceAll('Hotline week', 'Hotline fortnight')
    const updated = await invoke(importPage.action, upload(edited, cookie))
    expect(updated.data).toMatchObject({ ok: true, created: 0, updated: 1, unchanged: 2 })
    expect(total()).toBe(campaignsBefore)
    expect(rowsWithoutCode((await download(`/campaigns.csv?organisation=${organisation.id}`, cookie)).text).rows.filter((r) => r.includes('Hotline fortnight'))).toHaveLength(1)
    expect((await invoke(importPage.action, upload(edited, cookie))).data).toMatchObject({ updated: 0, unchanged: 3 })
  })

  it('applies the lifecycle: a new campaign starts as a draft, and a status moves only as the campaign page allows', async () => {
    const { organisation, admin } = await registry()
    const cookie = await loginAs(admin)
    const exported = (await download(`/campaigns.csv?organisation=${organisation.id}`, cookie)).text
    const [header, hxl, ...lines] = exported.replace(/^\uFEFF/, '').trimEnd().split('\r\n')
    const hotline = lines.find((l) => l.includes('Hotline week'))!
    const codeOf = (line: string) => Papa.parse<string[]>(line).data[0]![header!.split(',').indexOf('code')]!
    const newOne = (status: string) => hotline.replace(codeOf(hotline), 'NEW-1').replace('Hotline week', 'Brand new campaign').replace(',active,', `,${status},`)
    const before = total()
    const refused = await invoke(importPage.action, upload([header, hxl, newOne('evaluated'), hotline.replace(',active,', ',draft,')].join('\r\n'), cookie))
    expect(refused.status).toBe(400)
    expect((refused.data as { problems: { line: number; column: string; message: string }[] }).problems).toEqual([
      { line: 3, column: 'status', message: 'A new campaign starts as a draft; it cannot be imported as evaluated. Import it as draft or planned, then move it on Lantern as it runs.' },
      { line: 4, column: 'status', message: 'This campaign is active on Lantern and cannot move to draft (from active it can move to completed or archived).' },
    ])
    const planned = await invoke(importPage.action, upload([header, hxl, newOne('planned')].join('\r\n'), cookie))
    expect((planned.data as { problems: { message: string }[] }).problems[0]!.message).toMatch(/^A campaign is registered as planned once it has an objective with an outcome indicator/)
    expect(total()).toBe(before)
    const draft = await invoke(importPage.action, upload([header, hxl, newOne('draft'), hotline.replace(',active,', ',completed,')].join('\r\n'), cookie))
    expect(draft.data).toMatchObject({ ok: true, created: 1, updated: 1 })
    const history = db.$client.prepare("select from_status, to_status from campaign_status_history h join campaigns c on c.id = h.campaign_id where c.title = 'Hotline week' order by h.id").all()
    expect(history.at(-1)).toEqual({ from_status: 'active', to_status: 'completed' })
  })

  it('imports nothing when one line is bad, and says where', async () => {
    const { organisation, user: admin } = await createPerson('org_admin')
    const cookie = await loginAs(admin)
    const res = (await template.loader()) as Response
    const lines = (await res.text()).replace(/^\uFEFF/, '').split('\r\n')
    const good = lines[2]!.replace('Your organisation’s name exactly as on Lantern', organisation.name)
    const bad = good.replace('C1', 'C2').replace('2026-06-30', '2026-13-45')
    const before = total()
    const result = await invoke(importPage.action, upload([lines[0], lines[1], good, bad].join('\r\n'), cookie))
    expect(result.status).toBe(400)
    expect((result.data as { problems: unknown[] }).problems).toEqual([{ line: 4, column: 'end_date', message: 'The end date must be a date like 2026-04-01' }])
    expect(total()).toBe(before)

    const ok = await invoke(importPage.action, upload([lines[0], lines[1], good].join('\r\n'), cookie))
    expect(ok.data).toMatchObject({ ok: true, created: 1, updated: 0, unchanged: 0 })
    // The organisation's own code names the same campaign the second time.
    expect((await invoke(importPage.action, upload([lines[0], lines[1], good].join('\r\n'), cookie))).data).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 1 })
  })

  it('refuses a file that is not UTF-8, an empty upload, and a file over 5 MB, with a message', async () => {
    const cookie = await loginAs((await createPerson('org_admin')).user)
    const latin1 = new Uint8Array([0x6f, 0x72, 0x67, 0x0a, 0x43, 0x61, 0x73, 0x61, 0x20, 0x53, 0x70, 0x65, 0x72, 0x61, 0x6e, 0xfe, 0x65, 0x69])
    const notUtf8 = await invoke(importPage.action, upload(latin1, cookie))
    expect((notUtf8.data as { problems: { message: string }[] }).problems[0]!.message).toMatch(/not UTF-8/)
    const empty = await invoke(importPage.action, upload('', cookie))
    expect((empty.data as { problems: { message: string }[] }).problems[0]!.message).toBe('Choose a CSV file to import.')
    const big = await invoke(importPage.action, upload('x'.repeat(5 * 1024 * 1024 + 10), cookie))
    expect(big.status).toBe(413)
  })

  it('donors and coordinators cannot import', async () => {
    for (const email of ['donor', 'coordinator'] as const) {
      const result = await invoke(importPage.action, upload('organisation\r\n', await loginAs((await createPerson(email)).user)))
      expect(result.status, email).toBe(403)
    }
  })
})
