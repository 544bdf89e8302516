import t from 'tap'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { DiscoNode } from '../src/node/node.js'
import { DashboardServer } from '../src/web/server.js'

/**
 * The dashboard's API against a page on another site and against type-confused JSON: a request
 * that would change something and that a browser says comes from elsewhere is refused (403,
 * CROSS_SITE) and appends nothing; the dashboard's own page and a script with the token still
 * work; a body of the wrong types is a typed 400; odd names under /vendor/ are 404. A real node
 * (offline) and the server, spoken to with raw HTTP so that every header is the test's.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'disco-web-hardening-'))
const node = await DiscoNode.create({ storage: path.join(dir, 'ledger'), coopName: 'Coop', memberName: 'Ana' })
const dashboard = new DashboardServer(node, { port: 0 })
await dashboard.listen()
// in this order: the server lets its calls finish, the node closes, then its folder goes
t.teardown(async () => {
  await dashboard.close()
  await node.close()
  fs.rmSync(dir, { recursive: true, force: true })
})
const base = `http://127.0.0.1:${dashboard.address.port}`
const bearer = { Authorization: `Bearer ${dashboard.token}` }
const json = { ...bearer, 'Content-Type': 'application/json' }
const LOG = JSON.stringify({ stream: 'love', duration: '1h', description: 'from the test' })

async function raw (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number, body: string }> {
  return await new Promise((resolve, reject) => {
    const req = http.request(base + path, { method, headers }, res => {
      let text = ''
      res.setEncoding('utf8').on('data', (c: string) => { text += c })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const codeOf = (body: string): string | undefined => {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code
  } catch {
    return undefined
  }
}

t.test('a state-changing request from another site or origin: 403 CROSS_SITE, nothing appended', async t => {
  const before = node.base.length
  const cases: Array<[string, string, Record<string, string>, string]> = [
    ['POST', '/api/log', { ...json, Origin: 'http://evil.example' }, LOG],
    ['POST', '/api/log', { ...json, 'Sec-Fetch-Site': 'cross-site' }, LOG],
    // another port of this machine is the same site to a browser, not the same origin
    ['POST', '/api/log', { ...json, 'Sec-Fetch-Site': 'same-site', Origin: 'http://127.0.0.1:1' }, LOG],
    ['POST', '/api/log', { ...json, Origin: 'http://127.0.0.1:1' }, LOG],
    ['POST', '/api/log', { ...json, Origin: 'null' }, LOG],
    ['POST', '/api/log', { ...json, Origin: base, 'Sec-Fetch-Site': 'cross-site' }, LOG],
    ['POST', '/api/log', { ...json, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'same-origin' }, LOG],
    ['POST', '/api/vote', { ...json, Origin: 'http://evil.example' }, JSON.stringify({ id: 'ffffffff-1-0', choice: 'yes' })],
    ['DELETE', '/api/log', { ...bearer, 'Sec-Fetch-Site': 'cross-site' }, ''],
    ['PUT', '/', { ...bearer, Origin: 'http://evil.example' }, '']
  ]
  for (const [method, p, headers, body] of cases) {
    const r = await raw(method, p, headers, body)
    const from = headers.Origin ?? headers['Sec-Fetch-Site']
    t.equal(r.status, 403, `${method} ${p} from ${from}: 403`, { body: r.body })
    t.equal(codeOf(r.body), 'CROSS_SITE', 'a typed error')
  }
  t.equal(node.base.length, before, 'nothing appended')
})

t.test("the dashboard's own page and a script with the token still change things", async t => {
  const before = node.base.length
  const page = await raw('POST', '/api/log', { ...json, Origin: base, 'Sec-Fetch-Site': 'same-origin' }, LOG)
  t.equal(page.status, 200, 'same origin: 200', { body: page.body })
  const script = await raw('POST', '/api/log', json, LOG)
  t.equal(script.status, 200, 'no Origin, no Sec-Fetch-Site, the token: 200', { body: script.body })
  t.ok(node.base.length > before, 'both appended')
  const read = await raw('GET', '/api/status', { ...bearer, 'Sec-Fetch-Site': 'same-origin' })
  t.equal(read.status, 200, 'reading is unchanged')
  const noToken = await raw('POST', '/api/log', { 'Content-Type': 'application/json', Origin: base }, LOG)
  t.equal(noToken.status, 401, 'the token is still needed')
})

t.test('a JSON body of the wrong types: a typed 400, nothing appended', async t => {
  const before = node.base.length
  const bodies: Array<[string, string, string]> = [
    ['/api/log', JSON.stringify({ stream: 5, duration: '1h' }), 'INVALID_FIELD'],
    ['/api/log', JSON.stringify({ stream: 'love', duration: '1h', tags: 'a,b' }), 'INVALID_FIELD'],
    ['/api/log', JSON.stringify({ stream: 'love', duration: { h: 1 } }), 'INVALID_FIELD'],
    ['/api/log', JSON.stringify({ stream: 'love', minutes: '60' }), 'INVALID_FIELD'],
    ['/api/log', JSON.stringify({ duration: '1h' }), 'INVALID_FIELD'],
    ['/api/log', 'null', 'INVALID_FIELD'],
    ['/api/log', '"love"', 'INVALID_FIELD'],
    ['/api/log', JSON.stringify({ stream: 'love', duration: '1h', extra: true }), 'INVALID_FIELD'],
    ['/api/log', `{"stream":${'['.repeat(10_000)}${']'.repeat(10_000)},"duration":"1h"}`, 'INVALID_FIELD'],
    ['/api/vote', JSON.stringify({ id: 5, choice: ['yes'] }), 'INVALID_FIELD'],
    ['/api/vote', JSON.stringify({}), 'INVALID_FIELD'],
    ['/api/vote', JSON.stringify({ id: 'ffffffff-1-0', choice: 'yes', reason: 7 }), 'INVALID_FIELD']
  ]
  for (const [p, body, code] of bodies) {
    const r = await raw('POST', p, json, body)
    t.equal(r.status, 400, `POST ${p} ${body.slice(0, 60)}: 400`, { body: r.body })
    t.equal(codeOf(r.body), code, code)
    t.notMatch(r.body, /\n\s+at |\.[jt]s:\d+/, 'no stack trace')
  }
  const query = await raw('GET', '/api/entries?limit=1e400', bearer)
  t.equal(query.status, 400, 'a query number that is no whole number: 400')
  t.equal(codeOf(query.body), 'INVALID_FIELD')
  t.equal(node.base.length, before, 'nothing appended')
})

t.test('odd names under /vendor/ are 404, not 500', async t => {
  for (const p of [
    '/vendor/__proto__', '/vendor/constructor', '/vendor/toString', '/vendor/hasOwnProperty', '/vendor/valueOf',
    '/vendor/..%2fpackage.json', '/vendor/..%2F..%2Fpackage.json', '/vendor/%2e%2e%2fpackage.json', '/vendor/',
    '/vendor/chart.umd.min.js%00', '/vendor/__proto__/x', '/vendor/..%5cpackage.json', '/__proto__', '/constructor.js'
  ]) {
    const r = await raw('GET', p, bearer)
    t.equal(r.status, 404, `GET ${p}: 404`, { body: r.body.slice(0, 200) })
  }
  t.equal((await raw('GET', '/vendor/chart.umd.min.js', bearer)).status, 200, 'the real vendored file is served')
})

t.test('under /js/ only the modules the page imports are served: the rest of the build is 404', async t => {
  for (const p of [
    '/js/src/node/node.js', '/js/src/service/handlers.js', '/js/bin/disco.js', '/js/web/page/main.js.map', '/js/web/page/main.d.ts',
    '/js/web/page/../../package.json', '/js/..%2fpackage.json', '/js/web/page/%2e%2e%2f%2e%2e%2fsrc/node/node.js', '/js/__proto__', '/js/', '/app.js'
  ]) {
    const r = await raw('GET', p, bearer)
    t.equal(r.status, 404, `GET ${p}: 404`, { body: r.body.slice(0, 200) })
  }
  for (const p of ['/js/web/page/main.js', '/js/src/ledger/duration.js', '/js/web/vendor/intl-messageformat.js']) {
    const r = await raw('GET', p, bearer)
    t.equal(r.status, 200, `GET ${p}: 200, the page's own`)
  }
})
