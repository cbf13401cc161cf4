import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/shared/db.server'
import { untilChange } from '../../app/shared/until-change.server'
import { createOrganisation } from '../factories'

// Figures kept between requests must never outlive a write: one made through
// this process's connection, or one another server process committed.

function counted() {
  const read = untilChange<number>(2)
  let computed = 0
  const organisations = () => db.$client.prepare('select count(*) from organisations').pluck().get() as number
  return {
    read: (key = 'all') => read(key, async () => (computed++, organisations())),
    computed: () => computed,
  }
}

describe('values kept until the database changes', () => {
  it('computes a value once while nothing is written', async () => {
    const store = counted()
    const first = await store.read()
    expect(await store.read()).toBe(first)
    expect(store.computed()).toBe(1)
  })

  it('computes it again after a write through this process', async () => {
    const store = counted()
    const before = await store.read()
    createOrganisation()
    expect(await store.read()).toBe(before + 1)
    expect(store.computed()).toBe(2)
  })

  it('computes it again after another process committed a write', async () => {
    const store = counted()
    const before = await store.read()
    const other = new Database(db.$client.name)
    other.prepare("insert into organisations (name, type, country, created_at) values ('Another worker', 'ngo', 'UA', 0)").run()
    other.close()
    expect(await store.read()).toBe(before + 1)
  })

  it('does not keep a value whose computation saw a write', async () => {
    const read = untilChange<string>(2)
    let computed = 0
    const writing = async () => {
      computed++
      createOrganisation()
      return 'figures'
    }
    await read('k', writing)
    await read('k', writing)
    expect(computed).toBe(2)
  })

  it('does not keep a value computed before a write that another request read after', async () => {
    const read = untilChange<string>(2)
    let release = () => {}
    const slow = read('slow', () => new Promise<string>((resolve) => (release = () => resolve('figures from before the write'))))
    createOrganisation()
    await read('other', async () => 'figures from after the write')
    release()
    await slow
    let computed = 0
    expect(await read('slow', async () => (computed++, 'figures from after the write'))).toBe('figures from after the write')
    expect(computed).toBe(1)
  })

  it('keeps the most recently read keys up to its capacity', async () => {
    const store = counted()
    await store.read('a')
    await store.read('b')
    await store.read('a')
    await store.read('c') // 'b' was read least recently: it goes
    expect(store.computed()).toBe(3)
    await store.read('a')
    expect(store.computed()).toBe(3)
    await store.read('b')
    expect(store.computed()).toBe(4)
  })
})
