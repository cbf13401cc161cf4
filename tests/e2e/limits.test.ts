import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { baseUrl } from './browser'

// The running server refuses an oversized body while it streams in, with a
// message, and stays up: the request is not held whole in memory first.

/** Posts `a=aaaa…` to `path` in 64 KB chunks, without a length, until the server answers or `max` is sent. */
function postEndless(path: string, max: number): Promise<{ status: number; body: string; sent: number }> {
  const url = new URL(path, baseUrl)
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const req = request(url, { method: 'POST', headers: { Origin: url.origin, 'Content-Type': 'application/x-www-form-urlencoded', 'Transfer-Encoding': 'chunked' } }, (res) => {
      answered = true
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode!, body, sent })
      })
    })
    req.on('error', (e) => (answered ? undefined : reject(e)))
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const write = () => {
      while (!answered && sent < max) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', write)
      }
      if (!answered) req.end()
    }
    req.write('a=')
    write()
  })
}

describe('bounded requests on the running server', () => {
  it('answers 413 to an endless form before reading it whole, and keeps answering', async () => {
    const { status, body, sent } = await postEndless('/login', 300 * 1024 * 1024)
    expect(status).toBe(413)
    expect(body).toMatch(/larger than 1 MB/)
    // What was sent before the answer came back: buffers in flight, not the 300 MB offered.
    expect(sent).toBeLessThan(32 * 1024 * 1024)
    expect((await fetch(new URL('/healthz', baseUrl))).status).toBe(200)
  })
})
