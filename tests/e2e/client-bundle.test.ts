import { describe, expect, it } from 'vitest'
import { chunks } from './client-build'

// What ships to the browser, read from the client build's own list of the
// source modules in each chunk (build/client-modules.json, written by the
// build): no database code, no drizzle, no statistics, no server modules.

const modules = Object.values(chunks).flatMap((c) => c.modules)

describe('the browser bundle', () => {
  it('is the client build of the routes and their components', () => {
    expect(Object.keys(chunks).length).toBeGreaterThan(20)
    expect(modules).toEqual(expect.arrayContaining([expect.stringMatching(/^app\/root\.tsx$/), expect.stringMatching(/^app\/features\/results\/result-card\.tsx$/)]))
  })

  it('holds no server-only code: no drizzle, no statistics library, nothing of db/, no *.server module', () => {
    const forbidden = modules.filter((m) =>
      [/node_modules\/drizzle-orm\//, /node_modules\/@stdlib\//, /node_modules\/better-sqlite3\//, /^db\//, /\.server\.tsx?$/, /app\/features\/results\/(impact|impact-breakdown|impact-input|impact-table)\.ts$/, /app\/features\/results\/statistics\//].some((p) => p.test(m)),
    )
    expect(forbidden).toEqual([])
  })
})
