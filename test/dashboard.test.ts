import t from 'tap'
import crypto from 'node:crypto'
import http from 'node:http'
import type { Page } from 'playwright-core'
import type { DiscoNode } from '../src/node/node.js'
import { dispatch } from '../src/service/handlers.js'
import type { CommandName, CommandOutput } from '../src/service/handlers.js'
import { DashboardServer } from '../src/web/server.js'
import { DiscoError } from '../src/errors.js'
import { converged, founder, joiner, testnet } from './helpers/cluster.js'
import { openBrowser, openDashboardPage, collectPageErrors, screenshotPath } from './helpers/browser.js'

/**
 * The dashboard in a real browser (Debian's chromium, driven by playwright-core), over a
 * cooperative of two nodes on a loopback testnet: Ana (member, whose node serves the page) and Bo
 * (contributor). Every figure the page shows is checked against the handler the CLI calls; waits
 * are for something on the page, never for a fixed time.
 */

const WAIT = 15_000
const pad = (n: number): string => String(n).padStart(2, '0')
const dayOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
const now = new Date()
const TODAY = dayOf(now)
const THIS_MONTH = TODAY.slice(0, 7)
/** a month that is over, to distribute; and one further back, for the twelve-month chart */
const LAST_MONTH = dayOf(new Date(now.getFullYear(), now.getMonth() - 1, 10)).slice(0, 7)
const FIVE_AGO = dayOf(new Date(now.getFullYear(), now.getMonth() - 5, 12))

const call = async <K extends CommandName>(node: DiscoNode, name: K, input: object): Promise<CommandOutput<K>> =>
  await dispatch(node, name, input, { running: true, progress: () => {} })

const network = await testnet(t)
const ana = await founder(t, network, 'Ana')
const bo = await joiner(t, network, ana, 'Bo', 'contributor')

// the cooperative's known entries
const zine = await call(ana, 'log', { stream: 'love', duration: '3h', description: 'translated the zine', project: 'zine' })
await call(ana, 'log', { stream: 'care', duration: '1h30m', description: 'onboarding call' })
await call(ana, 'log', { stream: 'livelihood', duration: '2h', client: 'Acme', amount: '120.50', currency: 'EUR', project: 'site' })
const twice = await call(ana, 'log', { stream: 'care', duration: '45m', description: 'logged twice' })
await call(ana, 'log', { stream: 'love', duration: '4h', date: `${LAST_MONTH}-10`, project: 'zine' })
await call(ana, 'log', { stream: 'care', duration: '2h', date: `${LAST_MONTH}-11`, for: 'person' })
await call(ana, 'log', { stream: 'love', duration: '6h', date: FIVE_AGO })
await call(ana, 'amend', { id: zine.entry.id, duration: '3h30m' })
await call(ana, 'retract', { id: twice.entry.id, reason: 'logged twice' })
const boZine = await call(bo, 'log', { stream: 'love', duration: '2h30m', description: 'proofread the zine', project: 'zine' })
await call(bo, 'log', { stream: 'livelihood', duration: '5h', date: `${LAST_MONTH}-20`, client: 'Acme' })
await call(bo, 'log', { stream: 'care', duration: '1h', description: 'tea for the team' })
await converged([ana, bo])
await call(ana, 'endorse', { id: boZine.entry.id })

// an output unit in the rules, for the log form's output fields
const words = await call(ana, 'propose', { kind: 'rules', rules: { unit: ['words=4800/1000'] } })
if (words.proposal.status === 'open') await call(ana, 'vote', { id: words.proposal.id, choice: 'yes' })

// a distributed month, a second member (so that one vote does not decide), and an open motion
const dist = await call(ana, 'propose', { kind: 'distribute', month: LAST_MONTH, amount: '1000.00', currency: 'EUR' })
if (dist.proposal.status === 'open') await call(ana, 'vote', { id: dist.proposal.id, choice: 'yes' })
const admit = await call(ana, 'propose', { kind: 'admit', device: crypto.randomBytes(32).toString('hex'), role: 'member', name: 'Dee' })
if (admit.proposal.status === 'open') await call(ana, 'vote', { id: admit.proposal.id, choice: 'yes' })
const motion = await call(ana, 'propose', { kind: 'motion', text: 'Move the weekly call to Thursdays' })

const dashboard = new DashboardServer(ana, { port: 0 })
await dashboard.listen()
t.teardown(async () => { await dashboard.close() })
const base = `http://127.0.0.1:${dashboard.address.port}`
const loginUrl = dashboard.urls()[0] as string

const browser = await openBrowser(t)
const page = await browser.newPage()
// a refused request (the bad-input tests' 400s) is the browser logging it; anything else is a fault
const pageErrors = collectPageErrors(page)

async function open (p: Page, name: string): Promise<void> {
  await openDashboardPage(p, name, WAIT)
}

/** a request with no token, or another one */
async function raw (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<{ status: number, body: string }> {
  return await new Promise((resolve, reject) => {
    const req = http.request(base + path, { method, headers }, res => {
      let text = ''
      res.setEncoding('utf8').on('data', (c: string) => { text += c })
      // an event stream would stay open: its status and first bytes say enough
      if (res.headers['content-type']?.startsWith('text/event-stream') === true) { res.destroy(); resolve({ status: res.statusCode ?? 0, body: '' }); return }
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

t.test('without the token nothing is served: page, assets, API, events', async t => {
  const before = ana.base.length
  const wrong = { Authorization: 'Bearer ' + crypto.randomBytes(32).toString('base64url') }
  for (const [method, path, headers] of [
    ['GET', '/', {}], ['GET', '/app.js', {}], ['GET', '/style.css', {}], ['GET', '/vendor/chart.umd.min.js', {}],
    ['GET', '/api/report', {}], ['GET', '/api/entries', {}], ['GET', '/api/events', {}], ['GET', '/?token=wrong', {}],
    ['GET', '/api/entries', wrong], ['GET', '/api/entries', { Cookie: `disco_token_${dashboard.address.port}=wrong` }]
  ] as Array<[string, string, Record<string, string>]>) {
    const r = await raw(method, path, headers)
    t.equal(r.status, 401, `${method} ${path} ${Object.keys(headers).join(' ')}: 401`)
    t.notMatch(r.body, /zine|Ana|<html|function/, 'and nothing of the page or the ledger')
  }
  const post = await raw('POST', '/api/log', { 'Content-Type': 'application/json' }, JSON.stringify({ stream: 'love', duration: '1h' }))
  t.equal(post.status, 401, 'POST /api/log: 401')
  t.equal(ana.base.length, before, 'nothing appended')

  const fresh = await browser.newPage()
  const res = await fresh.goto(base + '/')
  t.equal(res?.status(), 401, 'the browser without the cookie gets 401')
  await fresh.close()

  const ok = await raw('GET', '/api/members', { Authorization: `Bearer ${dashboard.token}` })
  t.equal(ok.status, 200, 'a script with the token in an Authorization header is served')
})

t.test('the API: handlers\' errors as HTTP statuses, JSON only', async t => {
  const auth = { Authorization: `Bearer ${dashboard.token}` }
  const json = { ...auth, 'Content-Type': 'application/json' }
  const cases: Array<[string, string, Record<string, string>, string | undefined, number, string]> = [
    ['GET', '/api/entries?month=2026-13', auth, undefined, 400, 'INVALID_MONTH'],
    ['GET', '/api/entries?member=Nobody', auth, undefined, 404, 'MEMBER_NOT_FOUND'],
    ['GET', '/api/entries?limit=many', auth, undefined, 400, 'INVALID_FIELD'],
    ['GET', '/api/proposals?open=maybe', auth, undefined, 400, 'INVALID_FIELD'],
    ['GET', '/api/statement?month=2001-01', auth, undefined, 404, 'STATEMENT_NOT_FOUND'],
    // periods are between 2000 and 2099 (src/ledger/periods.ts)
    ['GET', '/api/statement?month=1999-01', auth, undefined, 400, 'INVALID_PERIOD'],
    ['POST', '/api/vote', json, JSON.stringify({ id: 'ffffffff-1-0', choice: 'yes' }), 404, 'PROPOSAL_NOT_FOUND'],
    ['POST', '/api/log', auth, 'stream=love&duration=1h', 400, 'BAD_REQUEST'],
    ['POST', '/api/log', json, '{"stream":', 400, 'BAD_REQUEST'],
    ['POST', '/api/log', json, '["love"]', 400, 'INVALID_FIELD'],
    ['GET', '/api/log', auth, undefined, 405, 'METHOD_NOT_ALLOWED'],
    ['GET', '/api/nothing', auth, undefined, 404, 'NO_SUCH_ROUTE']
  ]
  const before = ana.base.length
  for (const [method, path, headers, body, status, code] of cases) {
    const r = await raw(method, path, headers, body)
    t.equal(r.status, status, `${method} ${path}: ${status}`)
    t.equal((JSON.parse(r.body) as { error: { code: string } }).error.code, code, code)
  }
  t.equal(ana.base.length, before, 'nothing appended')
  // the vote handler appends the vote and reads back apply's verdict, as it does for the CLI
  const decided = await raw('POST', '/api/vote', json, JSON.stringify({ id: dist.proposal.id, choice: 'yes' }))
  t.equal(decided.status, 409, 'a vote on a decided proposal: 409')
  t.equal((JSON.parse(decided.body) as { error: { code: string } }).error.code, 'PROPOSAL_DECIDED')
  const ok = JSON.parse((await raw('GET', '/api/entries?member=Bo&stream=love', auth)).body) as unknown
  t.same(ok, await call(ana, 'entries', { member: 'Bo', stream: 'love' }), 'an answer is the handler\'s output')
})

t.test('the login link sets an HttpOnly, SameSite=Strict cookie and drops the token from the address', async t => {
  const res = await page.goto(loginUrl)
  t.equal(res?.status(), 200)
  t.equal(page.url(), base + '/', 'no token in the address bar')
  const cookies = await browser.cookies(base)
  const cookie = cookies.find(c => c.name === `disco_token_${dashboard.address.port}`)
  t.ok(cookie, 'the cookie is set')
  t.equal(cookie?.httpOnly, true)
  t.equal(cookie?.sameSite, 'Strict')
})

t.test("the overview's figures equal the node's report", async t => {
  await open(page, 'overview')
  const byStream = await call(ana, 'report', { month: THIS_MONTH, by: 'stream' })
  const byMember = await call(ana, 'report', { month: THIS_MONTH, by: 'member' })
  const cells = async (table: string): Promise<Record<string, [number, number, number]>> => await page.$$eval(`${table} tr[data-key]`, rows =>
    Object.fromEntries(rows.map(r => [r.getAttribute('data-key'), ['minutes', 'entries', 'credits'].map(k => Number(r.querySelector(`[data-${k}]`)?.getAttribute(`data-${k}`)))])))
  const streams = await cells('#overview-streams')
  for (const s of ['livelihood', 'love', 'care']) {
    const row = byStream.rows.find(r => r.key === s)
    t.same(streams[s], [row?.minutes ?? 0, row?.entries ?? 0, row?.credits ?? 0], `${s}: hours, entries, credits`)
  }
  t.same(streams.total, [byStream.total.minutes, byStream.total.entries, byStream.total.credits], 'the total')
  t.equal(byStream.total.minutes, 210 + 90 + 120 + 150 + 60, 'the known entries of this month (the retracted one does not count)')
  const members = await cells('#overview-members')
  t.same(members, Object.fromEntries(byMember.rows.filter(r => r.minutes > 0).map(r => [r.key, [r.minutes, r.entries, r.credits]])), 'per member')
  t.equal(Object.keys(members).length, 2, 'Ana and Bo')
  const months = JSON.parse(await page.$eval('#chart-months', c => c.getAttribute('data-totals') ?? '[]')) as number[]
  t.equal(months.length, 12)
  t.equal(months[11], byStream.total.minutes, 'the last of twelve months is this one')
  t.equal(months[10], (await call(ana, 'report', { month: LAST_MONTH, by: 'stream' })).total.minutes, 'and the one before, last month')
  t.equal(months[6], 360, 'five months ago')
  t.equal(await page.$$eval('#page-overview canvas', cs => (cs as HTMLCanvasElement[]).filter(c => c.width > 0 && c.height > 0).length), 4, 'four charts drawn')
  await page.screenshot({ path: screenshotPath('overview'), fullPage: true })
})

t.test('the ledger: filters, endorsements, amend and retract marks', async t => {
  await open(page, 'ledger')
  const all = await call(ana, 'entries', {})
  t.equal(await page.locator('#ledger-table tbody tr').count(), all.entries.length, 'every entry')
  const mark = async (id: string): Promise<string> => await page.locator(`#ledger-table tr[data-id="${id}"] .mark`).allInnerTexts().then(x => x.join(' | '))
  t.match(await mark(twice.entry.id), /retracted: logged twice/)
  t.match(await mark(zine.entry.id), /amended/)
  t.match(await mark(boZine.entry.id), /endorsed by Ana/)
  t.match(await mark(zine.entry.id), /not endorsed/)

  await page.selectOption('#ledger-filters select[name=member]', { label: 'Bo' })
  await page.selectOption('#ledger-filters select[name=stream]', 'love')
  await page.waitForFunction(() => document.querySelectorAll('#ledger-table tbody tr').length === 1, null, { timeout: WAIT })
  const filtered = await call(ana, 'entries', { member: 'Bo', stream: 'love' })
  t.same(await page.$$eval('#ledger-table tbody tr', rs => rs.map(r => r.getAttribute('data-id'))), filtered.entries.map(e => e.id), 'member and stream')

  await page.click('#ledger-filters button[type=reset]')
  await page.fill('#ledger-filters input[name=project]', 'zine')
  await page.fill('#ledger-filters input[name=month]', THIS_MONTH)
  await page.click('#ledger-filters button[type=submit]')
  const zineRows = await call(ana, 'entries', { project: 'zine', month: THIS_MONTH })
  await page.waitForFunction(n => document.querySelectorAll('#ledger-table tbody tr').length === n, zineRows.entries.length, { timeout: WAIT })
  t.same((await page.$$eval('#ledger-table tbody tr', rs => rs.map(r => r.getAttribute('data-id')))).sort(), zineRows.entries.map(e => e.id).sort(), 'project and month')
  await page.click('#ledger-filters button[type=reset]')
  await page.waitForFunction(n => document.querySelectorAll('#ledger-table tbody tr').length === n, all.entries.length, { timeout: WAIT })
  await page.screenshot({ path: screenshotPath('ledger'), fullPage: true })
})

t.test('an entry the node appends appears on the open page without a reload', async t => {
  await open(page, 'ledger')
  await page.evaluate(() => { (window as unknown as { stayed: boolean }).stayed = true })
  const added = await call(bo, 'log', { stream: 'love', duration: '20m', description: 'from the other node' })
  await page.waitForSelector(`#ledger-table tr[data-id="${added.entry.id}"]`, { timeout: WAIT })
  t.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true, 'the same page, not reloaded')
})

/** Fill the log form as a member would (fields not named are left empty) and submit it. */
async function submitLog (fields: Record<string, string>): Promise<void> {
  await open(page, 'log')
  await page.selectOption('#log-form select[name=stream]', fields.stream ?? 'love')
  for (const name of ['duration', 'date', 'description', 'project', 'tags', 'quantity', 'unit', 'client', 'amount', 'currency', 'commons']) {
    const input = page.locator(`#log-form input[name=${name}]`)
    if (await input.isVisible()) await input.fill(fields[name] ?? '')
  }
  await page.click('#log-form button[type=submit]')
}

t.test('logging work in the form appends it: in the ledger and through the handlers', async t => {
  await submitLog({ stream: 'livelihood', duration: '1h15m', description: 'logged from the page', project: 'site', tags: 'web, test', client: 'Acme', amount: '80.25', currency: 'EUR' })
  await page.waitForSelector('#log-done:not([hidden])', { timeout: WAIT })
  const id = await page.$eval('#log-done', e => e.getAttribute('data-id') ?? '')
  const got = (await call(ana, 'entries', {})).entries.find(e => e.id === id)
  t.ok(got, 'the entries handler (disco entries) has it')
  t.match(got, { stream: 'livelihood', minutes: 75, description: 'logged from the page', project: 'site', tags: ['web', 'test'], client: 'Acme', money: { amount: 8025, currency: 'EUR' }, date: TODAY })
  await page.screenshot({ path: screenshotPath('log'), fullPage: true })
  await open(page, 'ledger')
  await page.waitForSelector(`#ledger-table tr[data-id="${id}"]`, { timeout: WAIT })
  t.pass('and the ledger page shows it')
})

t.test('work measured by its output is logged from the form without a duration', async t => {
  const before = await page.$eval('#log-done', e => e.getAttribute('data-id') ?? '')
  await submitLog({ stream: 'love', quantity: '2500', unit: 'Words', description: 'translated a chapter' })
  // the earlier test's entry may still be shown: wait for this one's
  await page.waitForFunction(prev => { const e = document.querySelector('#log-done'); return e !== null && !(e as HTMLElement).hidden && (e.getAttribute('data-id') ?? prev) !== prev }, before, { timeout: WAIT })
  const id = await page.$eval('#log-done', e => e.getAttribute('data-id') ?? '')
  const got = (await call(ana, 'entries', {})).entries.find(e => e.id === id)
  t.match(got, { stream: 'love', minutes: 0, output: { unit: 'words', quantity: 2500 }, description: 'translated a chapter' })
})

t.test("a bad form input shows the CLI's error message and appends nothing", async t => {
  for (const input of [
    { stream: 'love', duration: '3 hours' },
    { stream: 'love' },
    { stream: 'love', duration: '2h', date: '2026-02-30' },
    { stream: 'livelihood', duration: '1h', amount: '12.345', currency: 'EUR' },
    { stream: 'livelihood', duration: '1h', amount: '12' },
    { stream: 'love', quantity: '12', unit: 'pages' },
    { stream: 'love', duration: '1h', quantity: '12' }
  ] as Array<Record<string, string>>) {
    let expected: DiscoError | null = null
    try { await call(ana, 'log', input) } catch (err) { if (err instanceof DiscoError) expected = err }
    t.ok(expected, `the handler refuses ${JSON.stringify(input)}`)
    const before = ana.base.length
    await submitLog(input)
    await page.waitForSelector('#log-error:not([hidden])', { timeout: WAIT })
    t.equal(await page.textContent('#log-error'), expected?.message, `the page says "${expected?.message ?? ''}"`)
    t.equal(ana.base.length, before, 'nothing appended')
  }
  await page.screenshot({ path: screenshotPath('log-error'), fullPage: true })
})

t.test('a vote cast on the page counts', async t => {
  await open(page, 'proposals')
  t.equal(motion.proposal.status, 'open', 'the motion is open: two members vote')
  const card = page.locator(`article.proposal[data-id="${motion.proposal.id}"]`)
  t.equal(await card.locator('[data-tally=yes]').textContent(), 'yes 0')
  await page.screenshot({ path: screenshotPath('proposals'), fullPage: true })
  await card.locator('button[data-choice=yes]').click()
  await page.waitForFunction(id => document.querySelector(`article.proposal[data-id="${id}"] [data-tally=yes]`)?.textContent === 'yes 1', motion.proposal.id, { timeout: WAIT })
  const { proposals } = await call(ana, 'proposals', {})
  const p = proposals.find(x => x.id === motion.proposal.id)
  t.same(p?.votes.map(v => [v.name, v.choice, v.weight]), [['Ana', 'yes', 'binding']], 'the handler counts the vote')
  t.equal(p?.tally.yes, 1)
  t.equal(p?.status, 'open', 'one of two members: still open')
  t.equal(await card.locator('.votes li').textContent(), 'Ana: yes')
  t.equal(await card.locator('button[data-choice=yes]').getAttribute('aria-pressed'), 'true', 'her vote shows as hers')
})

t.test("the distribution page shows the month's statement", async t => {
  await open(page, 'distribution')
  const [s] = (await call(ana, 'statement', { month: LAST_MONTH })).statements
  t.ok(s)
  t.equal(await page.inputValue('#statement-month'), LAST_MONTH)
  const rows = await page.$$eval('#statement-table tbody tr', rs => rs.map(r => [r.getAttribute('data-member'), ...[...r.querySelectorAll('[data-amount]')].map(c => Number(c.getAttribute('data-amount')))]))
  t.same(rows, s?.lines.map(l => [l.member, l.amounts.livelihood, l.amounts.love, l.amounts.care, l.total]), 'each line, to the cent')
  t.equal(s?.lines.reduce((sum, l) => sum + l.total, 0), 100_000, 'the pool, exactly')
  t.equal(await page.$$eval('#page-distribution canvas', cs => (cs as HTMLCanvasElement[]).filter(c => c.width > 0).length), 1, 'a chart')
  await page.screenshot({ path: screenshotPath('distribution'), fullPage: true })
})

t.test('a phone-sized screen: no sideways scrolling', async t => {
  const phone = await browser.newPage()
  await phone.setViewportSize({ width: 390, height: 844 })
  await phone.goto(base + '/#overview')
  await phone.waitForSelector('body[data-loaded="overview"]', { timeout: WAIT })
  for (const name of ['overview', 'ledger', 'distribution', 'proposals', 'log']) {
    await open(phone, name)
    const width = await phone.evaluate(() => document.documentElement.scrollWidth)
    t.ok(width <= 390, `${name}: ${width}px wide`)
    await phone.screenshot({ path: screenshotPath(`phone-${name}`), fullPage: true })
  }
  await phone.close()
})

t.test('the page raised no script errors', async t => {
  t.same(pageErrors, [])
})
