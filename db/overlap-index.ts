import type Database from 'better-sqlite3'
import { CODE_SET_FINGERPRINT, MASKED } from '../app/shared/taxonomy/code-sets'

// Keeps the overlap index (overlap_index; see schema.ts) in step with the
// campaign tables. Every write that can change what a campaign overlaps —
// insertCampaignTree, a section save, a status change — ends by calling
// syncOverlapIndex for that campaign, in its transaction or right after it.
// ensureOverlapIndex rebuilds it all when it is new or the code lists behind
// its bitmasks changed.

/** The statuses that take part in overlap (DESIGN.md §5); drafts only in their author's live check. */
export const OVERLAP_STATUSES = ['planned', 'active', 'completed', 'evaluated'] as const

const DAY_NUMBER = (column: string) => `cast(julianday(${column}) - 2440587.5 as integer)`

// A code set as a bitmask: bit i for the i-th code of its list, the list passed as JSON.
const mask = (table: string, column: string, list: string) =>
  `coalesce((select sum(1 << l.key) from ${table} x join json_each(@${list}) l on l.value = x.${column} where x.campaign_id = c.id), 0)`

/**
 * The overlap profile of campaign `c` in SQL, as columns: id, organisation,
 * country, day numbers of its dates, comma-joined subdivisions and the four
 * masks. Named parameters @audiences, @channels, @forms, @purposes carry the
 * code lists (see profileParams).
 */
export const PROFILE_COLUMNS = `c.id, c.organisation_id, c.country, ${DAY_NUMBER('c.start_date')}, ${DAY_NUMBER('c.end_date')},
  coalesce((select group_concat(code, ',' order by code) from campaign_subdivisions where campaign_id = c.id), ''),
  ${mask('campaign_audiences', 'audience', 'audiences')}, ${mask('campaign_channels', 'channel', 'channels')},
  ${mask('campaign_exploitation_forms', 'form', 'forms')}, ${mask('campaign_purposes', 'purpose', 'purposes')}`

/** The code lists PROFILE_COLUMNS reads its masks against. */
export const profileParams = () => Object.fromEntries(Object.entries(MASKED).map(([name, list]) => [name, JSON.stringify(list.codes)]))

function statements(sqlite: Database.Database) {
  return {
    remove: sqlite.prepare('delete from overlap_index where campaign_id = ?'),
    // One row per subdivision; a campaign without subdivisions covers the whole country, whose code is its region.
    insert: sqlite.prepare(`
      insert into overlap_index (campaign_id, organisation_id, country, start_day, end_day, subdivisions, audiences, channels, forms, purposes, region)
      select ${PROFILE_COLUMNS}, coalesce(s.code, c.country)
      from campaigns c left join campaign_subdivisions s on s.campaign_id = c.id
      where c.id = @id and c.status in (${OVERLAP_STATUSES.map((s) => `'${s}'`).join(', ')})
        and c.country is not null and c.start_date is not null and c.end_date is not null
        -- An organisation awaiting approval is invisible and silent outside itself: its campaigns overlap nothing yet.
        and exists (select 1 from organisations o where o.id = c.organisation_id and o.approved_at is not null)`),
  }
}

const prepared = new WeakMap<Database.Database, ReturnType<typeof statements>>()

/** Rewrites the index rows of these campaigns from the campaign tables. */
export function syncOverlapIndex(sqlite: Database.Database, ids: readonly number[]) {
  let s = prepared.get(sqlite)
  if (!s) prepared.set(sqlite, (s = statements(sqlite)))
  const lists = profileParams()
  for (const id of ids) {
    s.remove.run(id)
    s.insert.run({ ...lists, id })
  }
}

// Which rows the index holds: bump it when the rule of what is indexed changes, so every index is rebuilt once.
const INDEX_RULES = 'approved-organisations'
const FINGERPRINT = `${CODE_SET_FINGERPRINT};${INDEX_RULES}`

/** Builds the whole index when it is new, was built with other code lists or by another rule; returns whether it did. */
export function ensureOverlapIndex(sqlite: Database.Database): boolean {
  const stored = sqlite.prepare('select fingerprint from overlap_index_state where id = 1').pluck().get()
  if (stored === FINGERPRINT) return false
  sqlite.transaction(() => {
    sqlite.prepare('delete from overlap_index').run()
    const ids = sqlite.prepare(`select id from campaigns where status in (${OVERLAP_STATUSES.map((s) => `'${s}'`).join(', ')})`).pluck().all() as number[]
    syncOverlapIndex(sqlite, ids)
    sqlite.prepare('insert into overlap_index_state (id, fingerprint) values (1, ?) on conflict (id) do update set fingerprint = excluded.fingerprint').run(FINGERPRINT)
  })()
  return true
}
