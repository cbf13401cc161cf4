import { describe, expect, it } from 'vitest'
import { db } from '../../app/shared/db.server'
import * as healthz from '../../app/routes/healthz'
import { get, invoke } from './helpers'

describe('GET /healthz', () => {
  it('answers 200 with a small JSON body while the database answers', async () => {
    const result = await invoke(healthz.loader, get('/healthz'))
    expect(result.status).toBe(200)
    expect(result.data).toEqual({ status: 'ok', database: true })
    expect(result.headers.get('Cache-Control')).toBe('no-store')
  })

  it('answers 503 when the database does not', async () => {
    db.$client.close()
    const result = await invoke(healthz.loader, get('/healthz'))
    expect(result.status).toBe(503)
    expect(result.data).toEqual({ status: 'unavailable', database: false })
  })
})
