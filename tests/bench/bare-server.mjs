// The pages bench's baseline: the least a server-rendered page with data can
// cost on this stack. node:http, one statement prepared once, React's
// renderToString. GET /?rows=N renders N campaigns as a table, so that the
// page can be made the size of the Lantern page it is compared with.
import { createServer } from 'node:http'
import Database from 'better-sqlite3'
import { createElement as h } from 'react'
import { renderToString } from 'react-dom/server'

const db = new Database(process.env.DATABASE_PATH, { readonly: true })
const campaigns = db.prepare('select id, title, country, start_date, end_date, status from campaigns order by id desc limit ?')

function Page({ rows }) {
  return h('html', { lang: 'en' },
    h('head', null, h('meta', { charSet: 'utf-8' }), h('title', null, 'Campaigns'), h('link', { rel: 'stylesheet', href: '/app.css' })),
    h('body', null,
      h('header', null, h('nav', null, h('a', { href: '/' }, 'Lantern'), ' ', h('a', { href: '/campaigns' }, 'Campaigns'))),
      h('main', null,
        h('h1', null, 'Campaigns'),
        h('table', null,
          h('thead', null, h('tr', null, ...['Title', 'Country', 'Dates', 'Status'].map((c) => h('th', { key: c, scope: 'col' }, c)))),
          h('tbody', null, rows.map((r) =>
            h('tr', { key: r.id },
              h('td', null, h('a', { href: `/campaigns/${r.id}` }, r.title)),
              h('td', null, r.country),
              h('td', null, `${r.start_date ?? ''} – ${r.end_date ?? ''}`),
              h('td', null, r.status)))))),
    ),
  )
}

createServer((req, res) => {
  const rows = Math.min(5000, Number(new URL(req.url, 'http://x').searchParams.get('rows')) || 50)
  const html = '<!DOCTYPE html>' + renderToString(h(Page, { rows: campaigns.all(rows) }))
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) })
  res.end(html)
}).listen(Number(process.env.PORT), () => process.send?.('listening'))
